import { RewardsPage } from "./pages/rewards-page";
import { expect, test } from "./support/fixtures";

test.use({ account: "engineer" });

test.describe("Reward composer", () => {
  test("previews the shipped MLE model's samples, re-ranks on a weight change, follows JSON edits, saves versions and diffs them", async ({ page }, testInfo) => {
    test.setTimeout(150_000);
    const rewards = new RewardsPage(page);
    await rewards.goto();
    await expect(page.getByLabel("Task")).toHaveValue("captioning");
    await expect(page.getByTestId("term-catalogue").locator("li")).toHaveCount(7); // 5 captioning terms + KL + entropy

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
    await page.getByTestId("spec-term").filter({ hasText: "bleu_2" }).getByLabel("n", { exact: true }).fill("1");
    await expect(page.getByTestId("preview-status")).toContainText("no resampling", { timeout: 30_000 });
    await expect(rewards.samples.first().locator('tr[data-key="bleu_2"]')).toBeVisible();
    await page.getByRole("button", { name: "Remove bleu_2" }).click();

    // The JSON view: an edit that parses moves the form; one that does not is flagged and the form stays.
    const spec = JSON.parse(await rewards.json.inputValue()) as { terms: { term: string; weight: number }[] };
    spec.terms.find((t) => t.term === "caption_length")!.weight = -2;
    await rewards.json.fill(JSON.stringify(spec, null, 2));
    await expect(rewards.weight("caption_length")).toHaveValue("-2");
    await rewards.json.fill(`${JSON.stringify(spec)} oops`);
    await expect(page.getByTestId("json-error")).toContainText("not JSON");
    await expect(rewards.weight("caption_length")).toHaveValue("-2");
    // A schema error is shown next to its field, from the same schema the server uses.
    await rewards.setWeight("caption_length", Number.NaN);
    await expect(page.locator('[data-field="terms[2].weight"]')).toContainText("finite number");
    await rewards.setWeight("caption_length", -2);

    // Save twice: one version; then a change: version 2, and the diff says what changed.
    const name = `e2e captions ${Date.now()}`;
    expect(await rewards.save(name)).toContain("Saved as version 1");
    await expect(page.getByTestId("versions").locator("tr[data-version]")).toHaveCount(1);
    expect(await rewards.save(name)).toContain("Same as version 1 (no new version)");
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
});
