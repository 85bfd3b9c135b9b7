/**
 * Sign-in for the studio: scrypt password hashes (./password), server-side sessions whose
 * token travels in an httpOnly cookie (./session, ./sessions), and the checks the edge makes:
 * who is signed in, and may they do this. Server-only.
 */
import "server-only";
import type { NextResponse } from "next/server";
import { findUserByEmail, findUserById, setPasswordAndEndSessions, type Db, type Role } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { bearerToken, resolveApiToken } from "./api-tokens";
import { hashPassword, verifyNoPassword, verifyPassword } from "./password";
import { readCookie, SESSION_COOKIE, sessionCookieOptions } from "./session";
import { closeSession, endAllSessions, openSession, resolveSession, toSessionUser, type SessionUser } from "./sessions";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "./throttle";

export { hashPassword, verifyPassword } from "./password";
export { SESSION_COOKIE, SESSION_IDLE_MS, SESSION_MAX_MS, hashSessionToken } from "./session";
export { SIGN_IN_THROTTLE } from "./throttle";
export { API_TOKEN_PREFIX, hashApiToken, isApiToken, issueApiToken, resolveApiToken } from "./api-tokens";
export { acceptInvite, createInvite, INVITE_DEFAULT_HOURS, INVITE_MAX_HOURS, invitePath, openInvite } from "./invites";
export { endAllSessions, openSession, resolveSession, toSessionUser, type SessionUser } from "./sessions";

/** Normalised form of an email for look-ups and throttle keys. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/**
 * The user with this email and password, or `unauthorized:session`. The message is the same
 * for an unknown email and a wrong password, and both take one scrypt's time. A disabled
 * account is refused only after its password checked out.
 */
export async function authenticate(db: Db, input: { email: string; password: string }): Promise<SessionUser> {
  const user = await findUserByEmail(db, { email: normalizeEmail(input.email) });
  const ok = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : await verifyNoPassword(input.password);
  if (!user || !ok) throw new StudioError("unauthorized:session", "wrong email or password");
  if (user.disabledAt) throw new StudioError("forbidden:session", "this account is disabled; ask an admin");
  return toSessionUser(user);
}

/**
 * A sign-in attempt from `address`: refused with 429 while the account or the address is
 * locked (before any password is checked, so locked known and unknown emails look alike);
 * a failure is counted against both; a success clears the account's count.
 */
export async function signIn(db: Db, input: { email: string; password: string; address: string; now?: Date }): Promise<SessionUser> {
  const now = input.now ?? new Date();
  const email = normalizeEmail(input.email);
  await assertSignInAllowed(db, { email, address: input.address, now });
  try {
    const user = await authenticate(db, input);
    await recordSignInSuccess(db, { email });
    return user;
  } catch (err) {
    if (err instanceof StudioError && err.code === "unauthorized:session") await recordSignInFailure(db, { email, address: input.address, now });
    throw err;
  }
}

const presentedToken = (request: Request) => readCookie(request.headers.get("cookie"), SESSION_COOKIE);

/** The user a request's session cookie names, or null (no cookie, unknown, revoked, expired, disabled). */
export function sessionUser(db: Db, input: { request: Request; now?: Date }): Promise<SessionUser | null> {
  return resolveSession(db, { token: presentedToken(input.request), now: input.now });
}

/** Who a request acts as, and by what: its session cookie, or an `Authorization: Bearer` API token (with the token's scopes). */
export interface RequestAuth {
  user: SessionUser | null;
  via: "session" | "token";
  scopes: readonly string[];
  /** The API token's id, when it came by one. */
  tokenId?: string;
}

/**
 * Authenticates a request: a bearer token when it sends one (the cookie is then not looked at,
 * and a bad token is nobody), else its session cookie.
 */
export async function requestAuth(db: Db, input: { request: Request; now?: Date }): Promise<RequestAuth> {
  const bearer = bearerToken(input.request);
  if (bearer === undefined) return { user: await sessionUser(db, input), via: "session", scopes: [] };
  const resolved = await resolveApiToken(db, { token: bearer, now: input.now });
  return { user: resolved?.user ?? null, via: "token", scopes: resolved?.scopes ?? [], ...(resolved ? { tokenId: resolved.tokenId } : {}) };
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

/** Opens a session for `user` (revoking the one the request presented) and sets its cookie on `response`. */
export async function startSession(db: Db, response: NextResponse, input: { user: SessionUser; request: Request }): Promise<void> {
  const { token, cookieExpiresAt } = await openSession(db, { userId: input.user.id, replacing: presentedToken(input.request) });
  response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions({ expiresAt: cookieExpiresAt.getTime(), secure: isHttps(input.request) }));
}

/** Revokes the request's session and clears its cookie on `response`. */
export async function endSession(db: Db, response: NextResponse, input: { request: Request }): Promise<void> {
  await closeSession(db, { token: presentedToken(input.request) });
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions({ expiresAt: 0, secure: isHttps(input.request) }));
}

/**
 * Changes a user's password after checking the current one (`unauthorized:account` when wrong)
 * and ends all of their sessions, in one transaction. Returns how many sessions were ended.
 */
export async function changePassword(db: Db, input: { userId: string; currentPassword: string; newPassword: string }): Promise<number> {
  const user = await findUserById(db, { id: input.userId });
  const ok = user?.passwordHash ? await verifyPassword(input.currentPassword, user.passwordHash) : await verifyNoPassword(input.currentPassword);
  if (!user || !ok) throw new StudioError("unauthorized:account", "currentPassword: wrong password", { field: "currentPassword" });
  return setPasswordAndEndSessions(db, { userId: user.id, passwordHash: await hashPassword(input.newPassword), now: new Date() });
}

/** An admin ends every session of a user; `not_found:user` for an unknown id. Returns how many were live. */
export async function endUserSessions(db: Db, input: { userId: string }): Promise<number> {
  if (!(await findUserById(db, { id: input.userId }))) throw new StudioError("not_found:user", `user ${input.userId.slice(0, 64)} was not found`);
  return endAllSessions(db, { userId: input.userId });
}
