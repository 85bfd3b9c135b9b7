/**
 * API tokens for scripts (the CLI's `tune --server`): `rs_` and 256 random bits, sent as
 * `Authorization: Bearer rs_...`. As with session tokens (./session), the database keeps only
 * the SHA-256, so a copy of it cannot act as anyone; the owner sees the secret once, at creation.
 * A token acts as its user within its scopes; a revoked token, or one of a disabled user, is nobody.
 */
import { createHash, randomBytes } from "node:crypto";
import { createApiToken, findApiTokenByHash, touchApiToken, type ApiTokenView, type Db } from "@/lib/db";
import { toSessionUser, type SessionUser } from "./sessions";

export const API_TOKEN_PREFIX = "rs_";
/** A token's lastUsedAt is written at most this often. */
export const API_TOKEN_TOUCH_MS = 60 * 1000;
/** How many characters of a token are kept in clear, so its owner can tell tokens apart. */
const SHOWN = API_TOKEN_PREFIX.length + 6;

/** The shape of a token this server makes; anything else is not looked up. */
export const isApiToken = (token: string): boolean => /^rs_[A-Za-z0-9_-]{43}$/.test(token);

/** What the database stores of a token: its SHA-256, hex. */
export const hashApiToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** The token of an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}

/** Makes a token for `userId` named `name`; returns the secret (shown once, never stored) and the row. */
export async function issueApiToken(db: Db, input: { userId: string; name: string; scopes?: readonly string[] }): Promise<{ token: string; apiToken: ApiTokenView }> {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const apiToken = await createApiToken(db, {
    userId: input.userId, name: input.name, tokenHash: hashApiToken(token), prefix: token.slice(0, SHOWN), ...(input.scopes ? { scopes: input.scopes.join(" ") } : {}),
  });
  return { token, apiToken };
}

/** The user a token acts as and its scopes, or null (malformed, unknown, revoked, user disabled). Stamps lastUsedAt. */
export async function resolveApiToken(db: Db, input: { token: string; now?: Date }): Promise<{ user: SessionUser; scopes: string[]; tokenId: string } | null> {
  if (!isApiToken(input.token)) return null;
  const now = input.now ?? new Date();
  const row = await findApiTokenByHash(db, { tokenHash: hashApiToken(input.token) });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= API_TOKEN_TOUCH_MS) {
    await touchApiToken(db, { id: row.id, now, notAfter: new Date(now.getTime() - API_TOKEN_TOUCH_MS) });
  }
  return { user: toSessionUser(row.user), scopes: row.scopes.split(/\s+/).filter(Boolean), tokenId: row.id };
}
