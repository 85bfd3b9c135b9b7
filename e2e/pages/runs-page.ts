import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for the offline quick run on /runs/new: the in-tab tuning panel kept in this browser. */
export class RunsPage {
  readonly status: Locator;
  readonly rows: Locator;
  /** The quick-run panel (the launch form above it has fields of the same names). */
  readonly root: Locator;

  constructor(private readonly page: Page) {
    this.status = page.getByTestId("run-status");
    this.rows = page.getByTestId("run-step-row");
    this.root = page.getByRole("region", { name: "Tune in this tab" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/runs/new");
    await this.open();
  }

  /** Opens the offline quick run section and waits until it can start. */
  async open(): Promise<void> {
    const section = this.page.getByTestId("offline-quick-run");
    if ((await section.getAttribute("open")) === null) await section.locator("summary").click();
    await expect(this.root.getByRole("button", { name: "Start" })).toBeEnabled();
  }

  /** Fills the form and presses Start. `from`: "fresh" (default), "shipped" or a saved indexeddb:// address. */
  async start(opts: { task: string; backend: string; steps: number; from?: string }): Promise<void> {
    await this.root.getByLabel("Task").selectOption(opts.task);
    await this.root.getByLabel("Start from").selectOption(opts.from ?? "fresh");
    await this.root.getByLabel("Backend").selectOption(opts.backend);
    await this.root.getByLabel("Steps").fill(String(opts.steps));
    await this.root.getByRole("button", { name: "Start" }).click();
  }

  /** Waits until the worker reports the end (done or stopped), or fails the test with its error. */
  async waitForEnd(status: RegExp = /done|error/): Promise<void> {
    await expect(this.status).toHaveAttribute("data-status", new RegExp(`${status.source}|error`), { timeout: 180_000 });
    if ((await this.status.getAttribute("data-status")) === "error") {
      throw new Error(`run failed: ${await this.page.getByTestId("run-message").textContent()}`);
    }
  }

  /** Starts a run and waits until the worker reports done (or fails the test with its error). */
  async runToEnd(opts: { task: string; backend: string; steps: number; from?: string }): Promise<void> {
    await this.start(opts);
    await this.waitForEnd();
  }

  /** The rows of the saved-checkpoints table (IndexedDB of this browser). */
  saved(kind?: "mle" | "reinforce"): Locator {
    const rows = this.page.getByTestId("saved-checkpoint");
    return kind ? rows.and(this.page.locator(`[data-kind="${kind}"]`)) : rows;
  }
}
