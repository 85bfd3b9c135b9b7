import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { StudioError } from "@/lib/errors";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import {
  DEMO_USERS, deleteCheckpoint, findCheckpoint, findUserByEmail, findUserById, registerCheckpoint, seedDemoData,
  setInitialPasswordHash, setUserPasswordHash,
} from "./index";
import { DEMO_PASSWORD } from "./seed";

describe.each(PROVIDERS)("accounts and checkpoint rows on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await freshDatabase(provider); });
  afterAll(async () => { await t.dispose(); });

  it("seeds every demo user with the demo password, once", async () => {
    await seedDemoData(t.db);
    for (const u of DEMO_USERS) {
      const row = await findUserByEmail(t.db, { email: u.email });
      expect(row?.passwordHash, u.email).toMatch(/^scrypt\$/);
      expect(await verifyPassword(DEMO_PASSWORD, row!.passwordHash!)).toBe(true);
      expect((await findUserById(t.db, { id: row!.id }))?.email).toBe(u.email);
    }
    const before = (await findUserByEmail(t.db, { email: "engineer@reward.studio" }))?.passwordHash;
    await seedDemoData(t.db);
    expect((await findUserByEmail(t.db, { email: "engineer@reward.studio" }))?.passwordHash).toBe(before);
  });

  it("keeps a changed password when the seed runs again", async () => {
    await setUserPasswordHash(t.db, { email: "admin@reward.studio", passwordHash: await hashPassword("changed") });
    await seedDemoData(t.db);
    const hash = (await findUserByEmail(t.db, { email: "admin@reward.studio" }))!.passwordHash!;
    expect(await verifyPassword("changed", hash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, hash)).toBe(false);
    expect(await setInitialPasswordHash(t.db, { email: "admin@reward.studio", passwordHash: "x" })).toBe(false);
    const err = await setUserPasswordHash(t.db, { email: "nobody@x", passwordHash: "x" }).catch((e: unknown) => e);
    expect((err as StudioError).code).toBe("not_found:user");
  });

  it("never resets a role or name someone changed, nor brings back a deleted demo account", async () => {
    await t.db.user.update({ where: { email: "rater2@reward.studio" }, data: { role: "engineer", name: "Ravi" } });
    await t.db.user.delete({ where: { email: "rater1@reward.studio" } });
    expect((await seedDemoData(t.db)).created).toBe(false);
    expect(await findUserByEmail(t.db, { email: "rater2@reward.studio" })).toMatchObject({ role: "engineer", name: "Ravi" });
    expect(await findUserByEmail(t.db, { email: "rater1@reward.studio" })).toBeNull();
  });

  it("registers a checkpoint under an id chosen in advance, and deletes it", async () => {
    const c = await registerCheckpoint(t.db, { id: "chosen-id-1", name: "up", task: "captioning", architecture: "a", uri: "/api/checkpoints/chosen-id-1/model.json", manifest: {} });
    expect(c.id).toBe("chosen-id-1");
    await deleteCheckpoint(t.db, { id: c.id });
    expect(await findCheckpoint(t.db, { id: c.id })).toBeNull();
    const err = await deleteCheckpoint(t.db, { id: c.id }).catch((e: unknown) => e);
    expect((err as StudioError).code).toBe("not_found:checkpoint");
  });
});

describe.each(PROVIDERS)("demo seeding on %s", (provider) => {
  it("seeds a fresh database once, even when two servers start together; a database with users gets none", async () => {
    const fresh = await freshDatabase(provider);
    try {
      const both = await Promise.all([seedDemoData(fresh.db), seedDemoData(fresh.db)]);
      expect(both.filter((r) => r.created)).toHaveLength(1);
      expect(await fresh.db.user.count()).toBe(DEMO_USERS.length);
    } finally {
      await fresh.dispose();
    }
    const deployed = await freshDatabase(provider);
    try {
      await deployed.db.user.create({ data: { email: "owner@company.example", name: "Owner", role: "admin" } });
      expect((await seedDemoData(deployed.db)).created).toBe(false);
      expect((await deployed.db.user.findMany()).map((u) => u.email)).toEqual(["owner@company.example"]);
    } finally {
      await deployed.dispose();
    }
  });
});
