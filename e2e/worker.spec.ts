import { RunsPage } from "./pages/runs-page";
import { expect, test } from "./support/fixtures";

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
