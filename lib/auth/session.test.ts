import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readCookie, sessionCookieOptions, SESSION_TTL_MS, signSession, verifySession } from "./session";

const secret = "0123456789abcdef0123456789abcdef";
const now = Date.UTC(2026, 10, 28, 6, 0, 0);

describe("session tokens (HMAC-SHA256 over user id + expiry)", () => {
  it("round-trips the user id and expiry", () => {
    const { token, expiresAt } = signSession({ userId: "cmi1user", secret, now });
    expect(expiresAt).toBe(now + SESSION_TTL_MS);
    expect(verifySession({ token, secret, now })).toEqual({ userId: "cmi1user", expiresAt });
  });

  it("is the HMAC-SHA256 of the payload, as written by hand", () => {
    const { token } = signSession({ userId: "u", secret, now, ttlMs: 1000 });
    const payload = `v1.dQ.${now + 1000}`; // "u" in base64url is "dQ"
    const mac = createHmac("sha256", secret).update(payload).digest("base64url");
    expect(token).toBe(`${payload}.${mac}`);
  });

  it("expires: valid until the last millisecond, refused from the expiry on", () => {
    const { token, expiresAt } = signSession({ userId: "u", secret, now, ttlMs: 60_000 });
    expect(verifySession({ token, secret, now: expiresAt - 1 })).not.toBeNull();
    expect(verifySession({ token, secret, now: expiresAt })).toBeNull();
  });

  it("refuses tampering: another user, a later expiry, a changed MAC, another secret, garbage", () => {
    const { token } = signSession({ userId: "rater", secret, now });
    const [v, , exp, mac] = token.split(".");
    const other = Buffer.from("admin").toString("base64url");
    const flipped = `${mac!.slice(0, -1)}${mac!.endsWith("A") ? "B" : "A"}`;
    for (const bad of [
      `${v}.${other}.${exp}.${mac}`,
      `${v}.${token.split(".")[1]}.${Number(exp) + SESSION_TTL_MS}.${mac}`,
      `${v}.${token.split(".")[1]}.${exp}.${flipped}`,
      `${v}.${token.split(".")[1]}.${exp}.`,
      `v2.${token.split(".").slice(1).join(".")}`,
      "", "v1", "a.b.c.d.e", `${v}.${token.split(".")[1]}.1e20.${mac}`,
    ]) {
      expect(verifySession({ token: bad, secret, now }), bad).toBeNull();
    }
    expect(verifySession({ token, secret: `${secret}x`, now })).toBeNull();
  });

  it("reads one cookie out of a Cookie header", () => {
    expect(readCookie("a=1; rs_session=v1.x.2.y; b=3", "rs_session")).toBe("v1.x.2.y");
    expect(readCookie("rs_session_old=1", "rs_session")).toBeUndefined();
    expect(readCookie(null, "rs_session")).toBeUndefined();
    expect(readCookie("rs_session=%E0%A4%A", "rs_session")).toBeUndefined();
  });

  it("sets the cookie httpOnly, sameSite=lax, path /, secure only over https", () => {
    expect(sessionCookieOptions({ expiresAt: now, secure: false })).toEqual({
      httpOnly: true, sameSite: "lax", path: "/", secure: false, expires: new Date(now),
    });
  });
});
