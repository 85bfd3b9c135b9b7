import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /compare: two checkpoints on the same test scenes. */
export class ComparePage {
  readonly rows: Locator;
  readonly status: Locator;
  readonly aggregates: Locator;

  constructor(private readonly page: Page) {
    this.rows = page.getByTestId("compare-row");
    this.status = page.getByTestId("compare-status");
    this.aggregates = page.getByTestId("aggregate-table");
  }

  async goto(): Promise<void> {
    await this.page.goto("/compare");
  }

  /** Picks the task and waits for its checkpoints to be listed, with the shipped MLE (A) and tuned (B) models preselected. */
  async pickTask(task: string): Promise<void> {
    // The label wraps the select, so its name is "Task" and the chosen option.
    await this.page.getByRole("combobox", { name: /^Task/ }).selectOption(task, { timeout: 30_000 });
    await expect(this.page.getByLabel("Checkpoint A").locator("option:checked")).toHaveText(new RegExp(`^shipped ${task} MLE`));
    await expect(this.page.getByLabel("Checkpoint B").locator("option:checked")).toHaveText(new RegExp(`^shipped ${task} tuned`));
  }

  /** Compares `count` test scenes and waits until the result is on screen (computed here or from the cache). */
  async compare(count: number, timeout = 180_000): Promise<"computed" | "cache"> {
    await this.page.getByLabel("Scenes", { exact: true }).fill(String(count), { timeout: 30_000 });
    await this.page.getByRole("button", { name: "Compare" }).click({ timeout: 30_000 });
    await expect(this.status).toHaveAttribute("data-status", "done", { timeout });
    await expect(this.rows).toHaveCount(count);
    return (await this.page.getByTestId("compare-source").getAttribute("data-source")) as "computed" | "cache";
  }

  async deltas(): Promise<number[]> {
    return this.rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-delta"))));
  }

  aggregate(metric: string): Locator {
    return this.aggregates.locator(`[data-metric="${metric}"]`);
  }
}
