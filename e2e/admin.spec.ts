import { AdminPage } from "./pages/admin-page";
import { InvitePage } from "./pages/invite-page";
import { SignInPage } from "./pages/sign-in-page";
import { DEMO } from "./support/accounts";
import { expect, test } from "./support/fixtures";

/** Chromium logs every 4xx answer to fetch as a console error; the last-admin refusal is one. */
const REFUSED = /status of 409/;

test.describe("users, roles and invites", () => {
  test.use({ account: "admin" });

  test("an admin invites a rater, who sets a password and lands on /rate; the link works once; disabling ends the rater's session", async ({ page, browser }) => {
    const admin = new AdminPage(page);
    await admin.goto();
    const { link, expiresAt } = await admin.createInvite("rater");
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[\w-]{43}$/);
    expect(Math.abs(Date.parse(expiresAt) - Date.now() - 7 * 24 * 3_600_000)).toBeLessThan(120_000);
    await expect(page.getByTestId("open-invite").filter({ hasText: "rater" })).toHaveCount(1);

    // A new browser, signed out, opens the link.
    const newcomer = await browser.newContext();
    const np = await newcomer.newPage();
    const invite = new InvitePage(np);
    await invite.open(link);
    await expect(np.getByTestId("invite-summary")).toContainText("as a rater");
    const email = `nina-${Date.now()}@reward.studio`;
    await invite.accept({ email, name: "Nina Newrater", password: "nina's own password" });
    await expect(np).toHaveURL(/\/rate$/);
    await expect(np.getByTestId("signed-in")).toHaveAttribute("data-email", email);
    await expect(np.getByRole("navigation", { name: "Studio areas" }).getByRole("listitem")).toHaveText([/^Rate/]);

    // The same link again: refused, saying why; no second account.
    await np.goto(link);
    await expect(np.locator('[data-error-code="conflict:invite"]')).toContainText("already used");

    // The admin sees the new rater with a live session, and disables the account: its session ends.
    await admin.goto();
    const row = admin.row(email);
    await expect(row).toHaveAttribute("data-role", "rater");
    await expect(row.getByTestId("live-sessions")).toHaveText("1");
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(admin.message).toHaveText(`${email}: disabled, its sessions ended`);
    await expect(row).toHaveAttribute("data-disabled", "true");
    await expect(row.getByTestId("live-sessions")).toHaveText("0");
    await np.goto("/rate");
    await expect(np).toHaveURL(/\/sign-in\?next=%2Frate$/);
    await new SignInPage(np).submit(email, "nina's own password");
    await expect(np.getByTestId("sign-in-error")).toHaveText("this account is disabled; ask an admin");

    // Enabled again, and made an engineer: signs in and may open the engineer pages.
    await row.getByRole("button", { name: "Enable" }).click();
    await expect(row).toHaveAttribute("data-disabled", "false");
    await admin.setRole(email, "engineer");
    await expect(row).toHaveAttribute("data-role", "engineer");
    await new SignInPage(np).goto("/data");
    await new SignInPage(np).signIn(email, "nina's own password");
    await expect(np).toHaveURL(/\/data$/);
    await newcomer.close();
  });

  test("the last admin cannot demote or disable themself", async ({ page, consoleErrors }) => {
    const admin = new AdminPage(page);
    await admin.goto();
    await admin.setRole(DEMO.admin, "engineer");
    await expect(admin.message).toContainText(`${DEMO.admin}: ${DEMO.admin} is the last admin`);
    await expect(admin.message).toHaveAttribute("role", "alert");
    await expect(admin.row(DEMO.admin)).toHaveAttribute("data-role", "admin");
    await expect(page.getByLabel(`Role of ${DEMO.admin}`)).toHaveValue("admin");
    await admin.row(DEMO.admin).getByRole("button", { name: "Disable" }).click();
    await expect(admin.message).toContainText("would leave no admin");
    await expect(admin.row(DEMO.admin)).toHaveAttribute("data-disabled", "false");
    expect(consoleErrors.filter((e) => REFUSED.test(e))).toHaveLength(2);
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !REFUSED.test(e)));
  });
});
