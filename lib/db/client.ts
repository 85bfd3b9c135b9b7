import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "@/lib/env/database";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";

/**
 * The studio's database client. Both generated clients come from the same models
 * (prisma/models.prisma), so the PostgreSQL client has the SQLite client's shape; the SQLite
 * type is used as the common one.
 */
export type Db = SqliteClient;
export type { Prisma } from "./generated/sqlite/client";

/** Opens a Prisma client over the driver adapter for `target` (no connection until first query). */
export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "postgres") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return client as unknown as Db;
  }
  if (target.file) mkdirSync(path.dirname(target.file), { recursive: true });
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: target.url }) });
}
