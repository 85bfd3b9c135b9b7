import { ComparePage } from "./pages/compare-page";
import { expect, test } from "./support/fixtures";

test.use({ account: "engineer" });

/** A cache miss is a 404 by contract (not_found:comparison); Chromium logs it. Anything else stays an error. */
function dropCacheMisses(errors: string[]): void {
  errors.splice(0, errors.length, ...errors.filter((e) => !(/status of 404/.test(e) && /\/api\/comparisons\?/.test(e))));
}

test.describe("Compare page", () => {
  test("captioning MLE vs tuned on 6 scenes: outputs, deltas, bootstrap interval, sort by gain, a pair to a new draft campaign, then the cache", async ({ page, consoleErrors }, testInfo) => {
    test.setTimeout(240_000);
    const compare = new ComparePage(page);
    await compare.goto();
    await compare.pickTask("captioning");
    const t0 = Date.now();
    expect(await compare.compare(6)).toBe("computed");
    testInfo.annotations.push({ type: "compare-seconds", description: String((Date.now() - t0) / 1000) });
    await expect(page.getByTestId("compare-source")).toContainText("Computed in this tab on wasm");

    // Both outputs on every scene, each term for both, and the composite delta.
    const first = compare.rows.first();
    await expect(first.getByTestId("output-a").getByTestId("output-text")).not.toBeEmpty();
    await expect(first.getByTestId("output-b").getByTestId("output-text")).not.toBeEmpty();
    await expect(first.getByTestId("term-table").locator("[data-term=cider_d]")).toBeVisible();
    await expect(first.getByTestId("composite-delta")).toContainText(/composite Δ [+−±]\d/);

    // CIDEr for both, B − A and its interval, with the number of resamples said.
    const cider = compare.aggregate("CIDEr");
    await expect(cider.getByTestId("aggregate-interval")).toHaveText(/^\[[+−±][\d.]+, [+−±][\d.]+\]$/);
    await expect(page.getByTestId("bootstrap-note")).toContainText(/[\d,]+ resamples/);
    await expect(page.getByTestId("delta-histogram")).toBeVisible();
    testInfo.annotations.push({ type: "cider", description: `${await cider.innerText()} | ${await page.getByTestId("bootstrap-note").innerText()}` });

    // Biggest gain first.
    await page.getByLabel("Sort", { exact: true }).selectOption("gain");
    const deltas = await compare.deltas();
    expect(deltas).toEqual([...deltas].sort((x, y) => y - x));

    // The top scene to a new draft campaign.
    await page.getByLabel("New campaign name").fill("e2e captioning draft");
    await compare.rows.first().getByRole("button", { name: "Send to campaign" }).click();
    await expect(page.getByTestId("campaign-message")).toContainText("Added 1 pair to campaign e2e captioning draft; it now holds 1 pair");
    await expect(page.getByLabel("Campaign", { exact: true }).locator("option:checked")).toHaveText("e2e captioning draft (1 pairs)");
    const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath("compare-captioning.png") });
    await testInfo.attach("compare-captioning", { body: shot, contentType: "image/png" });

    // The same comparison again comes from the server's cache, computed by this engineer.
    await expect(page.getByTestId("cache-note")).toContainText("Saved to the server's cache");
    await compare.goto();
    await compare.pickTask("captioning");
    expect(await compare.compare(6)).toBe("cache");
    await expect(page.getByTestId("compare-source")).toContainText("by Eli Engineer");
    dropCacheMisses(consoleErrors);
  });

  test("colorization: the before/after slider moves with the keyboard", async ({ page, consoleErrors }, testInfo) => {
    test.setTimeout(240_000);
    const compare = new ComparePage(page);
    await compare.goto();
    await compare.pickTask("colorization");
    await compare.compare(2);
    const slider = compare.rows.first().getByTestId("before-after");
    await expect(slider).toHaveAttribute("aria-valuenow", "50");
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(slider).toHaveAttribute("aria-valuenow", "60");
    await page.keyboard.press("Shift+ArrowLeft");
    await expect(slider).toHaveAttribute("aria-valuenow", "40");
    await page.keyboard.press("Home");
    await expect(slider).toHaveAttribute("aria-valuenow", "0");
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await expect(slider).toHaveAttribute("aria-valuenow", "95");
    await expect(compare.aggregate("colorfulness").getByTestId("aggregate-interval")).toHaveText(/^\[.+, .+\]$/);
    const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath("compare-colorization.png") });
    await testInfo.attach("compare-colorization", { body: shot, contentType: "image/png" });
    dropCacheMisses(consoleErrors);
  });
});
