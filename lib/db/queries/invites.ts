import type { Db } from "../client";
import type { Invite, Role, User } from "../generated/sqlite/client";
import { rethrowAsStudioError } from "./prisma-errors";

/** Records an invite under the hash of its token (the token itself is never stored). */
export function createInviteRow(
  db: Db,
  input: { tokenHash: string; role: Role; email?: string | null; expiresAt: Date; createdById: string; now: Date },
): Promise<Invite> {
  return db.invite.create({
    data: { tokenHash: input.tokenHash, role: input.role, email: input.email ?? null, expiresAt: input.expiresAt, createdById: input.createdById, createdAt: input.now },
  });
}

/** The invite stored under this token hash (used or expired ones too: the caller decides). */
export function findInviteByTokenHash(db: Db, input: { tokenHash: string }): Promise<Invite | null> {
  return db.invite.findUnique({ where: { tokenHash: input.tokenHash } });
}

/** Invites not used yet and not expired at `now`, newest first, with who created them. */
export function listOpenInvites(db: Db, input: { now: Date }): Promise<(Invite & { createdBy: { email: string } })[]> {
  return db.invite.findMany({
    where: { usedAt: null, expiresAt: { gt: input.now } },
    orderBy: { createdAt: "desc" },
    include: { createdBy: { select: { email: true } } },
  });
}

/**
 * Uses the invite and creates its account, in one transaction: the invite is claimed only if it
 * is still unused and unexpired at `now` (so two tabs accepting at once make one account), and
 * a taken email (`conflict:user`) leaves the invite unused. Null when the claim failed.
 */
export async function claimInviteForNewUser(
  db: Db,
  input: { inviteId: string; now: Date; user: { email: string; name: string; role: Role; passwordHash: string } },
): Promise<User | null> {
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.invite.updateMany({
        where: { id: input.inviteId, usedAt: null, expiresAt: { gt: input.now } },
        data: { usedAt: input.now },
      });
      if (count !== 1) return null;
      const user = await tx.user.create({ data: { ...input.user, createdAt: input.now } });
      await tx.invite.update({ where: { id: input.inviteId }, data: { usedById: user.id } });
      return user;
    });
  } catch (err) {
    rethrowAsStudioError(err, "user", `an account with email ${input.user.email}`);
  }
}
