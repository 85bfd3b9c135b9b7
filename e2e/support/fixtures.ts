import { test as base, expect } from "@playwright/test";
import { signInAs, type DemoAccount } from "./accounts";

/**
 * Every test fails if the page logs a console error or throws: "loads without console errors"
 * holds for every page the tests visit, not only the ones that check it explicitly.
 *
 * `account`: the demo account the test's browser is signed in as before it starts
 * (`test.use({ account: "engineer" })`); engineer pages ask signed-out visitors to sign in.
 * Default: signed out.
 */
export const test = base.extend<{ consoleErrors: string[]; account: DemoAccount | null }>({
  account: [null, { option: true }],
  page: async ({ page, account }, provide) => {
    if (account) await signInAs(page.request, account);
    await provide(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`${msg.text()} (${msg.location().url})`);
      });
      page.on("pageerror", (err) => errors.push(`uncaught: ${err.message}`));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
