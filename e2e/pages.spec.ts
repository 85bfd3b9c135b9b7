import { SITE_AREAS } from "@/components/site-areas";
import { expect, test } from "./support/fixtures";

test.describe("every page", () => {
  for (const path of ["/", ...SITE_AREAS.map((a) => a.href)]) {
    test(`${path} loads with navigation and without console errors`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("navigation", { name: "Studio areas" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
    });
  }

  test("areas not built yet say so plainly", async ({ page }) => {
    for (const area of SITE_AREAS.filter((a) => a.status === "planned")) {
      await page.goto(area.href);
      await expect(page.getByTestId("not-built")).toContainText(`${area.label} is not built yet`);
    }
  });

  test("navigation marks the current area and moves between areas", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Studio areas" });
    await nav.getByRole("link", { name: /^Data/ }).click();
    await expect(page).toHaveURL(/\/data$/);
    await expect(nav.getByRole("link", { name: /^Data/ })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: /^Runs/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Runs");
  });

  test("the home page reads the seeded demo database", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByTestId("studio-status")).toContainText("SQLite");
    const health = await (await request.get("/api/health")).json();
    expect(health).toMatchObject({ ok: true, database: "sqlite", counts: { users: 4 } });
  });
});
