import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, type Db } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { acceptInvite, authenticate, createInvite, hashSessionToken, openInvite } from "./index";

const HOUR = 3_600_000;
const t0 = new Date(Date.UTC(2026, 11, 1, 9, 0, 0));
const at = (ms: number) => new Date(t0.getTime() + ms);
const codeOf = (p: Promise<unknown>) => p.then(() => "resolved", (e: unknown) => (e instanceof StudioError ? e.code : String(e)));

describe.each(PROVIDERS)("invite links on %s", (provider) => {
  let t: TestDatabase;
  let db: Db;
  let adminId: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    db = t.db;
    adminId = (await createUser(db, { email: "boss@x", name: "Boss", role: "admin" })).id;
  });
  afterAll(async () => { await t.dispose(); });

  it("stores only the token's SHA-256, with the role, creator and expiry (a week by default)", async () => {
    const { token, invite } = await createInvite(db, { createdById: adminId, role: "rater", now: t0 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invite).toMatchObject({ tokenHash: hashSessionToken(token), role: "rater", createdById: adminId, expiresAt: at(7 * 24 * HOUR), usedAt: null });
    expect(JSON.stringify(await db.invite.findMany())).not.toContain(token);
  });

  it("creates the account with the invite's role and signs it in, once", async () => {
    const { token } = await createInvite(db, { createdById: adminId, role: "rater", expiresInHours: 2, now: t0 });
    const user = await acceptInvite(db, { token, email: "New@X", name: " Nia ", password: "a long password", now: at(HOUR) });
    expect(user).toMatchObject({ email: "new@x", name: "Nia", role: "rater" });
    expect(await authenticate(db, { email: "new@x", password: "a long password" })).toMatchObject({ id: user.id });
    const row = await db.invite.findUnique({ where: { tokenHash: hashSessionToken(token) } });
    expect(row).toMatchObject({ usedAt: at(HOUR), usedById: user.id });
    // Again, with another email: refused as used, and no second account.
    expect(await codeOf(acceptInvite(db, { token, email: "again@x", name: "A", password: "a long password", now: at(HOUR) }))).toBe("conflict:invite");
    expect(await db.user.count({ where: { email: "again@x" } })).toBe(0);
  });

  it("two accepts at once make one account", async () => {
    const { token } = await createInvite(db, { createdById: adminId, role: "engineer", now: t0 });
    const results = await Promise.allSettled(["r1@x", "r2@x"].map((email) => acceptInvite(db, { token, email, name: "R", password: "a long password", now: at(HOUR) })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: { in: ["r1@x", "r2@x"] } } })).toBe(1);
  });

  it("an expired link is refused as gone, an unknown one as not found, and neither creates anyone", async () => {
    const { token } = await createInvite(db, { createdById: adminId, role: "engineer", expiresInHours: 1, now: t0 });
    expect(await openInvite(db, { token, now: at(HOUR - 1) })).toMatchObject({ role: "engineer" });
    const err = await acceptInvite(db, { token, email: "late@x", name: "L", password: "a long password", now: at(HOUR) }).catch((e: unknown) => e as StudioError);
    expect(err).toMatchObject({ code: "gone:invite", status: 410, field: "token" });
    expect((err as StudioError).message).toContain("expired on 2026-12-01 10:00 UTC");
    expect(await codeOf(openInvite(db, { token: "A".repeat(43) }))).toBe("not_found:invite");
    expect(await codeOf(openInvite(db, { token: "not a token" }))).toBe("not_found:invite");
    expect(await db.user.count({ where: { email: "late@x" } })).toBe(0);
  });

  it("an invite for one email takes only that email; a taken email leaves the invite usable", async () => {
    const { token } = await createInvite(db, { createdById: adminId, role: "engineer", email: "Only@X", now: t0 });
    expect(await codeOf(acceptInvite(db, { token, email: "other@x", name: "O", password: "a long password", now: at(HOUR) }))).toBe("bad_request:invite");
    const user = await acceptInvite(db, { token, name: "Only", password: "a long password", now: at(HOUR) });
    expect(user).toMatchObject({ email: "only@x", role: "engineer" });
    expect(await codeOf(createInvite(db, { createdById: adminId, role: "rater", email: "only@x" }))).toBe("conflict:invite");

    const open = await createInvite(db, { createdById: adminId, role: "rater", now: t0 });
    expect(await codeOf(acceptInvite(db, { token: open.token, email: "only@x", name: "Dup", password: "a long password", now: at(HOUR) }))).toBe("conflict:user");
    expect(await openInvite(db, { token: open.token, now: at(HOUR) })).toMatchObject({ usedAt: null });
    expect(await codeOf(acceptInvite(db, { token: open.token, name: "No email", password: "a long password", now: at(HOUR) }))).toBe("bad_request:invite");
  });
});
