import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase } from "./migrate";

const dirs: string[] = [];
function scratch(): string {
  const d = mkdtempSync(path.join(tmpdir(), "rs-mig-"));
  dirs.push(d);
  return d;
}
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** A project root holding a copy of the real SQLite migrations, to add broken ones to. */
function rootWithMigrations(): string {
  const root = scratch();
  cpSync(path.resolve("prisma/sqlite/migrations"), path.join(root, "prisma/sqlite/migrations"), { recursive: true });
  return root;
}

describe("migrateDatabase (SQLite)", () => {
  it("lists migrations in name order with Prisma's sha256 checksum", () => {
    const ms = listMigrations("sqlite");
    expect(ms.length).toBeGreaterThan(0);
    expect(ms[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(ms.map((m) => m.name)).toEqual([...ms.map((m) => m.name)].sort());
  });

  it("rolls back a failing migration completely and records nothing for it", async () => {
    const root = rootWithMigrations();
    const bad = path.join(root, "prisma/sqlite/migrations/99990101000000_bad");
    mkdirSync(bad);
    writeFileSync(path.join(bad, "migration.sql"), 'CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    const file = path.join(scratch(), "t.db");
    await expect(migrateDatabase({ provider: "sqlite", url: `file:${file}`, file }, root)).rejects.toThrow();
    const db = new Database(file);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[];
    const names = db.prepare('SELECT migration_name FROM "_prisma_migrations"').all() as { migration_name: string }[];
    db.close();
    expect(tables.map((t) => t.name)).not.toContain("Half");
    expect(tables.map((t) => t.name)).toContain("User");
    expect(names.map((n) => n.migration_name)).not.toContain("99990101000000_bad");
  });

  it("refuses to run when an applied migration was edited", async () => {
    const root = rootWithMigrations();
    const file = path.join(scratch(), "t.db");
    const target = { provider: "sqlite" as const, url: `file:${file}`, file };
    expect((await migrateDatabase(target, root)).length).toBeGreaterThan(0);
    const first = listMigrations("sqlite", root)[0]!;
    writeFileSync(path.join(root, "prisma/sqlite/migrations", first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrateDatabase(target, root)).rejects.toThrow(/edited after it was applied/);
  });
});

describe("the edge migration (20261201090000) on a database with data (SQLite)", () => {
  it("adds the checkpoint columns without touching the rows that point at checkpoints", async () => {
    const root = scratch();
    const all = listMigrations("sqlite");
    const edge = all.findIndex((m) => m.name.startsWith("20261201090000_"));
    expect(edge).toBeGreaterThan(0);
    for (const m of all.slice(0, edge)) {
      cpSync(path.resolve("prisma/sqlite/migrations", m.name), path.join(root, "prisma/sqlite/migrations", m.name), { recursive: true });
    }
    const file = path.join(scratch(), "t.db");
    const target = { provider: "sqlite" as const, url: `file:${file}`, file };
    await migrateDatabase(target, root);
    const db = new Database(file);
    db.exec(`INSERT INTO "Checkpoint" (id, name, task, architecture, uri, manifest) VALUES ('c1', 'n', 'captioning', 'a', '/u', '{}');
             INSERT INTO "Sample" (id, "checkpointId", "sceneSeed", output) VALUES ('s1', 'c1', 7, '{}');`);
    db.close();
    cpSync(path.resolve("prisma/sqlite/migrations"), path.join(root, "prisma/sqlite/migrations"), { recursive: true });
    expect(await migrateDatabase(target, root)).toEqual(all.slice(edge).map((m) => m.name));
    const after = new Database(file);
    const samples = after.prepare('SELECT id FROM "Sample"').all();
    const checkpoint = after.prepare('SELECT "uploaderId", "contentHash" FROM "Checkpoint" WHERE id = ?').get("c1");
    after.close();
    expect(samples).toEqual([{ id: "s1" }]);
    expect(checkpoint).toEqual({ uploaderId: null, contentHash: null });
  });
});
