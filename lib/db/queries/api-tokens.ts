import type { Db } from "../client";
import type { ApiToken, User } from "../generated/sqlite/client";

/** What a token's owner may see of it: never the hash. */
export type ApiTokenView = Pick<ApiToken, "id" | "name" | "prefix" | "scopes" | "createdAt" | "lastUsedAt">;
const VIEW = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true } as const;

/** Records a new API token of `userId` under the SHA-256 of its secret. */
export function createApiToken(db: Db, input: { userId: string; name: string; tokenHash: string; prefix: string; scopes?: string }): Promise<ApiTokenView> {
  return db.apiToken.create({ data: input, select: VIEW });
}

/** The token stored under this hash, with its user (revoked ones too: the caller decides). */
export function findApiTokenByHash(db: Db, input: { tokenHash: string }): Promise<(ApiToken & { user: User }) | null> {
  return db.apiToken.findUnique({ where: { tokenHash: input.tokenHash }, include: { user: true } });
}

/** A user's live (not revoked) tokens, newest first. */
export function listApiTokens(db: Db, input: { userId: string }): Promise<ApiTokenView[]> {
  return db.apiToken.findMany({ where: { userId: input.userId, revokedAt: null }, select: VIEW, orderBy: { createdAt: "desc" } });
}

/** Revokes one of the user's live tokens; false when it is not theirs, unknown or already revoked. */
export async function revokeApiToken(db: Db, input: { id: string; userId: string; now: Date }): Promise<boolean> {
  const { count } = await db.apiToken.updateMany({ where: { id: input.id, userId: input.userId, revokedAt: null }, data: { revokedAt: input.now } });
  return count > 0;
}

/** Stamps lastUsedAt = now unless it was stamped after `notAfter` (so a busy script writes once a minute, not per request). */
export async function touchApiToken(db: Db, input: { id: string; now: Date; notAfter: Date }): Promise<void> {
  await db.apiToken.updateMany({
    where: { id: input.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: input.notAfter } }] },
    data: { lastUsedAt: input.now },
  });
}
