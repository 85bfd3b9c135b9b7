// Runs the Prisma 6 CLI offline for one provider: `node scripts/prisma.mjs <sqlite|postgres> <args>`.
// With `engine: "js"` the schema engine runs as WebAssembly over a driver adapter, but the CLI's
// start-up check still looks for native engines and would try to download them; pointing the
// two variables at any existing file satisfies it (those engines are never used).
// See ../shared/notes/prisma-offline.md.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const [provider, ...args] = process.argv.slice(2);
if (provider !== "sqlite" && provider !== "postgres") {
  console.error("usage: node scripts/prisma.mjs <sqlite|postgres> <prisma args...>");
  process.exit(2);
}
const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, ...args], {
  stdio: "inherit",
  env: {
    ...process.env,
    RS_DB_PROVIDER: provider,
    PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
process.exit(result.status ?? 1);
