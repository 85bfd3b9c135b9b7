// Derives both provider schemas and generates both Prisma clients (lib/db/generated/*).
// Runs on `npm install` (postinstall) and in CI; offline (see scripts/prisma.mjs).
import { spawnSync } from "node:child_process";

const steps = [
  ["scripts/prisma-schemas.mjs"],
  ["scripts/prisma.mjs", "sqlite", "generate", "--no-hints"],
  ["scripts/prisma.mjs", "postgres", "generate", "--no-hints"],
];
for (const args of steps) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`db:generate failed at: node ${args.join(" ")}`);
    process.exit(r.status ?? 1);
  }
}
