/**
 * What a database and a data folder hold, to compare before and after a request: every row
 * of every table (found from the database's catalogue, so new tables are included), sorted,
 * and every file with its size and modification time.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";

export type Snapshot = Map<string, string[]>;

const TABLES = {
  sqlite: `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  postgres: `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
};

const canonical = (_: string, v: unknown) =>
  typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString("hex") : v;

/** Every table's rows, each as canonical JSON, sorted. */
export async function snapshotDatabase(db: Db, provider: "sqlite" | "postgres"): Promise<Snapshot> {
  const tables = (await db.$queryRawUnsafe<{ name: string }[]>(TABLES[provider])).map((t) => t.name);
  const rows = await Promise.all(tables.map((t) => db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${t}"`)));
  return new Map(tables.map((t, i) => [t, rows[i]!.map((r) => JSON.stringify(r, canonical)).sort()]));
}

/** Every file and folder under `dir`: relative path, then size and mtime for files. */
export function snapshotFiles(dir: string): Snapshot {
  const out: string[] = [];
  const walk = (at: string) => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(at, e.name);
      const rel = path.relative(dir, full);
      if (e.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else {
        const s = statSync(full);
        out.push(`${rel} ${s.size} ${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return new Map([["files", out.sort()]]);
}

/** The first difference between two snapshots, in words, or null when they are the same. */
export function diffSnapshots(before: Snapshot, after: Snapshot): string | null {
  for (const name of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(name) ?? [];
    const b = after.get(name) ?? [];
    if (a.length === b.length && a.every((row, i) => row === b[i])) continue;
    const gone = a.filter((r) => !b.includes(r));
    const added = b.filter((r) => !a.includes(r));
    return `${name}: ${a.length} -> ${b.length} rows; removed ${JSON.stringify(gone.slice(0, 2)).slice(0, 400)}; added ${JSON.stringify(added.slice(0, 2)).slice(0, 400)}`;
  }
  return null;
}
