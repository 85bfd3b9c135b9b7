/** Fresh, migrated databases for data-layer tests, one per test file, on either provider. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import type { DatabaseTarget } from "@/lib/env/database";
import { createDb, type Db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

export const PROVIDERS = ["sqlite", "postgres"] as const;

export interface TestDatabase {
  target: DatabaseTarget;
  db: Db;
  dispose(): Promise<void>;
}

/** Creates an empty database on `provider`, applies the migrations, and opens a client. */
export async function freshDatabase(provider: DatabaseTarget["provider"]): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "rs-sqlite-"));
    const file = path.join(dir, "test.db");
    const target: DatabaseTarget = { provider, url: `file:${file}`, file };
    await migrateDatabase(target);
    const db = createDb(target);
    return { target, db, dispose: async () => { await db.$disconnect(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const admin = inject("postgresUrl");
  const name = `rs_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const adminClient = new pg.Client({ connectionString: admin });
  await adminClient.connect();
  await adminClient.query(`CREATE DATABASE ${name}`);
  await adminClient.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  const target: DatabaseTarget = { provider, url };
  await migrateDatabase(target);
  const db = createDb(target);
  return { target, db, dispose: async () => { await db.$disconnect(); } };
}
