import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** The core series every REINFORCE step logs (lib/training/metric-points stepPoints). */
export const CORE_POINTS = ["composite", "composite_std", "kl", "entropy", "zero_spread", "output_size", "loss", "grad_norm", "lr", "samples_per_sec", "step_ms", "skipped"] as const;

/** Page objects for /runs/new (launch) and /runs/<id> (a run), with a readiness check each. */
export class StudioRunsPage {
  readonly presence: Locator;
  readonly progress: Locator;

  constructor(private readonly page: Page) {
    this.presence = page.getByTestId("run-presence");
    this.progress = page.getByTestId("run-progress");
  }

  /** Fills /runs/new with the smoke preset and `opts`, launches, and returns the run's id once its page shows. */
  async launchSmoke(opts: { task: string; backend: string; steps: number; every: number }): Promise<string> {
    await this.page.goto("/runs/new");
    const form = this.page.getByRole("region", { name: "New run" });
    await form.getByLabel("Task", { exact: true }).selectOption(opts.task);
    await expect(form.getByLabel("Base checkpoint", { exact: true })).toHaveValue("shipped");
    await expect(form.getByLabel("Reward spec", { exact: true })).toHaveValue("default");
    await form.getByRole("button", { name: /Smoke/ }).click();
    await form.getByLabel("Steps", { exact: true }).fill(String(opts.steps));
    await form.getByLabel("Eval every K steps", { exact: true }).fill(String(opts.every));
    await form.getByLabel("Checkpoint every K steps", { exact: true }).fill(String(opts.every));
    await form.getByLabel("Backend", { exact: true }).selectOption(opts.backend);
    await form.getByRole("button", { name: "Launch" }).click();
    await expect(this.page).toHaveURL(/\/runs\/(?!new$)[\w-]+$/, { timeout: 30_000 });
    return new URL(this.page.url()).pathname.split("/").at(-1)!;
  }

  chart(name: string): Locator {
    return this.page.locator(`[data-testid="metric-chart"][data-name="${name}"]`);
  }

  /** Waits until the chart of `name` has at least `n` points. */
  async waitForPoints(name: string, n: number, timeout = 180_000): Promise<void> {
    await expect.poll(async () => Number(await this.chart(name).getAttribute("data-points")), { timeout }).toBeGreaterThanOrEqual(n);
  }

  async waitForPresence(kind: string, timeout = 180_000): Promise<void> {
    await expect(this.presence).toHaveAttribute("data-kind", kind, { timeout });
  }
}
