import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, findSessionByTokenHash, type Db } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { changePassword, endUserSessions, hashPassword, hashSessionToken, SESSION_IDLE_MS, SESSION_MAX_MS } from "./index";
import { hashSessionToken as hashOf, isSessionToken, slidExpiry } from "./session";
import { closeSession, endAllSessions, openSession, resolveSession } from "./sessions";

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date(Date.UTC(2026, 11, 1, 9, 0, 0));
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("session tokens", () => {
  it("are 43 base64url characters, and the database keeps their SHA-256 in hex", () => {
    expect(isSessionToken("A".repeat(43))).toBe(true);
    expect(isSessionToken("A".repeat(42))).toBe(false);
    expect(isSessionToken(`${"A".repeat(42)}.`)).toBe(false);
    // SHA-256("abc"), FIPS 180-2 appendix B.1.
    expect(hashOf("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hashSessionToken).toBe(hashOf);
  });

  it("slide the expiry to 7 days after the last use, never past 30 days after sign-in", () => {
    expect([SESSION_IDLE_MS, SESSION_MAX_MS]).toEqual([7 * DAY, 30 * DAY]);
    expect(slidExpiry({ createdAt: t0, now: at(DAY) })).toEqual(at(8 * DAY));
    expect(slidExpiry({ createdAt: t0, now: at(25 * DAY) })).toEqual(at(30 * DAY));
  });
});

describe.each(PROVIDERS)("server-side sessions on %s", (provider) => {
  let t: TestDatabase;
  let db: Db;
  let userId: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    db = t.db;
    const u = await createUser(db, { email: "s@x", name: "S", role: "engineer" });
    userId = u.id;
    await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword("old password 1") } });
  });
  afterAll(async () => { await t.dispose(); });

  it("stores only the token's hash; the token resolves to its user until sign-out, then never again", async () => {
    const { token, cookieExpiresAt } = await openSession(db, { userId, now: t0 });
    expect(cookieExpiresAt).toEqual(at(30 * DAY));
    const row = await findSessionByTokenHash(db, { tokenHash: hashOf(token) });
    expect(row).toMatchObject({ userId, createdAt: t0, expiresAt: at(7 * DAY), revokedAt: null });
    expect(JSON.stringify(await db.session.findMany())).not.toContain(token);
    expect(await resolveSession(db, { token, now: at(1000) })).toMatchObject({ id: userId, email: "s@x", role: "engineer" });
    expect(await closeSession(db, { token, now: at(2000) })).toBe(true);
    expect(await resolveSession(db, { token, now: at(3000) })).toBeNull();
    expect(await closeSession(db, { token })).toBe(false);
  });

  it("is nobody for a missing, malformed or unknown token", async () => {
    for (const token of [undefined, "", "x", "A".repeat(43)]) expect(await resolveSession(db, { token })).toBeNull();
  });

  it("slides with use (written at most once a minute) and ends at 30 days however often it is used", async () => {
    const { token } = await openSession(db, { userId, now: t0 });
    const hash = hashOf(token);
    expect(await resolveSession(db, { token, now: at(30 * 1000) })).not.toBeNull();
    expect((await findSessionByTokenHash(db, { tokenHash: hash }))?.lastSeenAt).toEqual(t0); // under a minute: not written
    // Used every 6 days: alive at day 24 (expiry slid to day 31, capped at 30), gone at day 30.
    for (const day of [6, 12, 18, 24]) expect(await resolveSession(db, { token, now: at(day * DAY) }), `day ${day}`).not.toBeNull();
    expect((await findSessionByTokenHash(db, { tokenHash: hash }))?.expiresAt).toEqual(at(30 * DAY));
    expect(await resolveSession(db, { token, now: at(30 * DAY - 1) })).not.toBeNull();
    expect(await resolveSession(db, { token, now: at(30 * DAY) })).toBeNull();
  });

  it("ends after 7 idle days", async () => {
    const { token } = await openSession(db, { userId, now: t0 });
    expect(await resolveSession(db, { token, now: at(7 * DAY - 1) })).not.toBeNull(); // slides to 14 days - 1 ms
    expect(await resolveSession(db, { token, now: at(14 * DAY - 2) })).not.toBeNull();
    const idle = await openSession(db, { userId, now: t0 });
    expect(await resolveSession(db, { token: idle.token, now: at(7 * DAY) })).toBeNull();
  });

  it("rotates at sign-in: the token the client presented is revoked, the new one differs", async () => {
    const first = await openSession(db, { userId });
    const second = await openSession(db, { userId, replacing: first.token });
    expect(second.token).not.toBe(first.token);
    expect(await resolveSession(db, { token: first.token })).toBeNull();
    expect(await resolveSession(db, { token: second.token })).not.toBeNull();
  });

  it("a password change ends every session of the user (and none of anyone else's)", async () => {
    const other = await createUser(db, { email: "o@x", name: "O", role: "rater" });
    const mine = [await openSession(db, { userId }), await openSession(db, { userId })];
    const theirs = await openSession(db, { userId: other.id });
    const err = await changePassword(db, { userId, currentPassword: "wrong", newPassword: "new password 2" }).catch((e: unknown) => e);
    expect((err as StudioError).code).toBe("unauthorized:account");
    expect(await resolveSession(db, { token: mine[0]!.token })).not.toBeNull();
    expect(await changePassword(db, { userId, currentPassword: "old password 1", newPassword: "new password 2" })).toBeGreaterThanOrEqual(2);
    for (const s of mine) expect(await resolveSession(db, { token: s.token })).toBeNull();
    expect(await resolveSession(db, { token: theirs.token })).not.toBeNull();
  });

  it("an admin's end-all-sessions ends them everywhere; a disabled account's sessions are nobody", async () => {
    const u = await createUser(db, { email: "e@x", name: "E", role: "engineer" });
    const a = await openSession(db, { userId: u.id });
    const b = await openSession(db, { userId: u.id });
    expect(await endUserSessions(db, { userId: u.id })).toBe(2);
    expect(await resolveSession(db, { token: a.token })).toBeNull();
    expect(await resolveSession(db, { token: b.token })).toBeNull();
    expect(await endAllSessions(db, { userId: u.id })).toBe(0);
    const err = await endUserSessions(db, { userId: "nobody" }).catch((e: unknown) => e);
    expect((err as StudioError).code).toBe("not_found:user");
    const c = await openSession(db, { userId: u.id });
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await resolveSession(db, { token: c.token })).toBeNull();
  });
});
