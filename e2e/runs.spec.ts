import type { Page, TestInfo } from "@playwright/test";
import { CORE_POINTS, StudioRunsPage } from "./pages/studio-runs-page";
import { expect, test } from "./support/fixtures";

test.use({ account: "engineer" });

/** Chromium logs every refused fetch as a console error; the outage test causes some on purpose. */
const OUTAGE = /status of 503/;

/** Collects long tasks (> 50 ms by definition) of the page's main thread into window.__longTasks. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  });
}
const longTasks = (page: Page) => page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

/** Every step 0..steps-1 has each core series exactly once on the server, and nothing past the end. */
async function expectEveryPointOnce(page: Page, runId: string, steps: number): Promise<void> {
  const { points } = (await (await page.request.get(`/api/runs/${runId}/metrics`)).json()) as { points: { step: number; name: string }[] };
  const count = new Map<string, number>();
  for (const p of points) count.set(`${p.step}:${p.name}`, (count.get(`${p.step}:${p.name}`) ?? 0) + 1);
  for (let step = 0; step < steps; step++) for (const name of CORE_POINTS) expect(count.get(`${step}:${name}`), `${name} at step ${step}`).toBe(1);
  expect(Math.max(...points.map((p) => p.step))).toBe(steps - 1);
  // Held-out evaluations at steps 2, 5, 8 (every 3 steps).
  expect(points.filter((p) => p.name === "eval/CIDEr").map((p) => p.step).sort((a, b) => a - b)).toEqual([2, 5, 8]);
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

test.describe("runs: launch, watch, reload, resume", () => {
  test("a smoke captioning run from the shipped MLE model survives a reload mid-run and resumes to the end, every point stored once", async ({ page }, info) => {
    test.setTimeout(420_000);
    await watchLongTasks(page);
    const runs = new StudioRunsPage(page);
    const id = await runs.launchSmoke({ task: "captioning", backend: "wasm", steps: 9, every: 3 });
    await runs.waitForPresence("this-tab");
    await expect(page.getByTestId("run-backend")).toHaveAttribute("data-backend", "wasm");
    // The charts grow as steps arrive; the first checkpoint is uploaded at step 3.
    await runs.waitForPoints("composite", 1);
    await expect(page.getByTestId("last-checkpoint")).toContainText("step 3: uploaded", { timeout: 180_000 });
    await runs.waitForPoints("eval/CIDEr", 1);
    const during = await longTasks(page);
    await shot(page, info, "run-training");

    // Reload mid-run: the trainer is gone; the run is interrupted at its last checkpoint.
    await page.reload();
    await runs.waitForPresence("interrupted", 30_000);
    await expect(runs.presence).toContainText(/interrupted — last checkpoint at step [3-9]/);
    await shot(page, info, "run-interrupted");
    await page.getByRole("button", { name: "Resume" }).click();
    await runs.waitForPresence("this-tab");
    await runs.waitForPresence("ended", 300_000);
    await expect(runs.presence).toHaveText("completed");
    await expect(runs.progress).toHaveAttribute("data-done", "9");
    await expect(page.getByTestId("run-samples")).toHaveAttribute("data-steps", "3");
    await expect(page.getByTestId("run-sample")).toHaveCount(4);
    await shot(page, info, "run-completed");
    const after = await longTasks(page);
    await expectEveryPointOnce(page, id, 9);

    // The list shows it completed, with its spec and best eval.
    await page.goto("/runs");
    const row = page.locator(`[data-testid="run-row"][data-run="${id}"]`);
    await expect(row).toHaveAttribute("data-status", "completed");
    await expect(row).toContainText("captioning default v");
    await shot(page, info, "runs-list");
    await page.goto("/runs/new");
    await shot(page, info, "runs-new");

    const all = [...during, ...after];
    console.log(`long tasks while training: ${all.length}, longest ${Math.round(Math.max(0, ...all))} ms (${all.map(Math.round).join(", ")})`);
    await info.attach("long-tasks.json", { body: JSON.stringify({ during, after }), contentType: "application/json" });
    expect(Math.max(0, ...all), "longest main-thread task while training (ms)").toBeLessThan(100);
  });

  test("points sent while the server is away are kept and arrive once", async ({ page, context, consoleErrors }) => {
    test.setTimeout(420_000);
    let away = true;
    let refused = 0;
    // The metrics route answers 503 until the first checkpoint is uploaded; the trainer's outbox keeps retrying.
    await context.route(/\/api\/runs\/[\w-]+\/metrics$/, async (route) => {
      if (route.request().method() === "POST" && away) {
        refused++;
        return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ code: "unavailable", message: "server away (test)" }) });
      }
      return route.fallback();
    });
    const runs = new StudioRunsPage(page);
    const id = await runs.launchSmoke({ task: "captioning", backend: "wasm", steps: 9, every: 3 });
    await runs.waitForPresence("this-tab");
    await expect(page.getByTestId("outbox-state")).toContainText("server away", { timeout: 180_000 });
    await expect(page.getByTestId("last-checkpoint")).toContainText("step 3", { timeout: 180_000 });
    away = false;
    await runs.waitForPresence("ended", 300_000);
    await expect(runs.presence).toHaveText("completed");
    expect(refused).toBeGreaterThan(0);
    await expectEveryPointOnce(page, id, 9);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !OUTAGE.test(e)));
  });
});
