import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { countRequest } from "./index";

describe.each(PROVIDERS)("request windows on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await freshDatabase(provider); });
  afterAll(async () => { await t?.dispose(); });

  it("lets exactly `limit` of many concurrent requests through in a window, then says when the window ends", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    const answers = await Promise.all(Array.from({ length: 50 }, () => countRequest(t.db, { key: "k", limit: 20, windowMs: 60_000, now })));
    expect(answers.filter((a) => a.allowed)).toHaveLength(20);
    expect(answers.find((a) => !a.allowed)?.retryAfterSeconds).toBe(60);
    const later = await countRequest(t.db, { key: "k", limit: 20, windowMs: 60_000, now: new Date(now.getTime() + 45_000) });
    expect(later).toEqual({ allowed: false, retryAfterSeconds: 15 });
    // A new window starts once the old one is over; other keys count apart.
    expect((await countRequest(t.db, { key: "k", limit: 20, windowMs: 60_000, now: new Date(now.getTime() + 61_000) })).allowed).toBe(true);
    expect((await countRequest(t.db, { key: "other", limit: 1, windowMs: 60_000, now })).allowed).toBe(true);
    expect((await countRequest(t.db, { key: "other", limit: 1, windowMs: 60_000, now })).allowed).toBe(false);
  });
});
