import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { CORE_POINTS, StudioRunsPage } from "./pages/studio-runs-page";
import { expect, test } from "./support/fixtures";

// A server of this spec's own (same build, its own database and data folder), so the test can
// kill it mid-run and start it again on the same database, as a crash and a restart would.
const PORT = Number(process.env.E2E_PORT ?? 3217) + 7;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "rs-e2e-restart-"));
let server: ChildProcess | null = null;

async function startServer(): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, RS_DATA_DIR: dataDir, NODE_ENV: "production" };
  delete env.DATABASE_URL;
  const next = createRequire(import.meta.url).resolve("next/dist/bin/next");
  server = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(PORT)], { env, stdio: "ignore" });
  for (let i = 0; i < 240; i++) {
    const up = await fetch(`${ORIGIN}/api/health`).then((r) => r.ok, () => false);
    if (up) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the restart spec's server did not come up within 60 s");
}

function killServer(): void {
  server?.kill("SIGKILL");
  server = null;
}

/** What Chromium logs about this server while it is down, on purpose: refused, reset and cut-off requests. */
const DOWN = new RegExp(`(net::ERR_[A-Z_]+|status of 50\\d).*\\(${ORIGIN.replace(/[.]/g, "\\.")}/`);

test.use({ account: "engineer", trace: "off", baseURL: ORIGIN });
test.beforeAll(startServer);
test.afterAll(() => {
  killServer();
  rmSync(dataDir, { recursive: true, force: true });
});

test("the server is killed mid-run and started again: the run goes on to the end, no point lost or doubled", async ({ page, consoleErrors }, info) => {
  test.setTimeout(420_000);
  const steps = 12;
  const runs = new StudioRunsPage(page);
  const id = await runs.launchSmoke({ task: "captioning", backend: "wasm", steps, every: 3 });
  await runs.waitForPresence("this-tab");
  await runs.waitForPoints("composite", 2);
  killServer();
  // The tab trains on with the server gone; its outbox keeps the points until it is back.
  await expect.poll(async () => Number(await runs.progress.getAttribute("data-done")), { timeout: 120_000 }).toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: info.outputPath("run-server-down.png"), fullPage: true });
  await startServer();
  await runs.waitForPresence("ended", 300_000);
  await expect(runs.presence).toHaveText("completed");
  const res = await page.request.get(`/api/runs/${id}/metrics`);
  expect(res.status()).toBe(200);
  const { points } = (await res.json()) as { points: { step: number; name: string }[] };
  const count = new Map<string, number>();
  for (const p of points) count.set(`${p.step}:${p.name}`, (count.get(`${p.step}:${p.name}`) ?? 0) + 1);
  for (let step = 0; step < steps; step++) for (const name of CORE_POINTS) expect(count.get(`${step}:${name}`), `${name} at step ${step}`).toBe(1);
  expect(points.filter((p) => p.name === "eval/CIDEr").map((p) => p.step).sort((a, b) => a - b)).toEqual([2, 5, 8, 11]);
  await page.screenshot({ path: info.outputPath("run-after-restart.png"), fullPage: true });
  consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !DOWN.test(e) && !/^Failed to fetch/.test(e)));
});
