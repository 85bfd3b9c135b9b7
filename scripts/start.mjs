// `npm start`: builds the app when the build is missing or older than the sources, then serves
// it with `next start`. The server applies pending migrations and (on a fresh database) creates the demo accounts when it
// starts (instrumentation.ts), so a fresh clone needs nothing else.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const STAMP = ".next/rs-source-stamp";

/** A fingerprint of the sources: HEAD plus any uncommitted changes (or "unknown" outside git). */
function sourceStamp() {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
    const diff = execFileSync("git", ["diff", "HEAD"], { stdio: ["ignore", "pipe", "ignore"], maxBuffer: 1 << 28 });
    const untracked = execFileSync("git", ["ls-files", "--others", "--exclude-standard"], { stdio: ["ignore", "pipe", "ignore"] });
    return createHash("sha256").update(head).update(diff).update(untracked).digest("hex");
  } catch {
    return "unknown";
  }
}

const stamp = sourceStamp();
const built = existsSync(".next/BUILD_ID") && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp && stamp !== "unknown";
if (!built || process.argv.includes("--rebuild")) {
  console.log("Building Reward Studio (next build)...");
  const r = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(STAMP, stamp);
}

const port = process.env.PORT ?? "3000";
const server = spawn(process.execPath, [nextBin, "start", "-p", port], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
