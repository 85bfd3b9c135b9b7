import { areasFor, SITE_AREAS } from "@/components/site-areas";
import { expect, test } from "./support/fixtures";

test.describe("every page, signed in as an admin (who may open them all)", () => {
  test.use({ account: "admin" });

  for (const path of ["/", ...SITE_AREAS.map((a) => a.href)]) {
    test(`${path} loads with navigation and without console errors`, async ({ page }) => {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("navigation", { name: "Studio areas" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
    });
  }

  test("areas not built yet say so plainly, and built ones show no such notice", async ({ page }) => {
    for (const area of SITE_AREAS) {
      await page.goto(area.href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (area.status === "planned") await expect(page.getByTestId("not-built")).toContainText(`${area.label} is not built yet`);
      else await expect(page.getByTestId("not-built")).toHaveCount(0);
    }
  });

  test("the home page reads the seeded demo database", async ({ page, request }) => {
    await page.goto("/");
    await expect(page.getByTestId("studio-status")).toContainText("SQLite");
    const health = (await (await request.get("/api/health")).json()) as { counts: { users: number } };
    expect(health).toMatchObject({ ok: true, database: "sqlite" });
    // The four demo accounts, and any that e2e/admin.spec.ts invited before this file ran.
    expect(health.counts.users).toBeGreaterThanOrEqual(4);
  });
});

test.describe("navigation", () => {
  test.use({ account: "engineer" });

  test("marks the current area and moves between areas", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Studio areas" });
    await nav.getByRole("link", { name: /^Data/ }).click();
    await expect(page).toHaveURL(/\/data$/);
    await expect(nav.getByRole("link", { name: /^Data/ })).toHaveAttribute("aria-current", "page");
    await nav.getByRole("link", { name: /^Runs/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Runs");
  });

  test("shows an engineer every studio area but not Admin", async ({ page }) => {
    await page.goto("/data");
    const links = page.getByRole("navigation", { name: "Studio areas" }).getByRole("listitem");
    await expect(links).toHaveText(areasFor("engineer").map((a) => new RegExp(`^${a.label}`)));
    expect(areasFor("engineer").map((a) => a.href)).not.toContain("/admin");
  });
});
