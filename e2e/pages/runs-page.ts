import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /runs: the in-tab tuning panel. */
export class RunsPage {
  readonly status: Locator;
  readonly rows: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId("run-status");
    this.rows = page.getByTestId("run-step-row");
  }

  async goto(): Promise<void> {
    await this.page.goto("/runs");
    await expect(this.page.getByRole("button", { name: "Start" })).toBeEnabled();
  }

  /** Starts a run and waits until the worker reports done (or fails the test with its error). */
  async runToEnd(opts: { task: string; backend: string; steps: number }): Promise<void> {
    await this.page.getByLabel("Task").selectOption(opts.task);
    await this.page.getByLabel("Backend").selectOption(opts.backend);
    await this.page.getByLabel("Steps").fill(String(opts.steps));
    await this.page.getByRole("button", { name: "Start" }).click();
    await expect(this.status).toHaveAttribute("data-status", /done|error/, { timeout: 180_000 });
    if ((await this.status.getAttribute("data-status")) === "error") {
      throw new Error(`run failed: ${await this.page.getByTestId("run-message").textContent()}`);
    }
  }
}
