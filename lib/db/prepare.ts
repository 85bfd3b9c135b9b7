import { env } from "@/lib/env";
import { createDb } from "./client";
import { migrateDatabase } from "./migrate";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from "./seed";

/**
 * Brings the configured database up to date: applies pending migrations, then, in demo mode
 * (RS_DEMO_SEED, on by default for the embedded SQLite), creates the demo accounts if the
 * database has no users yet and prints how to sign in. Called at server start
 * (instrumentation.ts) and by `npm run db:prepare`.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const target = env().database;
  const applied = await migrateDatabase(target);
  const where = target.provider === "sqlite" ? target.file : "PostgreSQL";
  log(`database: ${target.provider} (${where}); migrations applied now: ${applied.length ? applied.join(", ") : "none pending"}`);
  const { demoSeed } = env();
  if (!demoSeed) {
    log("database: demo seeding off (RS_DEMO_SEED=on turns it on)");
    return;
  }
  const db = createDb(target);
  try {
    const seeded = await seedDemoData(db);
    if (seeded.created) {
      log(`database: demo accounts created; sign in as ${DEMO_USERS.map((u) => u.email).join(", ")} with the password ${DEMO_PASSWORD} (change it, or set RS_DEMO_SEED=off for a real deployment)`);
    } else {
      log("database: has accounts already; demo seeding left them as they are");
    }
  } finally {
    await db.$disconnect();
  }
}
