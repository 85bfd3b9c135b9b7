/**
 * Stateless sessions: the cookie holds the user id and an expiry, signed with HMAC-SHA256
 * (node:crypto). Nothing is stored on the server; signing out clears the cookie, and a token
 * stops working at its expiry or when the secret changes.
 * Token: `v1.<user id base64url>.<expiry, ms since epoch>.<HMAC base64url>`.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "rs_session";
/** Seven days. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface SessionClaims {
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const mac = (payload: string, secret: string) => createHmac("sha256", secret).update(payload).digest();

/** Signs a session for `userId` that lasts `ttlMs` from `now`. */
export function signSession(input: { userId: string; secret: string; now?: number; ttlMs?: number }): { token: string; expiresAt: number } {
  const expiresAt = (input.now ?? Date.now()) + (input.ttlMs ?? SESSION_TTL_MS);
  const payload = `v1.${Buffer.from(input.userId, "utf8").toString("base64url")}.${expiresAt}`;
  return { token: `${payload}.${mac(payload, input.secret).toString("base64url")}`, expiresAt };
}

/** The claims of a valid, unexpired token; null for anything else (tampered, expired, malformed). */
export function verifySession(input: { token: string; secret: string; now?: number }): SessionClaims | null {
  const parts = input.token.split(".");
  if (parts.length !== 4 || parts[0] !== "v1" || !/^\d{1,16}$/.test(parts[2] ?? "")) return null;
  const payload = parts.slice(0, 3).join(".");
  const given = Buffer.from(parts[3] ?? "", "base64url");
  const expected = mac(payload, input.secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresAt = Number(parts[2]);
  if (expiresAt <= (input.now ?? Date.now())) return null;
  const userId = Buffer.from(parts[1] ?? "", "base64url").toString("utf8");
  return userId ? { userId, expiresAt } : null;
}

/** The value of cookie `name` in a Cookie header, or undefined. */
export function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Options for the session cookie: httpOnly, sameSite=lax, path /, secure over https. */
export function sessionCookieOptions(input: { expiresAt: number; secure: boolean }) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure: input.secure, expires: new Date(input.expiresAt) };
}
