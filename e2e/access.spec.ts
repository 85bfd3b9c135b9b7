import { SITE_AREAS } from "@/components/site-areas";
import { SignInPage } from "./pages/sign-in-page";
import { signInAs } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { shippedUpload } from "./support/shipped-upload";

/** Every page but Rate is for engineers and admins (Admin for admins only). */
const ENGINEER_PAGES = SITE_AREAS.filter((a) => a.href !== "/rate").map((a) => a.href);

test.describe("signed out", () => {
  test("every engineer page redirects to sign-in and, signed in, comes back", async ({ page }) => {
    for (const href of [...ENGINEER_PAGES, "/rate"]) {
      await page.goto(href);
      await expect(page, href).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(href)}$`));
    }
    await expect(page.getByRole("navigation", { name: "Studio areas" }).getByRole("listitem")).toHaveCount(0);
    await page.goto("/data?split=test&page=2");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fdata%3Fsplit%3Dtest%26page%3D2$/);
    await new SignInPage(page).signIn("engineer@reward.studio");
    await expect(page).toHaveURL(/\/data\?split=test&page=2$/);
  });

  test("following an area from the home page (a client-side navigation) asks to sign in too", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /^Runs/ }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fruns$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  });
});

test.describe("an engineer", () => {
  test.use({ account: "engineer" });

  test("whose sessions an admin ended is sent to sign-in by the next navigation, even within the studio", async ({ page, playwright, baseURL }) => {
    const me = ((await (await page.request.get("/api/session")).json()) as { user: { id: string } }).user;
    await page.goto("/data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data");
    const admin = await playwright.request.newContext({ baseURL });
    await signInAs(admin, "admin");
    expect((await admin.delete(`/api/users/${me.id}/sessions`)).status()).toBe(200);
    await admin.dispose();
    await page.getByRole("navigation", { name: "Studio areas" }).getByRole("link", { name: /^Backends/ }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fbackends$/);
  });
});

test.describe("a rater", () => {
  test.use({ account: "rater" });

  test("gets the 403 page, pointing to /rate, on every engineer page, and sees only Rate in the nav", async ({ page, consoleErrors }) => {
    for (const href of ENGINEER_PAGES) {
      const res = await page.goto(href);
      expect(res?.status(), href).toBe(403);
      await expect(page.getByTestId("forbidden"), href).toContainText("rater1@reward.studio (rater)");
    }
    await page.getByTestId("forbidden").getByRole("link", { name: "go to Rate" }).click();
    await expect(page).toHaveURL(/\/rate$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rate");
    await expect(page.getByRole("navigation", { name: "Studio areas" }).getByRole("listitem")).toHaveText([/^Rate/]);
    await page.goto("/");
    await expect(page.locator(".area-card")).toHaveCount(1);
    // Chromium logs each 403 document as a console error: exactly those, one per page.
    const forbidden = consoleErrors.filter((e) => /status of 403/.test(e));
    expect(forbidden).toHaveLength(ENGINEER_PAGES.length);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 403/.test(e)));
  });

  test("gets 403 from every engineer and admin route", async ({ page }) => {
    const me = ((await (await page.request.get("/api/session")).json()) as { user: { id: string } }).user;
    const calls = [
      ["POST /api/checkpoints", () => page.request.post("/api/checkpoints", { multipart: shippedUpload() }), "forbidden:checkpoint"],
      ["GET /api/checkpoints", () => page.request.get("/api/checkpoints"), "forbidden:checkpoint"],
      ["GET /api/checkpoints/<id>/model.json", () => page.request.get("/api/checkpoints/abc/model.json"), "forbidden:checkpoint"],
      ["GET /api/users", () => page.request.get("/api/users"), "forbidden:user"],
      ["PATCH /api/users/<id>", () => page.request.patch(`/api/users/${me.id}`, { data: { role: "admin" } }), "forbidden:user"],
      ["DELETE /api/users/<id>/sessions", () => page.request.delete(`/api/users/${me.id}/sessions`), "forbidden:user"],
      ["GET /api/invites", () => page.request.get("/api/invites"), "forbidden:invite"],
      ["POST /api/invites", () => page.request.post("/api/invites", { data: { role: "admin" } }), "forbidden:invite"],
    ] as const;
    for (const [name, call, code] of calls) {
      const res = await call();
      expect(res.status(), name).toBe(403);
      expect(((await res.json()) as { code: string }).code, name).toBe(code);
    }
    expect(((await (await page.request.get("/api/session")).json()) as { user: { role: string } }).user.role).toBe("rater");
  });
});
