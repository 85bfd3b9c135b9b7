import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openSession } from "@/lib/auth";
import type { CampaignSummary } from "@/lib/compare/contract";
import { db, findCheckpointByUri, findUserByEmail } from "@/lib/db";
import { registerShippedCheckpoints } from "@/lib/server/shipped-checkpoints";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import { GET, POST } from "./route";

routeTestDatabase("campaigns-route");

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
  ids.detection = (await findCheckpointByUri(db(), { uri: shippedUri("detection", "mle") }))!.id;
});

const post = (body: unknown, who = "engineer") => POST(new Request("http://localhost/api/campaigns", {
  method: "POST", headers: { "content-type": "application/json", cookie: cookies[who] ?? "", "sec-fetch-site": "same-origin" }, body: JSON.stringify(body),
}));
const list = (query: string, who = "engineer") => GET(new Request(`http://localhost/api/campaigns${query}`, { headers: { cookie: cookies[who] ?? "" } }));
const draft = (over: Record<string, unknown> = {}) => ({
  name: "captioning MLE vs tuned", task: "captioning", aCheckpointId: ids.mle, bCheckpointId: ids.tuned,
  pairs: [{ sceneSeed: 101_000, note: "compare: biggest gain in composite (+0.41)" }, { sceneSeed: 101_003 }], ...over,
});

describe("POST /api/campaigns", () => {
  let created: CampaignSummary;
  it("creates a draft of the pairs (201), with the pairs' checkpoints, task and scene filled and no outputs yet", async () => {
    const res = await post(draft());
    expect(res.status).toBe(201);
    const body = (await res.json()) as { campaign: CampaignSummary; added: number };
    created = body.campaign;
    expect(body).toEqual({ added: 2, campaign: {
      id: expect.any(String), name: "captioning MLE vs tuned", task: "captioning", status: "draft", pairs: 2, createdAt: expect.any(String),
      a: { id: ids.mle, name: "shipped captioning MLE" }, b: { id: ids.tuned, name: "shipped captioning tuned" },
    } });
    const rows = await db().comparisonPair.findMany({ where: { campaignId: created.id }, orderBy: { sceneSeed: "asc" } });
    expect(rows.map((r) => [r.sceneSeed, r.task, r.aId, r.bId, r.outputA, r.outputB, r.note])).toEqual([
      [101_000, "captioning", ids.mle, ids.tuned, null, null, "compare: biggest gain in composite (+0.41)"],
      [101_003, "captioning", ids.mle, ids.tuned, null, null, ""],
    ]);
  });

  it("appends to the owner's draft, skipping scenes it holds: 200 with how many were new, and a retry adds none", async () => {
    const append = draft({ campaignId: created.id, name: undefined, pairs: [{ sceneSeed: 101_003 }, { sceneSeed: 101_007 }, { sceneSeed: 101_007 }] });
    const first = await post(append);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ added: 1, campaign: { id: created.id, pairs: 3 } });
    const again = await post(append);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ added: 0, campaign: { id: created.id, pairs: 3 } });
  });

  it("refuses appending to someone else's draft (403), other checkpoints (409) or an unknown campaign (404)", async () => {
    const byAdmin = await post(draft({ campaignId: created.id }), "admin");
    expect(byAdmin.status).toBe(403);
    expect(await byAdmin.json()).toMatchObject({ code: "forbidden:campaign" });
    const swapped = await post(draft({ campaignId: created.id, aCheckpointId: ids.tuned, bCheckpointId: ids.mle }));
    expect(swapped.status).toBe(409);
    expect(await swapped.json()).toMatchObject({ code: "conflict:campaign", message: expect.stringMatching(/^campaignId: .*same checkpoints/) });
    const unknown = await post(draft({ campaignId: "nope" }));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "not_found:campaign" });
    expect(await db().comparisonPair.count({ where: { campaignId: created.id } })).toBe(3);
  });

  it("names the field: same checkpoint twice, a checkpoint of another task, unknown checkpoint, no name, no pairs", async () => {
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ bCheckpointId: ids.mle }, 400, "bad_request:campaign", "bCheckpointId"],
      [{ bCheckpointId: ids.detection }, 400, "bad_request:campaign", "bCheckpointId"],
      [{ task: "detection" }, 400, "bad_request:campaign", "aCheckpointId"],
      [{ name: undefined }, 400, "bad_request:campaign", "name"],
      [{ pairs: [] }, 400, "bad_request:campaign", "pairs"],
      [{ pairs: [{ sceneSeed: -1 }] }, 400, "bad_request:campaign", "pairs[0].sceneSeed"],
      [{ extra: 1 }, 400, "bad_request:campaign", "body"],
    ];
    for (const [over, status, code, field] of cases) {
      const res = await post(draft(over));
      const body = (await res.json()) as { code: string; field?: string; message: string };
      expect([res.status, body.code, body.field], JSON.stringify(over)).toEqual([status, code, field]);
      expect(body.message.startsWith(`${field}: `)).toBe(true);
    }
    const missing = await post(draft({ aCheckpointId: "missing-checkpoint" }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found:campaign", message: "aCheckpointId: no checkpoint with id missing-checkpoint" });
  });

  it("is for engineers and admins (a rater gets 403), signed in (401)", async () => {
    expect((await post(draft(), "rater1")).status).toBe(403);
    expect((await post(draft(), "nobody")).status).toBe(401);
  });
});

describe("GET /api/campaigns", () => {
  it("lists the user's own campaigns with checkpoint names and pair counts, filtered by status and task", async () => {
    await post(draft({ name: "admin's draft" }), "admin");
    const res = await list("?status=draft");
    expect(res.status).toBe(200);
    const { campaigns } = (await res.json()) as { campaigns: CampaignSummary[] };
    expect(campaigns.map((c) => [c.name, c.status, c.a.name, c.b.name, c.pairs])).toEqual([["captioning MLE vs tuned", "draft", "shipped captioning MLE", "shipped captioning tuned", 3]]);
    expect(((await (await list("?status=draft&task=detection")).json()) as { campaigns: unknown[] }).campaigns).toEqual([]);
    expect(((await (await list("?status=open")).json()) as { campaigns: unknown[] }).campaigns).toEqual([]);
    const bad = await list("?status=archived");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: "bad_request:campaign", field: "status" });
  });
});
