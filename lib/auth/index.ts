/**
 * Sign-in for the studio: scrypt password hashes (./password), stateless signed session
 * cookies (./session), and the checks route handlers make: who is signed in, and may they do
 * this. Server-only.
 */
import "server-only";
import type { NextResponse } from "next/server";
import { findUserByEmail, findUserById, type Db, type Role, type User } from "@/lib/db";
import { env } from "@/lib/env";
import { StudioError } from "@/lib/errors";
import { verifyNoPassword, verifyPassword } from "./password";
import { readCookie, SESSION_COOKIE, sessionCookieOptions, signSession, verifySession } from "./session";

export { hashPassword, verifyPassword } from "./password";
export { SESSION_COOKIE, SESSION_TTL_MS, signSession, verifySession, type SessionClaims } from "./session";

/** What the browser may know about the signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const toSessionUser = (u: User): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

/**
 * The user with this email and password, or `unauthorized:session`. The message is the same
 * for an unknown email and a wrong password, and both take one scrypt's time.
 */
export async function authenticate(db: Db, input: { email: string; password: string }): Promise<SessionUser> {
  const user = await findUserByEmail(db, { email: input.email.trim().toLowerCase() });
  const ok = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : await verifyNoPassword(input.password);
  if (!user || !ok) throw new StudioError("unauthorized:session", "wrong email or password");
  return toSessionUser(user);
}

/** The user a request's session cookie names, or null (no cookie, bad signature, expired, user gone). */
export async function sessionUser(db: Db, input: { request: Request; secret?: string }): Promise<SessionUser | null> {
  const token = readCookie(input.request.headers.get("cookie"), SESSION_COOKIE);
  if (!token) return null;
  const claims = verifySession({ token, secret: input.secret ?? env().sessionSecret() });
  if (!claims) return null;
  const user = await findUserById(db, { id: claims.userId });
  return user ? toSessionUser(user) : null;
}

/**
 * `user` if it has one of `roles`; otherwise `unauthorized:<surface>` (not signed in) or
 * `forbidden:<surface>` (signed in with another role), saying what `action` needs.
 */
export function requireRole(user: SessionUser | null, input: { roles: readonly Role[]; surface: string; action: string }): SessionUser {
  if (!user) throw new StudioError(`unauthorized:${input.surface}`, `sign in to ${input.action}`);
  if (!input.roles.includes(user.role)) {
    const an = (w: string) => (/^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
    throw new StudioError(
      `forbidden:${input.surface}`,
      `to ${input.action} you need ${an(input.roles.join(" or "))} account; ${user.email} is ${an(user.role)}`,
    );
  }
  return user;
}

const isHttps = (request: Request) =>
  new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";

/** Sets the session cookie for `user` on `response`. */
export function startSession(response: NextResponse, input: { user: SessionUser; request: Request; secret?: string }): void {
  const { token, expiresAt } = signSession({ userId: input.user.id, secret: input.secret ?? env().sessionSecret() });
  response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions({ expiresAt, secure: isHttps(input.request) }));
}

/** Clears the session cookie on `response`. */
export function endSession(response: NextResponse, input: { request: Request }): void {
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions({ expiresAt: 0, secure: isHttps(input.request) }));
}
