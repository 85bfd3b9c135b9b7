import type { Browser, BrowserContext, Page } from "@playwright/test";
import { signInAs, type DemoAccount } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test.use({ account: "engineer" });

/** A rater's own browser: signed in, every response it receives kept (URL, and the body of text ones) for the blindness scan. */
async function raterBrowser(browser: Browser, baseURL: string, account: DemoAccount): Promise<{ context: BrowserContext; page: Page; received: string[] }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInAs(page.request, account);
  const received: string[] = [];
  page.on("response", (res) => {
    received.push(res.url());
    const type = res.headers()["content-type"] ?? "";
    if (/json|html|text|x-component/.test(type)) void res.text().then((t) => received.push(t), () => undefined);
  });
  return { context, page, received };
}

/** Presses `key` and waits for the page to move on to another assignment (or to finish). */
async function press(page: Page, key: string): Promise<void> {
  const before = await page.getByTestId("assignment").getAttribute("data-assignment");
  await page.keyboard.press(key);
  await page.waitForFunction((b) => {
    const now = document.querySelector("[data-testid=assignment]")?.getAttribute("data-assignment");
    return (now && now !== b) || document.querySelector("[data-testid=rate-done]");
  }, before);
}

test.describe("Rating", () => {
  test("an engineer opens a campaign; raters vote blind with the keyboard only, undo and comment; the results read with intervals", async ({ page, browser, baseURL }, testInfo) => {
    test.setTimeout(240_000);
    // 1. The engineer creates and opens a campaign: 4 captioning scenes + 1 gold pair, 2 votes each, both demo raters.
    await page.goto("/campaigns");
    await page.getByLabel("Scenes (pairs)").fill("4");
    await page.getByLabel("Gold pairs").fill("1");
    await page.getByLabel("Votes per pair").fill("2");
    await expect(page.getByTestId("rater-picker").getByLabel(/Rae Rater/)).toBeChecked();
    await expect(page.getByTestId("rater-picker").getByLabel(/Ravi Rater/)).toBeChecked();
    await page.getByTestId("create-open").click();
    await expect(page.getByTestId("campaign-detail")).toHaveAttribute("data-status", "open", { timeout: 120_000 });
    const campaignId = page.url().split("/").pop()!;
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("campaign-open.png") });
    const checkpoints = ((await (await page.request.get("/api/checkpoints?task=captioning")).json()) as { checkpoints: { id: string; name: string }[] }).checkpoints;

    // 2. Rater 1, keyboard only: a vote, a comment, an undo, every choice.
    const r1 = await raterBrowser(browser, baseURL!, "rater");
    await r1.page.goto("/rate");
    await expect(r1.page.getByTestId("rate-campaigns").locator(`[data-campaign="${campaignId}"]`)).toContainText("Captioning rating");
    await r1.page.screenshot({ fullPage: true, path: testInfo.outputPath("rate-list.png") });
    await r1.page.goto(`/rate/${campaignId}`);
    await expect(r1.page.getByTestId("assignment")).toBeVisible();
    await expect(r1.page.getByTestId("rate-progress")).toContainText("0 voted · 5 left for you");
    await r1.page.screenshot({ fullPage: true, path: testInfo.outputPath("rate-pair.png") });
    const first = await r1.page.getByTestId("assignment").getAttribute("data-assignment");
    await press(r1.page, "1");
    await expect(r1.page.getByTestId("rate-note")).toHaveText("Voted: left better.");
    // Undo brings the first pair back; then a comment and another verdict.
    await r1.page.keyboard.press("u");
    await expect(r1.page.getByTestId("assignment")).toHaveAttribute("data-assignment", first!);
    await r1.page.keyboard.press("c");
    await r1.page.keyboard.type("left names both shapes");
    await r1.page.keyboard.press("Escape");
    await press(r1.page, "ArrowRight");
    for (const key of ["t", "b", "2", "ArrowLeft", "1"]) {
      if (await r1.page.getByTestId("rate-done").isVisible()) break;
      await press(r1.page, key);
    }
    await expect(r1.page.getByTestId("rate-done")).toContainText("All done");
    await r1.page.screenshot({ fullPage: true, path: testInfo.outputPath("rate-done.png") });

    // 3. Rater 2 votes on everything, skipping one pair (which they never see again).
    const r2 = await raterBrowser(browser, baseURL!, "rater2");
    await r2.page.goto(`/rate/${campaignId}`);
    await press(r2.page, "s");
    for (let i = 0; i < 8 && !(await r2.page.getByTestId("rate-done").isVisible()); i++) await press(r2.page, i % 2 ? "1" : "2");
    await expect(r2.page.getByTestId("rate-done")).toBeVisible();

    // 4. Nothing either rater received names a model: no checkpoint id or name, no "MLE" or "tuned".
    await r1.page.waitForTimeout(500);
    const everything = [...r1.received, ...r2.received].join("\n");
    for (const secret of [...checkpoints.flatMap((c) => [c.id, c.name]), "MLE", "tuned", "/models/"]) {
      expect(everything.includes(secret), `a rater received "${secret}"`).toBe(false);
    }
    // Raters are refused the engineer pages and the results.
    await r1.page.goto("/campaigns");
    await expect(r1.page.getByTestId("forbidden")).toBeVisible();
    await r1.page.goto(`/rate/${campaignId}/results`);
    await expect(r1.page.getByTestId("forbidden")).toBeVisible();
    expect((await r1.page.request.get(`/api/campaigns/${campaignId}/results`)).status()).toBe(403);
    await r1.context.close();
    await r2.context.close();

    // 5. The engineer reads the results: the win rate with its interval, the raters, the comment.
    await page.goto(`/rate/${campaignId}/results`);
    await expect(page.getByTestId("win-rate")).toContainText("95 % Wilson [");
    await expect(page.getByTestId("raters-table").locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("interval-chart")).toBeVisible();
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("campaign-results.png") });
    const detail = ((await (await page.request.get(`/api/campaigns/${campaignId}`)).json()) as { campaign: { votes: number; skips: number } }).campaign;
    expect(detail.skips).toBe(1);
    testInfo.annotations.push({ type: "votes", description: `${detail.votes} votes, ${detail.skips} skip` });

    // 6. A reward learned from these votes, added in the composer, scores and ranks the preview samples.
    await page.goto("/rewards");
    await page.getByLabel("Campaign to learn from").selectOption(campaignId);
    await expect(page.getByTestId("learned-fit")).toContainText(/held-out accuracy \d+ %/);
    await page.getByRole("button", { name: "Add human_preference" }).click();
    await expect(page.getByTestId("learned-summary")).toContainText(`learned from campaign ${campaignId}`);
    await expect(page.getByTestId("preview")).toHaveAttribute("data-status", "ready", { timeout: 120_000 });
    await expect(page.getByTestId("preview-sample").first().locator("tr[data-key=human_preference] td").first()).toHaveText(/^-?\d/);
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("composer-learned-term.png") });
  });
});
