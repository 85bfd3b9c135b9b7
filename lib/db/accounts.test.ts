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

  it("registers a checkpoint under an id chosen in advance, and deletes it", async () => {
    const c = await registerCheckpoint(t.db, { id: "chosen-id-1", name: "up", task: "captioning", architecture: "a", uri: "/api/checkpoints/chosen-id-1/model.json", manifest: {} });
    expect(c.id).toBe("chosen-id-1");
    await deleteCheckpoint(t.db, { id: c.id });
    expect(await findCheckpoint(t.db, { id: c.id })).toBeNull();
    const err = await deleteCheckpoint(t.db, { id: c.id }).catch((e: unknown) => e);
    expect((err as StudioError).code).toBe("not_found:checkpoint");
  });
});
