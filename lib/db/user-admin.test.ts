import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSession, resolveSession } from "@/lib/auth";
import { closeSession } from "@/lib/auth/sessions";
import { StudioError } from "@/lib/errors";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { createUser, listUsersWithActivity, setUserDisabled, setUserRole, type Db } from "./index";

const codeOf = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof StudioError ? e.code : String(e)));

describe.each(PROVIDERS)("an admin's user actions on %s", (provider) => {
  let t: TestDatabase;
  let db: Db;
  beforeAll(async () => { t = await freshDatabase(provider); db = t.db; });
  afterAll(async () => { await t.dispose(); });

  it("changes a role, which the user's open sessions see at once", async () => {
    const u = await createUser(db, { email: "e@x", name: "E", role: "engineer" });
    const { token } = await openSession(db, { userId: u.id });
    expect(await setUserRole(db, { userId: u.id, role: "rater" })).toMatchObject({ role: "rater" });
    expect(await resolveSession(db, { token })).toMatchObject({ role: "rater" });
    expect(await codeOf(setUserRole(db, { userId: "nobody", role: "rater" }))).toBe("not_found:user");
  });

  it("disabling ends every session of the account; re-enabling lets it sign in again, with none revived", async () => {
    const u = await createUser(db, { email: "d@x", name: "D", role: "rater" });
    const a = await openSession(db, { userId: u.id });
    const b = await openSession(db, { userId: u.id });
    const now = new Date();
    expect(await setUserDisabled(db, { userId: u.id, disabled: true, now })).toMatchObject({ user: { disabledAt: now }, endedSessions: 2 });
    expect(await db.session.count({ where: { userId: u.id, revokedAt: null } })).toBe(0);
    const { user } = await setUserDisabled(db, { userId: u.id, disabled: false, now });
    expect(user.disabledAt).toBeNull();
    expect(await resolveSession(db, { token: a.token })).toBeNull();
    expect(await resolveSession(db, { token: b.token })).toBeNull();
    expect(await resolveSession(db, { token: (await openSession(db, { userId: u.id })).token })).toMatchObject({ id: u.id });
  });

  it("never leaves the studio without an enabled admin (409), but lets one admin go while another remains", async () => {
    const first = await createUser(db, { email: "a1@x", name: "A1", role: "admin" });
    expect(await codeOf(setUserRole(db, { userId: first.id, role: "engineer" }))).toBe("conflict:user");
    const err = await setUserDisabled(db, { userId: first.id, disabled: true, now: new Date() }).catch((e: unknown) => e as StudioError);
    expect(err).toMatchObject({ code: "conflict:user", status: 409 });
    expect((err as StudioError).message).toContain("a1@x is the last admin");

    const second = await createUser(db, { email: "a2@x", name: "A2", role: "admin" });
    await setUserDisabled(db, { userId: second.id, disabled: true, now: new Date() });
    // A disabled admin does not count: the first is still the last one.
    expect(await codeOf(setUserRole(db, { userId: first.id, role: "rater" }))).toBe("conflict:user");
    await setUserDisabled(db, { userId: second.id, disabled: false, now: new Date() });
    expect(await setUserRole(db, { userId: first.id, role: "engineer" })).toMatchObject({ role: "engineer" });
    expect(await codeOf(setUserRole(db, { userId: second.id, role: "engineer" }))).toBe("conflict:user");
    expect(await db.user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });

  it("lists users with their live sessions and when they were last seen", async () => {
    const u = await createUser(db, { email: "l@x", name: "L", role: "engineer" });
    const seen = new Date(Date.now() - 1000);
    await openSession(db, { userId: u.id, now: seen });
    const gone = await openSession(db, { userId: u.id });
    await closeSession(db, { token: gone.token });
    const row = (await listUsersWithActivity(db, { now: new Date() })).find((r) => r.email === "l@x");
    expect(row).toMatchObject({ role: "engineer", disabledAt: null, liveSessions: 1 });
    expect(row?.lastSeenAt?.getTime()).toBeGreaterThanOrEqual(seen.getTime());
    expect(row).not.toHaveProperty("passwordHash");
  });
});
