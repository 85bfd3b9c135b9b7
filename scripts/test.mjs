// `npm test`: every check the project has, in order, ending with one line `N passed, N failed`
// that counts every test run: lint, type-check and the production build count as one test each;
// unit and data-layer tests (vitest, SQLite and a throwaway PostgreSQL) and end-to-end tests
// (Playwright in Debian's Chromium against the built app) count per test.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

const bin = (pkg, path) => join("node_modules", pkg, path);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const totals = { passed: 0, failed: 0 };
const lines = [];

function run(args, env = {}) {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function tally(stage, passed, failed) {
  totals.passed += passed;
  totals.failed += failed;
  lines.push(`${stage.padEnd(10)} ${passed} passed, ${failed} failed`);
}

function check(stage, args) {
  console.log(`\n== ${stage} ==`);
  const ok = run(args);
  tally(stage, ok ? 1 : 0, ok ? 0 : 1);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Installs Debian's Chromium when it is missing and we are allowed to (root with apt). */
function ensureChromium() {
  if (existsSync(CHROMIUM)) return true;
  console.log(`Chromium not found at ${CHROMIUM}; trying apt-get install chromium ...`);
  if (process.getuid?.() === 0) {
    spawnSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"], { stdio: "inherit" });
  }
  if (existsSync(CHROMIUM)) return true;
  console.error(
    `\nThe end-to-end tests need Debian's Chromium at ${CHROMIUM} and it could not be installed.\n` +
      "Install it with `sudo apt-get install -y chromium` (or set CHROMIUM_PATH) and run `npm test` again.\n",
  );
  return false;
}

rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

check("lint", [bin("eslint", "bin/eslint.js"), "."]);
check("typecheck", [bin("typescript", "bin/tsc"), "--noEmit"]);

console.log("\n== unit + data layer (vitest) ==");
run([bin("vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"]);
const vitest = readJson("reports/vitest.json");
if (vitest) tally("vitest", vitest.numPassedTests, vitest.numFailedTests + (vitest.success || vitest.numFailedTests ? 0 : 1));
else tally("vitest", 0, 1);

const built = check("build", [bin("next", "dist/bin/next"), "build"]);

console.log("\n== end-to-end (Playwright, Chromium) ==");
if (!built) {
  console.error("skipping end-to-end tests: the build failed");
  tally("e2e", 0, 1);
} else if (!ensureChromium()) {
  tally("e2e", 0, 1);
} else {
  run([bin("@playwright/test", "cli.js"), "test"]);
  const pw = readJson("reports/playwright.json");
  if (pw?.stats) {
    const failed = pw.stats.unexpected + (pw.errors?.length ?? 0);
    tally("e2e", pw.stats.expected + pw.stats.flaky, failed);
  } else tally("e2e", 0, 1);
}

console.log("\n== summary ==");
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
