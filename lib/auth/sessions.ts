/**
 * Server-side sessions: opened at sign-in (a fresh token; the one the client presented, if
 * any, is revoked, so no session id is reused), resolved on each request (revoked, expired or
 * disabled-user sessions are nobody; the idle expiry slides), ended at sign-out, and all of a
 * user's ended by a password change or an admin.
 */
import {
  createSession, findSessionByTokenHash, revokeSessionByTokenHash, revokeUserSessions, touchSession, type Db, type Role, type User,
} from "@/lib/db";
import { hashSessionToken, isSessionToken, newSessionToken, SESSION_IDLE_MS, SESSION_MAX_MS, SESSION_TOUCH_MS, slidExpiry } from "./session";

/** What the browser may know about the signed-in user. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const toSessionUser = (u: User): SessionUser => ({ id: u.id, email: u.email, name: u.name, role: u.role });

/**
 * Opens a session for `userId` and returns its token (for the cookie only; never stored) and
 * the cookie's expiry (the session's maximum). `replacing` is revoked first.
 */
export async function openSession(db: Db, input: { userId: string; replacing?: string; now?: Date }): Promise<{ token: string; cookieExpiresAt: Date }> {
  const now = input.now ?? new Date();
  if (input.replacing && isSessionToken(input.replacing)) {
    await revokeSessionByTokenHash(db, { tokenHash: hashSessionToken(input.replacing), now });
  }
  const token = newSessionToken();
  await createSession(db, { userId: input.userId, tokenHash: hashSessionToken(token), now, expiresAt: new Date(now.getTime() + Math.min(SESSION_IDLE_MS, SESSION_MAX_MS)) });
  return { token, cookieExpiresAt: new Date(now.getTime() + SESSION_MAX_MS) };
}

/** The user a token signs in, or null (unknown, revoked, expired, user disabled). Slides the expiry. */
export async function resolveSession(db: Db, input: { token: string | undefined; now?: Date }): Promise<SessionUser | null> {
  if (!input.token || !isSessionToken(input.token)) return null;
  const now = input.now ?? new Date();
  const session = await findSessionByTokenHash(db, { tokenHash: hashSessionToken(input.token) });
  if (!session || session.revokedAt || session.expiresAt <= now || session.user.disabledAt) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    await touchSession(db, { id: session.id, now, expiresAt: slidExpiry({ createdAt: session.createdAt, now }) });
  }
  return toSessionUser(session.user);
}

/** Ends the session of this token (sign-out). True when one was live. */
export function closeSession(db: Db, input: { token: string | undefined; now?: Date }): Promise<boolean> {
  if (!input.token || !isSessionToken(input.token)) return Promise.resolve(false);
  return revokeSessionByTokenHash(db, { tokenHash: hashSessionToken(input.token), now: input.now ?? new Date() });
}

/** Ends every session of a user, on every device. Returns how many were live. */
export function endAllSessions(db: Db, input: { userId: string; now?: Date }): Promise<number> {
  return revokeUserSessions(db, { userId: input.userId, now: input.now ?? new Date() });
}
