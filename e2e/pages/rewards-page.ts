import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /rewards: the reward composer and its live preview. */
export class RewardsPage {
  readonly preview: Locator;
  readonly samples: Locator;
  readonly groups: Locator;
  readonly json: Locator;
  readonly saveResult: Locator;

  constructor(private readonly page: Page) {
    this.preview = page.getByTestId("preview");
    this.samples = page.getByTestId("preview-sample");
    this.groups = page.getByTestId("preview-group");
    this.json = page.getByTestId("spec-json");
    this.saveResult = page.getByTestId("save-result");
  }

  async goto(): Promise<void> {
    await this.page.goto("/rewards");
    await expect(this.page.getByTestId("reward-composer")).toBeVisible();
  }

  /** Ready when the preview worker has sent its samples and they are ranked on the page. */
  async waitForSamples(count: number): Promise<void> {
    await expect(this.preview).toHaveAttribute("data-status", /ready|error/, { timeout: 120_000 });
    await expect(this.preview).toHaveAttribute("data-status", "ready");
    await expect(this.samples).toHaveCount(count);
  }

  /** Per scene group: the sample numbers in shown (rank) order, and their composites. */
  async order(): Promise<{ samples: number[]; composites: number[] }[]> {
    return this.groups.evaluateAll((gs) => gs.map((g) => {
      const cards = [...g.querySelectorAll('[data-testid="preview-sample"]')];
      return { samples: cards.map((c) => Number(c.getAttribute("data-sample"))), composites: cards.map((c) => Number(c.getAttribute("data-composite"))) };
    }));
  }

  weight(key: string): Locator {
    return this.page.getByLabel(`${key} weight`, { exact: true });
  }

  async setWeight(key: string, value: number): Promise<void> {
    await this.weight(key).fill(String(value));
  }

  async save(name: string): Promise<string> {
    await this.page.getByLabel("Spec name").fill(name);
    const before = (await this.saveResult.count()) ? await this.saveResult.textContent() : null;
    await this.page.getByRole("button", { name: "Save version" }).click();
    await expect(this.saveResult).not.toHaveText(before ?? "", { timeout: 15_000 });
    await expect(this.page.getByRole("button", { name: "Save version" })).toBeEnabled();
    return (await this.saveResult.textContent()) ?? "";
  }
}
