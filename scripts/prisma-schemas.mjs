// Derives the per-provider Prisma schemas from prisma/models.prisma.
// A Prisma schema names exactly one datasource provider, so SQLite and PostgreSQL each get
// their own schema file, migrations folder and generated client; the models stay in one file.
// Usage: node scripts/prisma-schemas.mjs [--check]   (--check exits 1 when a file is stale)
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export const PROVIDERS = {
  // The url is required by the schema parser but unused: connections go through the driver
  // adapter built from DATABASE_URL (lib/db, prisma.config.ts).
  sqlite: { datasource: "sqlite", url: "file:unused-see-driver-adapter.db", output: "../../lib/db/generated/sqlite" },
  postgres: { datasource: "postgresql", url: "postgresql://unused-see-driver-adapter", output: "../../lib/db/generated/postgres" },
};

/** The full schema text for one provider. */
export function schemaFor(provider) {
  const p = PROVIDERS[provider];
  const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
  const header = [
    "// GENERATED from prisma/models.prisma by scripts/prisma-schemas.mjs. Do not edit.",
    "",
    "generator client {",
    '  provider     = "prisma-client"',
    `  output       = "${p.output}"`,
    '  engineType   = "client"',
    '  moduleFormat = "esm"',
    "}",
    "",
    "datasource db {",
    `  provider = "${p.datasource}"`,
    `  url      = "${p.url}"`,
    "}",
    "",
  ].join("\n");
  return header + models;
}

const check = process.argv.includes("--check");
let stale = 0;
for (const provider of Object.keys(PROVIDERS)) {
  const file = join(root, "prisma", provider, "schema.prisma");
  const text = schemaFor(provider);
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (current === text) continue;
  if (check) {
    console.error(`stale: prisma/${provider}/schema.prisma (run npm run db:schemas)`);
    stale++;
  } else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    console.log(`wrote prisma/${provider}/schema.prisma`);
  }
}
process.exit(stale ? 1 : 0);
