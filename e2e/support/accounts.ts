import type { APIRequestContext } from "@playwright/test";
import { expect } from "@playwright/test";

/** The demo accounts a fresh e2e database starts with (lib/db/seed.ts), by role. */
export const DEMO = {
  admin: "admin@reward.studio",
  engineer: "engineer@reward.studio",
  rater: "rater1@reward.studio",
  rater2: "rater2@reward.studio",
} as const;
export type DemoAccount = keyof typeof DEMO;
export const DEMO_PASSWORD = "studio-demo";

/**
 * Signs `account` in through the API with `request` (a page's or context's: the session cookie
 * lands in that browser context), as the sign-in form would, and returns the user.
 */
export async function signInAs(request: APIRequestContext, account: DemoAccount): Promise<{ id: string; email: string; role: string }> {
  const res = await request.post("/api/session", { data: { email: DEMO[account], password: DEMO_PASSWORD } });
  expect(res.status(), `sign-in as ${account}`).toBe(200);
  return ((await res.json()) as { user: { id: string; email: string; role: string } }).user;
}
