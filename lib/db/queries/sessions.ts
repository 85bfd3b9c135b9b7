import type { Db } from "../client";
import type { Session, User } from "../generated/sqlite/client";

/** Records a new session for `userId` under the hash of its token. */
export function createSession(db: Db, input: { userId: string; tokenHash: string; now: Date; expiresAt: Date }): Promise<Session> {
  return db.session.create({
    data: { userId: input.userId, tokenHash: input.tokenHash, createdAt: input.now, lastSeenAt: input.now, expiresAt: input.expiresAt },
  });
}

/** The session stored under this token hash, with its user (revoked or expired ones too: the caller decides). */
export function findSessionByTokenHash(db: Db, input: { tokenHash: string }): Promise<(Session & { user: User }) | null> {
  return db.session.findUnique({ where: { tokenHash: input.tokenHash }, include: { user: true } });
}

/** Moves a live session's lastSeenAt and expiry forward; a revoked one stays revoked. */
export async function touchSession(db: Db, input: { id: string; now: Date; expiresAt: Date }): Promise<void> {
  await db.session.updateMany({ where: { id: input.id, revokedAt: null }, data: { lastSeenAt: input.now, expiresAt: input.expiresAt } });
}

/** Revokes the session stored under this token hash (sign-out). True when one was live. */
export async function revokeSessionByTokenHash(db: Db, input: { tokenHash: string; now: Date }): Promise<boolean> {
  const { count } = await db.session.updateMany({ where: { tokenHash: input.tokenHash, revokedAt: null }, data: { revokedAt: input.now } });
  return count > 0;
}

/** Revokes every live session of a user (password change, "end all sessions", account disabled). Returns how many. */
export async function revokeUserSessions(db: Db, input: { userId: string; now: Date }): Promise<number> {
  const { count } = await db.session.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: input.now } });
  return count;
}

/** Sets a user's password hash and revokes all of their sessions, in one transaction. Returns the sessions ended. */
export function setPasswordAndEndSessions(db: Db, input: { userId: string; passwordHash: string; now: Date }): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash: input.passwordHash } });
    const { count } = await tx.session.updateMany({ where: { userId: input.userId, revokedAt: null }, data: { revokedAt: input.now } });
    return count;
  });
}
