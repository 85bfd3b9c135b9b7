import { chunkedFingerprint, hashScenes, sceneAt, SPLITS } from "@/lib/data";
import { DataPage } from "./pages/data-page";
import { expect, test } from "./support/fixtures";

// Engineer pages ask signed-out visitors to sign in first.
test.use({ account: "engineer" });

test.describe("Data page", () => {
  test("renders a page of scenes with boxes, panoptic overlay and captions", async ({ page }, testInfo) => {
    const data = new DataPage(page);
    await data.goto();
    await data.waitReady(24);
    expect(await data.seeds()).toEqual(Array.from({ length: 24 }, (_, i) => SPLITS.train.start + i));
    await expect(page.getByTestId("page-indicator")).toContainText("page 1 of");

    // Boxes: one rectangle per thing, at the generator's coordinates.
    const first = data.cards.first();
    const scene = sceneAt("train", 0);
    await expect(first.getByTestId("box-overlay").locator("rect")).toHaveCount(scene.objects.length);
    // Captions: the generator's references, in order.
    await expect(first.getByTestId("scene-captions").locator("li")).toHaveText(scene.captions);

    // Panoptic overlay: every pixel belongs to a segment, so the overlay covers the image.
    await data.setOverlay("Panoptic", true);
    await expect(page.getByLabel("Panoptic legend")).toBeVisible();
    await expect.poll(() => data.panopticCoverage(0)).toBe(scene.width * scene.height);

    const shot = await page.screenshot({ fullPage: true, path: testInfo.outputPath("data-page.png") });
    await testInfo.attach("data-page", { body: shot, contentType: "image/png" });
  });

  test("pages through a split with split and seed visible", async ({ page }) => {
    const data = new DataPage(page);
    await data.goto("?split=test&page=2");
    await data.waitReady(24);
    await expect(page.getByTestId("split-range")).toContainText(`test: seeds ${SPLITS.test.start.toLocaleString("en-US")}`);
    expect((await data.seeds())[0]).toBe(SPLITS.test.start + 24);
    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page).toHaveURL(/page=3/);
    await data.waitReady(24);
    expect((await data.seeds())[0]).toBe(SPLITS.test.start + 48);
  });

  test("a bad query names the field and what was expected", async ({ page, request }) => {
    await page.goto("/data?split=holdout");
    await expect(page.locator("[data-error-code]")).toContainText('The "split" parameter is invalid');
    await page.goto("/data?page=0");
    await expect(page.locator("[data-error-code]")).toContainText('The "page" parameter is invalid');
    const res = await request.get("/api/data/fingerprint?split=train&count=5000");
    expect(res.status()).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_request:fingerprint", field: "count" });
    // Past count × size² <= 16 x 32² (about 50 ms of the server's event loop): refused at once.
    const huge = await request.get("/api/data/fingerprint?split=train&count=1000&size=256");
    expect(huge.status()).toBe(400);
    expect(await huge.json()).toMatchObject({ code: "bad_request:fingerprint", field: "count" });
  });

  test("200 scenes hash identically in Chromium, on the server, in this Node process, and across runs", async ({ page }) => {
    const seeds = Array.from({ length: 200 }, (_, i) => SPLITS.train.start + i);
    // The page asks the server in chunks of 16 scenes and compares the combined digests.
    const node = chunkedFingerprint(seeds);
    expect(chunkedFingerprint(seeds)).toBe(node);
    expect(hashScenes(seeds.slice(0, 16))).toBe(hashScenes(seeds.slice(0, 16)));
    const data = new DataPage(page);
    await data.goto();
    const run1 = await data.verifyDeterminism();
    expect(run1.browser).toBe(node);
    expect(run1.server).toBe(node);
    expect(run1.verdict).toContain("identical");
    await page.reload();
    const run2 = await data.verifyDeterminism();
    expect(run2.browser).toBe(node);
  });
});
