import { RunsPage } from "./pages/runs-page";
import { expect, test } from "./support/fixtures";

// Engineer pages ask signed-out visitors to sign in first.
test.use({ account: "engineer" });

test.describe("REINFORCE in a Web Worker", () => {
  for (const backend of ["webgpu", "wasm"] as const) {
    test(`a smoke tuning run completes on ${backend} and logs every term`, async ({ page }) => {
      test.setTimeout(240_000);
      const runs = new RunsPage(page);
      await runs.goto();
      await runs.runToEnd({ task: "captioning", backend, steps: 2 });
      await expect(page.getByTestId("run-backend")).toHaveAttribute("data-backend", backend);
      await expect(runs.rows).toHaveCount(2);
      const rewards = await runs.rows.evaluateAll((rs) => rs.map((r) => Number(r.getAttribute("data-reward"))));
      expect(rewards.every(Number.isFinite)).toBe(true);
      for (const col of ["cider_d", "bleu_4", "caption_length", "KL", "entropy", "samples/s"]) {
        await expect(page.getByTestId("run-steps").getByRole("columnheader", { name: col })).toBeVisible();
      }
      await expect(page.getByTestId("run-eval")).toContainText("CIDEr");
    });
  }
});

test.describe("every task tunes in the tab", () => {
  for (const [task, term, metric] of [["detection", "detection_reward", "AP"], ["panoptic", "pq", "PQ"], ["colorization", "colorfulness", "colorfulness"]] as const) {
    test(`${task}: a smoke run on wasm logs its reward terms and held-out metrics`, async ({ page }) => {
      test.setTimeout(180_000);
      const runs = new RunsPage(page);
      await runs.goto();
      await runs.runToEnd({ task, backend: "wasm", steps: 1 });
      await expect(runs.rows).toHaveCount(1);
      await expect(page.getByTestId("run-steps").getByRole("columnheader", { name: term })).toBeVisible();
      await expect(page.getByTestId("run-eval")).toContainText(metric);
    });
  }
});

test.describe("checkpoints in the browser", () => {
  test("a stopped run is saved in IndexedDB, survives a reload and resumes to the end", async ({ page }) => {
    test.setTimeout(240_000);
    const runs = new RunsPage(page);
    await runs.goto();
    await runs.start({ task: "captioning", backend: "wasm", steps: 20 });
    await expect(runs.rows.first()).toBeVisible({ timeout: 120_000 });
    await page.getByRole("button", { name: "Stop" }).click();
    await runs.waitForEnd(/stopped/);
    await expect(page.getByTestId("run-saved")).toContainText("indexeddb://reward-studio/captioning-reinforce-");
    const ran = await runs.rows.count();
    expect(ran).toBeLessThan(20);

    await page.reload();
    await runs.open();
    await expect(runs.saved("mle")).toHaveCount(1);
    const tuned = runs.saved("reinforce");
    await expect(tuned).toHaveCount(1);
    await expect(tuned).toHaveAttribute("data-step", String(ran));
    await tuned.getByRole("button", { name: "Resume" }).click();
    await runs.waitForEnd(/done/);
    // It continued on the backend it ran on, not the page's default (auto would pick WebGPU).
    await expect(page.getByTestId("run-backend")).toHaveAttribute("data-backend", "wasm");
    // The resumed run continues the same run: its first logged step is the one after the stop.
    await expect(runs.rows.first().locator("td").first()).toHaveText(String(ran + 1));
    await expect(runs.rows.last().locator("td").first()).toHaveText("20");
    await expect(tuned).toHaveAttribute("data-step", "20");
    await expect(tuned.getByRole("button", { name: "Resume" })).toHaveCount(0);

    await tuned.getByRole("button", { name: "Delete" }).click();
    await expect(runs.saved("reinforce")).toHaveCount(0);
  });

  for (const [task, metric, params] of [["captioning", "CIDEr", "188,699"], ["detection", "AP", "181,738"], ["panoptic", "PQ", "159,773"], ["colorization", "colorfulness", "93,316"]] as const) {
    test(`${task}: tuning starts from the shipped MLE model and saves a child of it`, async ({ page }) => {
      test.setTimeout(180_000);
      const runs = new RunsPage(page);
      await runs.goto();
      await runs.runToEnd({ task, backend: "wasm", steps: 1, from: "shipped" });
      await expect(page.getByTestId("run-eval")).toContainText(metric);
      const tuned = runs.saved("reinforce");
      await expect(tuned).toHaveCount(1);
      await expect(tuned).toContainText(`/models/${task}/mle/model.json`);
      await expect(tuned).toContainText(params);
      await expect(runs.saved("mle")).toHaveCount(0);
    });
  }
});
