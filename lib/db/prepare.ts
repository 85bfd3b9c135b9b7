import { env } from "@/lib/env";
import { createDb } from "./client";
import { migrateDatabase } from "./migrate";
import { seedDemoData } from "./seed";

/**
 * Brings the configured database up to date: applies pending migrations, then seeds the demo
 * data (idempotent). Called at server start (instrumentation.ts) and by `npm run db:prepare`.
 */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<void> {
  const target = env().database;
  const applied = await migrateDatabase(target);
  const where = target.provider === "sqlite" ? target.file : "PostgreSQL";
  log(`database: ${target.provider} (${where}); migrations applied now: ${applied.length ? applied.join(", ") : "none pending"}`);
  const db = createDb(target);
  try {
    const seeded = await seedDemoData(db);
    log(`database: demo data ready (${seeded.users} users)`);
  } finally {
    await db.$disconnect();
  }
}
