/**
 * Session tokens and cookies. The cookie carries an opaque token (32 random bytes); the server
 * keeps only its SHA-256 (lib/db Session.tokenHash), so the database alone cannot sign anyone in.
 * A session ends when revoked, after SESSION_IDLE_MS without use, and at the latest
 * SESSION_MAX_MS after it began (the idle expiry slides with use, within that maximum).
 */
import { createHash, randomBytes } from "node:crypto";

export const SESSION_COOKIE = "rs_session";
/** Seven days without a request end a session. */
export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** Thirty days end it whatever happens. */
export const SESSION_MAX_MS = 30 * 24 * 60 * 60 * 1000;
/** A session's lastSeenAt and expiry are written at most this often (not on every request). */
export const SESSION_TOUCH_MS = 60 * 1000;

/** A fresh token: 256 random bits, base64url (43 characters). */
export const newSessionToken = (): string => randomBytes(32).toString("base64url");

/** What the database stores of a token: its SHA-256, hex. */
export const hashSessionToken = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** The shape of a token this server makes; anything else is not looked up. */
export const isSessionToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

/** The expiry after a use at `now`: idle time from now, never past the maximum from createdAt. */
export function slidExpiry(input: { createdAt: Date; now: Date }): Date {
  return new Date(Math.min(input.now.getTime() + SESSION_IDLE_MS, input.createdAt.getTime() + SESSION_MAX_MS));
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
