// Serves the built app for the end-to-end tests on a throwaway SQLite database, removed on exit.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

if (!existsSync(".next/BUILD_ID")) {
  console.error("serve-e2e: no build found; run `npx next build` first (npm test does).");
  process.exit(1);
}
const dataDir = mkdtempSync(join(tmpdir(), "rs-e2e-"));
const env = { ...process.env, RS_DATA_DIR: dataDir, NODE_ENV: "production" };
delete env.DATABASE_URL;
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", process.env.PORT ?? "3217"], {
  stdio: "inherit",
  env,
});
const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => server.kill(sig));
}
server.on("exit", (code) => {
  cleanup();
  process.exit(code ?? 0);
});
