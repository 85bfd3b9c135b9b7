import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /backends: this browser's backends, auto's probe, the conformance check. */
export class BackendsPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/backends");
    await expect(this.page.getByTestId("environment")).toBeVisible();
  }

  /** Runs the numbers check on one backend (ops and whole models) and waits for its summary. */
  async check(backend: string): Promise<Locator> {
    await this.page.getByRole("button", { name: `Check ${backend}`, exact: true }).click();
    const table = this.page.locator(`[data-testid="conformance"][data-backend="${backend}"]`);
    await expect(table).toHaveAttribute("data-status", /done|error/, { timeout: 280_000 });
    return table;
  }

  /** Chooses WASM's pool for the probe and the checks ("" is TF.js's default). */
  async wasmThreads(value: string): Promise<void> {
    await this.page.getByLabel("WASM threads").selectOption(value);
  }

  /** Runs auto's speed probe and returns its wasm row once the probe is done. */
  async measureWasm(): Promise<Locator> {
    const button = this.page.getByRole("button", { name: "Measure speed", exact: true });
    await button.click();
    await expect(button).toBeDisabled();
    await expect(button).toBeEnabled({ timeout: 280_000 });
    await expect(this.page.getByTestId("probe-choice")).toBeVisible();
    return this.page.locator('[data-testid="probe-row"][data-backend="wasm"]');
  }

  /** Each case's worst output, as the table shows it, for the record. */
  async rows(backend: string): Promise<string[][]> {
    return this.page.locator(`[data-testid="conformance"][data-backend="${backend}"] [data-testid="conformance-row"]`).evaluateAll((rs) =>
      rs.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent ?? "")));
  }
}
