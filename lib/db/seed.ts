import type { Db } from "./client";
import type { Role } from "./generated/sqlite/client";
import { upsertUserByEmail } from "./queries/users";

/** The demo accounts the app starts with: one per role, two raters for inter-rater checks. */
export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@reward.studio", name: "Ada Admin", role: "admin" },
  { email: "engineer@reward.studio", name: "Eli Engineer", role: "engineer" },
  { email: "rater1@reward.studio", name: "Rae Rater", role: "rater" },
  { email: "rater2@reward.studio", name: "Ravi Rater", role: "rater" },
];

/** Inserts the demo data; idempotent, so every start may call it. */
export async function seedDemoData(db: Db): Promise<{ users: number }> {
  await db.$transaction(async (tx) => {
    for (const u of DEMO_USERS) await upsertUserByEmail(tx as Db, u);
  });
  return { users: DEMO_USERS.length };
}
