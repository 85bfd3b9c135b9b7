/**
 * Server-side guards for pages (the edge of the pages, as lib/server/edge.ts is of the routes):
 * who is signed in, read from the session cookie through lib/auth, once per request; a signed-out
 * visitor is sent to `/sign-in?next=<path>`, a signed-in one without the role gets the 403 page
 * (app/forbidden.tsx). Route-group layouts call `guardPage`, so no page of a group is missed on a
 * full load; each page calls it too, because a client-side navigation between two pages of one
 * group renders only the page on the server, not the layout they share (the lookup is cached
 * per request, so the second call costs nothing).
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { resolveSession, SESSION_COOKIE, type SessionUser } from "@/lib/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { db, type Role } from "@/lib/db";

/** Who the engineer pages (app/(studio)) are for. */
export const STUDIO_ROLES: readonly Role[] = ["engineer", "admin"];
/** Everyone signed in may rate (app/(rate)). */
export const RATE_ROLES: readonly Role[] = ["rater", "engineer", "admin"];
export const ADMIN_ROLES: readonly Role[] = ["admin"];

/** The user this request's session cookie names, or null; looked up once per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? resolveSession(db(), { token }) : null;
});

/** The signed-in user if they have one of `roles`; otherwise a redirect to sign-in, or the 403 page. */
export async function guardPage(input: { roles: readonly Role[] }): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) {
    const path = safeNextPath((await headers()).get("x-rs-path") ?? "/");
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  if (!input.roles.includes(user.role)) forbidden();
  return user;
}
