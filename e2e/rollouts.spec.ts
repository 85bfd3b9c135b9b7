import { generateScene, seedAt } from "@/lib/data";
import { scenePng } from "@/lib/rating/render";
import { expect, test } from "./support/fixtures";

test.use({ account: "engineer" });

test.describe("Rollouts", () => {
  test("start a roll-out from the page, watch shadow traffic come in, pause, resume and roll back in one click", async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    const { token } = (await (await page.request.post("/api/tokens", { data: { name: "e2e traffic", scopes: ["predict"] } })).json()) as { token: string };
    await page.goto("/rollouts");
    await page.getByLabel("Task").selectOption("detection");
    await expect(page.getByLabel("Candidate")).toHaveValue(/.+/);
    await expect(page.getByLabel("Candidate").locator("option:checked")).toHaveText("shipped detection tuned");
    await page.getByTestId("start-rollout").click();
    await expect(page.getByTestId("rollout")).toHaveAttribute("data-status", "active");
    await expect(page.getByTestId("split")).toContainText("shadow: the baseline answers everything");
    const rolloutId = page.url().split("/").pop()!;

    // Traffic through the serving endpoint: the baseline answers; the candidate runs on the same images.
    for (let i = 0; i < 12; i++) {
      const scene = generateScene(seedAt("test", i));
      const res = await page.request.post("/api/v1/predict/detection", {
        headers: { "content-type": "image/png", authorization: `Bearer ${token}`, "x-request-key": `e2e-${i}` },
        data: Buffer.from(scenePng(scene)),
      });
      expect(res.status()).toBe(200);
      expect(((await res.json()) as { checkpoint: { name: string } }).checkpoint.name).toBe("shipped detection MLE");
    }
    await expect(page.getByTestId("stat-chart").first()).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId("gate-checks").locator("tr", { hasText: "candidate samples" })).toContainText("12");
    await expect(page.getByTestId("gate-outcome")).toHaveText("inconclusive");
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("rollout-shadow.png") });

    await page.locator("[data-action=pause]").click();
    await expect(page.getByTestId("rollout")).toHaveAttribute("data-status", "paused");
    await page.locator("[data-action=resume]").click();
    await expect(page.getByTestId("rollout")).toHaveAttribute("data-status", "active");
    page.once("dialog", (d) => void d.accept());
    await page.locator("[data-action=rollback]").click();
    await expect(page.getByTestId("rollout")).toHaveAttribute("data-status", "rolled_back");
    await expect(page.getByTestId("rollout-reason")).toContainText("rolled back by hand");
    await expect(page.getByTestId("events").locator("tr[data-event]")).toHaveCount(5);
    await page.screenshot({ fullPage: true, path: testInfo.outputPath("rollout-rolled-back.png") });
    const view = (await (await page.request.get(`/api/rollouts/${rolloutId}`)).json()) as { rollout: { events: { type: string }[] } };
    expect(view.rollout.events.map((e) => e.type)).toEqual(["created", "started", "paused", "resumed", "rolled_back"]);
  });
});
