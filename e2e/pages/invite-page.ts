import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /invite/<token>: a new account's email, name and password. */
export class InvitePage {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByRole("form", { name: "Create your account" });
  }

  /** Opens an invite link; ready when its form is there. */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.form().getByRole("button", { name: "Create account" })).toBeEnabled();
  }

  async accept(input: { email: string; name: string; password: string }): Promise<void> {
    await this.form().getByLabel("Email").fill(input.email);
    await this.form().getByLabel("Name").fill(input.name);
    await this.form().getByLabel("Password").fill(input.password);
    await this.form().getByRole("button", { name: "Create account" }).click();
  }
}
