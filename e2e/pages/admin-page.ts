import type { Locator, Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /admin: the users table and the invite form. */
export class AdminPage {
  readonly message: Locator;

  constructor(private readonly page: Page) {
    this.message = page.getByTestId("admin-message");
  }

  async goto(): Promise<void> {
    await this.page.goto("/admin");
    await expect(this.page.getByTestId("users")).toBeVisible();
  }

  row(email: string): Locator {
    return this.page.locator(`[data-testid="user-row"][data-email="${email}"]`);
  }

  /** Creates an invite link for `role` and returns it as shown (an absolute URL) with the expiry. */
  async createInvite(role: "rater" | "engineer" | "admin", expiresAfter = "7 days"): Promise<{ link: string; expiresAt: string }> {
    const form = this.page.getByRole("form", { name: "New invite" });
    await form.getByLabel("Role").selectOption(role);
    await form.getByLabel("Expires after").selectOption({ label: expiresAfter });
    await form.getByRole("button", { name: "Create invite link" }).click();
    const shown = this.page.getByTestId("invite-link");
    await expect(shown).toHaveAttribute("data-role", role);
    return { link: await this.page.getByRole("textbox", { name: "Invite link" }).inputValue(), expiresAt: (await shown.getAttribute("data-expires"))! };
  }

  async setRole(email: string, role: string): Promise<void> {
    await this.page.getByLabel(`Role of ${email}`).selectOption(role);
  }
}
