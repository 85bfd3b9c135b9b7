// Prisma CLI configuration (migrate, generate). Run it through scripts/prisma.mjs, which picks
// the provider (RS_DB_PROVIDER) and keeps the CLI offline.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabase } from "./lib/env/database";

const provider = process.env.RS_DB_PROVIDER === "postgres" ? "postgres" : "sqlite";
const db = resolveDatabase(process.env);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  adapter: async () => {
    if (provider !== db.provider) {
      throw new Error(`RS_DB_PROVIDER=${provider} but DATABASE_URL points at ${db.provider}`);
    }
    return db.provider === "postgres"
      ? new PrismaPg({ connectionString: db.url })
      : new PrismaBetterSQLite3({ url: db.url });
  },
});
