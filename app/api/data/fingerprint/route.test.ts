import { describe, expect, it } from "vitest";
import { hashScenes, SPLITS } from "@/lib/data";
import { GET } from "./route";

const get = (q: string) => GET(new Request(`http://localhost/api/data/fingerprint?${q}`));

describe("GET /api/data/fingerprint", () => {
  it("hashes up to 16 scenes of size 32 in one request, as Node's hashScenes does", async () => {
    const res = await get("split=val&start=3&count=16");
    expect(res.status).toBe(200);
    const seeds = Array.from({ length: 16 }, (_, i) => SPLITS.val.start + 3 + i);
    expect(await res.json()).toMatchObject({ split: "val", start: 3, count: 16, size: 32, firstSeed: seeds[0], sha256: hashScenes(seeds) });
  });

  it.each([
    ["17 scenes of size 32", "split=train&count=17", "count: expected at most 16 scenes of size 32 per request"],
    ["the 21-second probe of issue 9", "split=train&count=1000&size=256", "count: expected at most 1 scene of size 256 per request"],
    ["5 scenes of size 64", "split=train&count=5&size=64", "count: expected at most 4 scenes of size 64"],
  ])("refuses %s at once with 400 naming count", async (_, q, message) => {
    const t = performance.now();
    const res = await get(q);
    expect(performance.now() - t).toBeLessThan(50);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; field: string; message: string };
    expect([body.code, body.field]).toEqual(["bad_request:fingerprint", "count"]);
    expect(body.message).toContain(message);
  });

  it("names other bad parameters too", async () => {
    expect(await (await get("split=holdout")).json()).toMatchObject({ code: "bad_request:fingerprint", field: "split" });
    expect(await (await get("split=train&start=-1")).json()).toMatchObject({ field: "start" });
  });
});
