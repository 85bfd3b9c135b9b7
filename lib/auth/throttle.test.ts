import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, findThrottles, recordThrottleFailure, type Db } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { hashPassword, signIn, SIGN_IN_THROTTLE } from "./index";
import { readCookie, sessionCookieOptions } from "./session";

const MIN = 60 * 1000;
const t0 = new Date(Date.UTC(2026, 11, 1, 10, 0, 0));
const at = (ms: number) => new Date(t0.getTime() + ms);

async function codeOf(p: Promise<unknown>): Promise<{ code?: string; retryAfterSeconds?: number }> {
  const err = await p.then(() => null, (e: unknown) => e);
  return err instanceof StudioError ? { code: err.code, retryAfterSeconds: err.retryAfterSeconds } : {};
}

describe("cookies", () => {
  it("reads one cookie out of a Cookie header", () => {
    expect(readCookie("a=1; rs_session=tok; b=3", "rs_session")).toBe("tok");
    expect(readCookie("rs_session_old=1", "rs_session")).toBeUndefined();
    expect(readCookie(null, "rs_session")).toBeUndefined();
    expect(readCookie("rs_session=%E0%A4%A", "rs_session")).toBeUndefined();
  });

  it("sets the cookie httpOnly, sameSite=lax, path /, secure only over https", () => {
    expect(sessionCookieOptions({ expiresAt: t0.getTime(), secure: false })).toEqual({ httpOnly: true, sameSite: "lax", path: "/", secure: false, expires: t0 });
  });
});

describe.each(PROVIDERS)("sign-in throttling on %s", (provider) => {
  let t: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    db = t.db;
    const u = await createUser(db, { email: "ada@x", name: "Ada", role: "admin" });
    await db.user.update({ where: { id: u.id }, data: { passwordHash: await hashPassword("right password") } });
  });
  afterAll(async () => { await t.dispose(); });

  it("counts in a window: 10 failures lock the key for 15 minutes from the 10th; one outside the window starts over", async () => {
    const rule = SIGN_IN_THROTTLE.account;
    expect(rule).toEqual({ limit: 10, windowMs: 15 * MIN, lockMs: 15 * MIN });
    for (let i = 0; i < 9; i++) expect((await recordThrottleFailure(db, { key: "k1", rule, now: at(i * 1000) })).lockedUntil).toBeNull();
    // 16 minutes after the window began: the 9 no longer count.
    const fresh = await recordThrottleFailure(db, { key: "k1", rule, now: at(16 * MIN) });
    expect([fresh.failures, fresh.windowStartedAt, fresh.lockedUntil]).toEqual([1, at(16 * MIN), null]);
    for (let i = 1; i < 9; i++) await recordThrottleFailure(db, { key: "k1", rule, now: at(16 * MIN + i) });
    const tenth = await recordThrottleFailure(db, { key: "k1", rule, now: at(17 * MIN) });
    expect([tenth.failures, tenth.lockedUntil]).toEqual([10, at(32 * MIN)]);
  });

  it("counts concurrent failures from many processes exactly (atomic increments)", async () => {
    const rule = { limit: 1000, windowMs: 15 * MIN, lockMs: MIN };
    await recordThrottleFailure(db, { key: "k2", rule, now: t0 });
    await Promise.all(Array.from({ length: 20 }, () => recordThrottleFailure(db, { key: "k2", rule, now: at(1000) })));
    expect((await findThrottles(db, { keys: ["k2"] }))[0]?.failures).toBe(21);
  });

  it("a locked account answers 429 with Retry-After, to the right password too, and recovers after the lock", async () => {
    const address = "198.51.100.1";
    for (let i = 0; i < 10; i++) {
      expect(await codeOf(signIn(db, { email: "ada@x", password: `wrong ${i}`, address, now: at(i * 1000) }))).toMatchObject({ code: "unauthorized:session" });
    }
    const locked = await codeOf(signIn(db, { email: " ADA@x ", password: "right password", address: "203.0.113.7", now: at(10 * 1000) }));
    // Locked at the 10th failure (t0 + 9 s) for 15 minutes: 900 s - 1 s remain.
    expect(locked).toEqual({ code: "too_many_requests:session", retryAfterSeconds: 899 });
    expect(await codeOf(signIn(db, { email: "ada@x", password: "right password", address, now: at(9000 + 15 * MIN - 1) }))).toMatchObject({ code: "too_many_requests:session" });
    expect(await signIn(db, { email: "ada@x", password: "right password", address, now: at(9000 + 15 * MIN) })).toMatchObject({ email: "ada@x" });
    // Success cleared the account's count: one more failure does not lock it again.
    expect(await codeOf(signIn(db, { email: "ada@x", password: "wrong", address, now: at(16 * MIN) }))).toMatchObject({ code: "unauthorized:session" });
    expect(await signIn(db, { email: "ada@x", password: "right password", address, now: at(16 * MIN + 1) })).toMatchObject({ email: "ada@x" });
  });

  it("locks an email without an account exactly like one with an account", async () => {
    const address = "198.51.100.2";
    for (let i = 0; i < 10; i++) await signIn(db, { email: "nobody@x", password: "p", address, now: t0 }).catch(() => undefined);
    expect(await codeOf(signIn(db, { email: "nobody@x", password: "p", address: "198.51.100.3", now: at(1) }))).toEqual({
      code: "too_many_requests:session", retryAfterSeconds: 900,
    });
  });

  it("locks one address guessing at many accounts after 50 failures, for every account", async () => {
    const address = "198.51.100.50";
    const rule = SIGN_IN_THROTTLE.address;
    for (let i = 0; i < 49; i++) await recordThrottleFailure(db, { key: `address:${address}`, rule, now: t0 });
    expect(await codeOf(signIn(db, { email: "someone@x", password: "p", address, now: at(1) }))).toMatchObject({ code: "unauthorized:session" });
    expect(await codeOf(signIn(db, { email: "ada@x", password: "right password", address, now: at(2) }))).toMatchObject({ code: "too_many_requests:session" });
    expect(await signIn(db, { email: "ada@x", password: "right password", address: "198.51.100.51", now: at(3) })).toMatchObject({ email: "ada@x" });
  });
});
