import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession } from "@/lib/auth";
import type { ComparisonResult, StoredComparison } from "@/lib/compare/contract";
import { db, findCheckpointByUri, findUserByEmail } from "@/lib/db";
import { registerShippedCheckpoints } from "@/lib/server/shipped-checkpoints";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import { GET, POST } from "./route";

routeTestDatabase("comparisons-route");

const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  await registerShippedCheckpoints(db(), { publicDir: path.resolve("public") });
  for (const who of ["engineer", "admin", "rater1"]) {
    const user = await findUserByEmail(db(), { email: `${who}@reward.studio` });
    cookies[who] = `rs_session=${(await openSession(db(), { userId: user!.id })).token}`;
  }
  ids.mle = (await findCheckpointByUri(db(), { uri: shippedUri("captioning", "mle") }))!.id;
  ids.tuned = (await findCheckpointByUri(db(), { uri: shippedUri("captioning", "tuned") }))!.id;
  ids.detection = (await findCheckpointByUri(db(), { uri: shippedUri("detection", "tuned") }))!.id;
});

const HASH = "ab".repeat(32);
const side = (text: string, cider: number) => ({ output: { text }, terms: { cider_d: cider, caption_length: 0 }, composite: cider });
const result = (seeds = [101_010, 101_011]): ComparisonResult => ({
  task: "captioning", keys: ["cider_d", "caption_length"], weights: { cider_d: 1, caption_length: -0.1 },
  scenes: seeds.map((seed, i) => ({ seed, a: side("a red circle", 0.5 + i), b: side("a big red circle on grass", 0.9 + i) })),
  aggregates: { metrics: [{ name: "CIDEr", a: 0.8, b: 1.2, diff: 0.4, lo: 0.1, hi: 0.7 }], resamples: 1000, level: 0.95, seed: 0 },
  backend: "wasm", seconds: 3.2,
});
const key = () => ({ aId: ids.mle, bId: ids.tuned, split: "test", start: 10, count: 2, specHash: HASH });
const post = (body: unknown, who = "engineer") => POST(new Request("http://localhost/api/comparisons", {
  method: "POST", headers: { "content-type": "application/json", cookie: cookies[who] ?? "", "sec-fetch-site": "same-origin" }, body: JSON.stringify(body),
}));
const get = (query: Record<string, unknown>, who = "engineer") =>
  GET(new Request(`http://localhost/api/comparisons?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, { headers: { cookie: cookies[who] ?? "" } }));

describe("POST/GET /api/comparisons", () => {
  it("GET is 404 not_found:comparison before anything is cached", async () => {
    const res = await get(key());
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found:comparison" });
  });

  it("stores a comparison (201) and serves it back by its key with who computed it", async () => {
    const res = await post({ ...key(), result: result() });
    expect(res.status).toBe(201);
    const stored = ((await res.json()) as { comparison: StoredComparison }).comparison;
    expect(stored).toEqual({ id: expect.any(String), createdAt: expect.any(String), computedBy: "Eli Engineer", result: result() });
    const back = await get(key());
    expect(back.status).toBe(200);
    expect(((await back.json()) as { comparison: StoredComparison }).comparison).toEqual(stored);
    expect((await get({ ...key(), specHash: "cd".repeat(32) })).status).toBe(404);
  });

  it("is idempotent by key: a second POST (even by someone else, with other numbers) answers 200 with the stored one", async () => {
    const other = result();
    other.aggregates.metrics[0]!.diff = 99;
    const res = await post({ ...key(), result: other }, "admin");
    expect(res.status).toBe(200);
    const stored = ((await res.json()) as { comparison: StoredComparison }).comparison;
    expect(stored.computedBy).toBe("Eli Engineer");
    expect(stored.result.aggregates.metrics[0]!.diff).toBe(0.4);
    expect(await db().comparisonCache.count()).toBe(1);
  });

  it("names the field: scenes that are not the key's, a checkpoint of another task, the same checkpoint twice, a bad hash", async () => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ count: 3 }, 400, "bad_request:comparison", "result.scenes"],
      [{ result: result([101_010, 101_012]) }, 400, "bad_request:comparison", "result.scenes[1].seed"],
      [{ start: 1999 }, 400, "bad_request:comparison", "count"],
      [{ bId: ids.detection }, 400, "bad_request:comparison", "bId"],
      [{ bId: ids.mle }, 400, "bad_request:comparison", "bId"],
      [{ specHash: "xyz" }, 400, "bad_request:comparison", "specHash"],
      [{ split: "holdout" }, 400, "bad_request:comparison", "split"],
      [{ result: { ...result(), task: "detection" } }, 400, "bad_request:comparison", "result.task"],
    ];
    for (const [over, status, code, field] of cases) {
      const res = await post({ ...key(), result: result(), ...over });
      const body = (await res.json()) as { code: string; field?: string; message: string };
      expect([res.status, body.code, body.field], JSON.stringify(over).slice(0, 80)).toEqual([status, code, field]);
      expect(body.message.startsWith(`${field}: `)).toBe(true);
    }
    const missing = await post({ ...key(), aId: "missing-checkpoint", result: result() });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found:comparison", message: "aId: no checkpoint with id missing-checkpoint" });
  });

  it("refuses a body over 8 MB (413), raters (403) and signed-out callers (401)", async () => {
    const big = result();
    (big.scenes[0]!.a.output as Record<string, unknown>).rgb = new Array(3_000_000).fill(255);
    const res = await post({ ...key(), start: 20, result: big });
    expect(res.status).toBe(413);
    expect((await post({ ...key(), result: result() }, "rater1")).status).toBe(403);
    expect((await get(key(), "nobody")).status).toBe(401);
  });
});
