// The password hashing module only (not lib/auth's index, which imports lib/db).
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import type { Role } from "./generated/sqlite/client";

/** The demo accounts the app starts with: one per role, two raters for inter-rater checks. */
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@reward.studio", name: "Ada Admin", role: "admin" },
  { email: "engineer@reward.studio", name: "Eli Engineer", role: "engineer" },
  { email: "rater1@reward.studio", name: "Rae Rater", role: "rater" },
  { email: "rater2@reward.studio", name: "Ravi Rater", role: "rater" },
];

/** The demo accounts' password (README), set when they are created. */
export const DEMO_PASSWORD = "studio-demo";

/**
 * Creates the demo accounts on a database that has no users yet, once: a database with any
 * user is left alone, so a restart never resets a password, a role or a name someone changed
 * (nor brings back a demo account someone deleted). `created` says whether it seeded now.
 */
export async function seedDemoData(db: Db): Promise<{ users: number; created: boolean }> {
  if ((await db.user.count()) > 0) return { users: DEMO_USERS.length, created: false };
  // Hash outside the transaction (scrypt is slow on purpose).
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  const created = await db.$transaction(async (tx) => {
    // Re-checked inside: two servers starting together seed once (the unique emails refuse the second).
    if ((await tx.user.count()) > 0) return false;
    await tx.user.createMany({ data: DEMO_USERS.map((u, i) => ({ ...u, passwordHash: hashes[i]! })) });
    return true;
  }).catch((err: unknown) => {
    if ((err as { code?: unknown })?.code === "P2002") return false;
    throw err;
  });
  return { users: DEMO_USERS.length, created };
}
