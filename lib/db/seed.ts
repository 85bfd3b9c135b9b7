// The password hashing module only (not lib/auth's index, which imports lib/db).
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "./client";
import type { Role } from "./generated/sqlite/client";
import { findUserByEmail, setInitialPasswordHash, upsertUserByEmail } from "./queries/users";

/** The demo accounts the app starts with: one per role, two raters for inter-rater checks. */
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@reward.studio", name: "Ada Admin", role: "admin" },
  { email: "engineer@reward.studio", name: "Eli Engineer", role: "engineer" },
  { email: "rater1@reward.studio", name: "Rae Rater", role: "rater" },
  { email: "rater2@reward.studio", name: "Ravi Rater", role: "rater" },
];

/** The demo accounts' password (README). Set only where an account has none, so a changed one stays. */
export const DEMO_PASSWORD = "studio-demo";

/** Inserts the demo data; idempotent, so every start may call it. */
export async function seedDemoData(db: Db): Promise<{ users: number }> {
  // Hash outside the transaction (scrypt is slow on purpose), only for accounts that need one.
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) {
    if (!(await findUserByEmail(db, { email: u.email }))?.passwordHash) hashes.set(u.email, await hashPassword(DEMO_PASSWORD));
  }
  await db.$transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      await upsertUserByEmail(tx as Db, u);
      const passwordHash = hashes.get(u.email);
      if (passwordHash) await setInitialPasswordHash(tx as Db, { email: u.email, passwordHash });
    }
  });
  return { users: DEMO_USERS.length };
}
