import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";

/** Page object for /sign-in: the email and password form. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  /** Opens the sign-in page that returns to `next` afterwards. */
  async goto(next = "/"): Promise<void> {
    await this.page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(this.form().getByRole("button", { name: "Sign in" })).toBeEnabled();
  }

  form() {
    return this.page.getByRole("form", { name: "Sign in" });
  }

  /** Fills the form and submits it (does not wait: success navigates, failure shows an alert). */
  async submit(email: string, password: string): Promise<void> {
    await this.form().getByLabel("Email").fill(email);
    await this.form().getByLabel("Password").fill(password);
    await this.form().getByRole("button", { name: "Sign in" }).click();
  }

  /** Signs in and waits until the nav bar shows the user. */
  async signIn(email: string, password = "studio-demo"): Promise<void> {
    await this.submit(email, password);
    await expect(this.page.getByTestId("signed-in")).toHaveAttribute("data-email", email);
  }
}
