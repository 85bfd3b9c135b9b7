import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /data: the ShapeWorld browser. */
export class DataPage {
  readonly grid: Locator;
  readonly cards: Locator;

  constructor(private readonly page: Page) {
    this.grid = page.getByTestId("scene-grid");
    this.cards = page.getByTestId("scene-card");
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/data${query}`);
  }

  /** Ready when every card is there and every scene canvas has been painted (not blank). */
  async waitReady(expectedCards: number): Promise<void> {
    await expect(this.cards).toHaveCount(expectedCards);
    await expect
      .poll(() =>
        this.page.evaluate(() =>
          [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="scene-image"]')].every((c) => {
            const d = c.getContext("2d")?.getImageData(0, 0, c.width, c.height).data;
            return !!d && d.some((v, i) => i % 4 !== 3 && v > 0);
          }),
        ),
      )
      .toBe(true);
  }

  async seeds(): Promise<number[]> {
    return (await this.cards.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seed")))));
  }

  async setOverlay(label: "Boxes" | "Panoptic" | "Captions" | "Greyscale input", on: boolean): Promise<void> {
    await this.page.getByRole("group", { name: "Overlays" }).getByLabel(label).setChecked(on);
  }

  /** Opaque pixel count of the panoptic overlay of card `i`. */
  async panopticCoverage(i: number): Promise<number> {
    return this.cards.nth(i).getByTestId("panoptic-overlay").evaluate((c: HTMLCanvasElement) => {
      const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let p = 3; p < d.length; p += 4) if (d[p]! > 0) n++;
      return n;
    });
  }

  /** Clicks "Verify determinism" and returns the two digests and the verdict text. */
  async verifyDeterminism(): Promise<{ browser: string; server: string; verdict: string }> {
    await this.page.getByRole("button", { name: "Verify determinism" }).click();
    const verdict = this.page.getByTestId("fingerprint-verdict");
    await expect(verdict).toBeVisible({ timeout: 60_000 });
    return {
      browser: (await this.page.getByTestId("fingerprint-browser").textContent()) ?? "",
      server: (await this.page.getByTestId("fingerprint-server").textContent()) ?? "",
      verdict: (await verdict.textContent()) ?? "",
    };
  }
}
