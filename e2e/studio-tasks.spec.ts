import type { Page, TestInfo } from "@playwright/test";
import { ComparePage } from "./pages/compare-page";
import { RewardsPage } from "./pages/rewards-page";
import { StudioRunsPage } from "./pages/studio-runs-page";
import { expect, test } from "./support/fixtures";

// The studio's flow (compose, preview, tune in the tab, compare) for the tasks the other specs
// do not walk through end to end; captioning is covered step by step in rewards, runs and compare.
test.use({ account: "engineer", trace: "off" });

const TASKS = [
  { task: "detection", metric: "AP" },
  { task: "panoptic", metric: "PQ" },
  { task: "colorization", metric: "colorfulness" },
] as const;

/** A compare-cache miss is a 404 by contract (not_found:comparison), which Chromium logs; anything else stays an error. */
const dropCacheMisses = (errors: string[]) => errors.splice(0, errors.length, ...errors.filter((e) => !(/status of 404/.test(e) && /\/api\/comparisons\?/.test(e))));

const shot = (page: Page, info: TestInfo, name: string) => page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

for (const { task, metric } of TASKS) {
  test(`${task}: preview samples ranked by the default reward, a smoke run in the tab to the end, and MLE vs tuned compared`, async ({ page, consoleErrors }, info) => {
    test.setTimeout(300_000);
    // Compose: the preview draws and ranks samples of the shipped MLE model.
    const rewards = new RewardsPage(page);
    await rewards.goto();
    await page.getByLabel("Task").selectOption(task);
    await rewards.waitForSamples(16);
    await expect(page.getByTestId("preview-status")).toContainText(`/models/${task}/mle/model.json`);
    await expect(page.getByTestId("output-view").first()).toBeVisible();
    await shot(page, info, `${task}-rewards`);

    // Tune: a short run in this tab, every point on the server, the held-out metric evaluated.
    const runs = new StudioRunsPage(page);
    const id = await runs.launchSmoke({ task, backend: "wasm", steps: 3, every: 3 });
    await runs.waitForPresence("ended", 240_000);
    await expect(runs.presence).toHaveText("completed");
    const res = await page.request.get(`/api/runs/${id}/metrics`);
    const { points } = (await res.json()) as { points: { step: number; name: string; value: number | null }[] };
    expect(points.filter((p) => p.name === "composite").map((p) => p.step)).toEqual([0, 1, 2]);
    expect(points.find((p) => p.name === `eval/${metric}` && p.step === 2)?.value).toEqual(expect.any(Number));
    await expect(page.getByTestId("run-samples").getByTestId("output-view").first()).toBeVisible({ timeout: 30_000 });
    await shot(page, info, `${task}-run`);

    // Compare the shipped MLE and tuned models on a few test scenes.
    const compare = new ComparePage(page);
    await compare.goto();
    await compare.pickTask(task);
    await compare.compare(3);
    await expect(compare.rows.first().getByTestId("output-view")).toHaveCount(2);
    await expect(compare.aggregate(metric)).toBeVisible();
    await shot(page, info, `${task}-compare`);
    dropCacheMisses(consoleErrors);
  });
}
