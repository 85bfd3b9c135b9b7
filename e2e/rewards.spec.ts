import { RewardsPage } from "./pages/rewards-page";
import { expect, test } from "./support/fixtures";

test.use({ account: "engineer" });

test.describe("Reward composer", () => {
  test("previews the shipped MLE model's samples, re-ranks on a weight change, follows JSON edits, saves versions and diffs them", async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    const rewards = new RewardsPage(page);
    await rewards.goto();
    await expect(page.getByLabel("Task")).toHaveValue("captioning");
    await expect(page.getByTestId("term-catalogue").locator("li")).toHaveCount(11); // 8 captioning terms + KL + entropy + the learned human_preference

    // The preview: 4 val scenes x 4 samples from the shipped MLE model, ranked by the default spec.
    await rewards.waitForSamples(16);
    await expect(page.getByTestId("preview-status")).toContainText("/models/captioning/mle/model.json");
    await expect(rewards.groups).toHaveCount(4);
    await expect(page.getByTestId("preview-mle")).toHaveCount(4);
    await expect(page.getByTestId("spread-chart")).toBeVisible();
    const before = await rewards.order();
    for (const g of before) expect(g.composites).toEqual([...g.composites].sort((a, b) => b - a)); // shown best first
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("rewards-preview.png") });

    // Reverse CIDEr-D: the best caption of each image becomes the worst, with no resampling.
    await rewards.setWeight("cider_d", -1);
    await expect(page.getByTestId("rerank-time")).toContainText(/re-ranked in [\d.]+ ms/);
    const after = await rewards.order();
    expect(after.map((g) => g.samples[0])).not.toEqual(before.map((g) => g.samples[0]));
    expect(after.flatMap((g) => g.composites)).not.toEqual(before.flatMap((g) => g.composites));
    await expect(rewards.samples).toHaveCount(16);
    console.log(`rewards e2e: ${await page.getByTestId("rerank-time").textContent()}`);

    // A second BLEU with other params is scored from the stored samples.
    await page.getByRole("button", { name: "Add bleu" }).click();
    // The new copy is keyed "bleu" (the default spec's BLEU is named bleu_4).
    await page.locator('[data-testid="spec-term"][data-key="bleu"]').getByLabel("n", { exact: true }).fill("1");
    await expect(page.getByTestId("preview-status")).toContainText("no resampling", { timeout: 30_000 });
    await expect(rewards.samples.first().locator('tr[data-key="bleu"]')).toBeVisible();
    await page.getByRole("button", { name: "Remove bleu", exact: true }).click();

    // The JSON view: an edit that parses moves the form; one that does not is flagged and the form stays.
    const spec = JSON.parse(await rewards.json.inputValue()) as { terms: { term: string; weight: number }[] };
    spec.terms.find((t) => t.term === "caption_length")!.weight = -2;
    await rewards.json.fill(JSON.stringify(spec, null, 2));
    await expect(rewards.weight("caption_length")).toHaveValue("-2");
    await rewards.json.fill(`${JSON.stringify(spec)} oops`);
    await expect(page.getByTestId("json-error")).toContainText("not JSON");
    await expect(rewards.weight("caption_length")).toHaveValue("-2");
    // A schema error is shown next to its field, from the same schema the server uses.
    await rewards.weight("caption_length").fill("");
    await expect(page.locator(`[data-field="terms[${spec.terms.findIndex((t) => t.term === "caption_length")}].weight"]`)).toContainText("finite number");
    await rewards.setWeight("caption_length", -2);

    // Save twice: one version; then a change: version 2, and the diff says what changed.
    const name = `e2e captions ${Date.now()}`;
    expect(await rewards.save(name)).toContain("Saved as version 1");
    await expect(page.getByTestId("versions").locator("tr[data-version]")).toHaveCount(1);
    expect(await rewards.save(name)).toMatch(/^Same as version 1 of .* \(no new version\)/);
    await rewards.setWeight("bleu_4", 0.5);
    expect(await rewards.save(name)).toContain("Saved as version 2");
    await expect(page.getByTestId("versions").locator("tr[data-version]")).toHaveCount(2);
    await expect(page.getByTestId("diff-lines")).toContainText("terms.bleu_4.weight: 0 → 0.5");
    await page.getByTestId("spec-diff").scrollIntoViewIfNeeded();
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("rewards-saved.png") });

    // Loading version 1 brings its weights back.
    await page.getByTestId("versions").locator('tr[data-version="1"]').getByRole("button", { name: "Load" }).click();
    await expect(page.getByTestId("draft-source")).toContainText("version 1");
    await expect(rewards.weight("bleu_4")).toHaveValue("0");
  });

  test("on colorization, the spread chart shows which term drives the ranking (docs/RESULTS.md)", async ({ page }, testInfo) => {
    const rewards = new RewardsPage(page);
    await rewards.goto();
    await page.getByLabel("Task").selectOption("colorization");
    await rewards.waitForSamples(16);
    await expect(page.getByTestId("preview-status")).toContainText("/models/colorization/mle/model.json");
    const shares = () => page.getByTestId("spread-chart").locator("li[data-key]").evaluateAll((ls) =>
      Object.fromEntries(ls.map((l) => [l.getAttribute("data-key"), Number(l.getAttribute("data-share"))])));
    // The shipped spec (fidelity weight 1000): fidelity carries most of the within-image spread.
    const shipped = await shares();
    expect(shipped.chroma_fidelity!).toBeGreaterThan(shipped.colorfulness!);
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("rewards-colorization.png") });
    // The earlier spec (weight 20): colourfulness alone decides which sample ranks first.
    await rewards.setWeight("chroma_fidelity", 20);
    await expect.poll(async () => (await shares()).colorfulness!).toBeGreaterThan(0.9);
    console.log(`rewards e2e colorization shares: weight 1000 ${JSON.stringify(shipped)}; weight 20 ${JSON.stringify(await shares())}`);
  });
});
