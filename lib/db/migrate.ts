import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "@/lib/env/database";

/** One migration folder: prisma/<provider>/migrations/<name>/migration.sql. */
export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of migration.sql, as Prisma records it. */
  checksum: string;
}

/** Lists a provider's migrations in the order they apply. */
export function listMigrations(provider: DatabaseTarget["provider"], root = process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", provider, "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The bookkeeping table Prisma Migrate uses, so `prisma migrate status/deploy` agree with us.
const LEDGER = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT,
    "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

function checkApplied(applied: Map<string, string>, migrations: Migration[]): Migration[] {
  for (const m of migrations) {
    const sum = applied.get(m.name);
    if (sum !== undefined && sum !== m.checksum) {
      throw new Error(`migration ${m.name} was edited after it was applied (checksum differs)`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

/**
 * Applies pending migrations, each in its own transaction together with its ledger row, so a
 * failing migration leaves nothing half-written. Returns the names applied.
 *
 * Prisma's own `migrate deploy` cannot be used for PostgreSQL over the pg driver adapter
 * (prisma/orm#27403: it fails on columns of type `name`), and the native engines cannot be
 * downloaded here; this applies the same files and keeps the same ledger.
 */
export async function migrateDatabase(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  const migrations = listMigrations(target.provider, root);
  if (target.provider === "sqlite") {
    if (target.file) mkdirSync(path.dirname(target.file), { recursive: true });
    const db = new Database(target.file ?? target.url.replace(/^file:/, ""));
    try {
      db.pragma("busy_timeout = 5000");
      db.exec(LEDGER.sqlite);
      const rows = db
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
        .all() as { migration_name: string; checksum: string }[];
      const pending = checkApplied(new Map(rows.map((r) => [r.migration_name, r.checksum])), migrations);
      const insert = db.prepare(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES (?, ?, ?, current_timestamp, current_timestamp, 1)`,
      );
      for (const m of pending) {
        db.transaction(() => {
          db.exec(m.sql);
          insert.run(randomUUID(), m.checksum, m.name);
        }).immediate();
      }
      return pending.map((m) => m.name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    await client.query(LEDGER.postgres);
    const applied: string[] = [];
    for (const m of migrations) {
      await client.query("BEGIN");
      try {
        // Serialise concurrent starters; re-read the ledger under the lock.
        await client.query("SELECT pg_advisory_xact_lock(727274)");
        const res = await client.query<{ migration_name: string; checksum: string }>(
          `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
        );
        const pending = checkApplied(new Map(res.rows.map((r) => [r.migration_name, r.checksum])), [m]);
        if (pending.length > 0) {
          await client.query(m.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), m.checksum, m.name],
          );
          applied.push(m.name);
        }
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return applied;
  } finally {
    await client.end();
  }
}
