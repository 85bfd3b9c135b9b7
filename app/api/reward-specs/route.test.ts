import { describe, expect, it } from "vitest";
import { DEFAULT_REWARD_SPECS } from "@/lib/rewards";
import type { RewardSpecSummary, SavedRewardSpec } from "@/lib/reward-specs/contract";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { POST as signIn } from "../session/route";
import { GET as readVersion } from "./[id]/route";
import { GET as listSpecs, POST as saveSpec } from "./route";

// A fresh SQLite database (with the demo accounts) for this file, read through lib/env like the server does.
routeTestDatabase("reward-specs-route", { RS_DEMO_SEED: "on" });

const URL0 = "http://localhost";
const json = (url: string, body: unknown, cookie = "") =>
  new Request(`${URL0}${url}`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });
const get = (url: string, cookie = "") => new Request(`${URL0}${url}`, { headers: { cookie } });
const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0]!;
const as = async (who: string) => cookieOf(await signIn(json("/api/session", { email: `${who}@reward.studio`, password: "studio-demo" })));
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const save = async (cookie: string, body: unknown) => {
  const res = await saveSpec(json("/api/reward-specs", body, cookie));
  return { status: res.status, body: (await res.json()) as { spec: SavedRewardSpec } & { code?: string; field?: string; message?: string } };
};

const captioning = DEFAULT_REWARD_SPECS.captioning;

describe("reward specs through the edge", () => {
  it("saves a version (201); the same content in another key order and with defaults spelled out is that version (200)", async () => {
    const engineer = await as("engineer");
    const first = await save(engineer, { name: "captions v", spec: captioning, description: "the paper's CIDEr-D" });
    expect(first.status).toBe(201);
    expect(first.body.spec).toMatchObject({
      name: "captions v", task: "captioning", version: 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      author: { id: expect.any(String), name: expect.any(String) }, body: { schemaVersion: 1, aggregate: "normalize_then_sum" },
    });
    // Reordered keys, schemaVersion and aggregate written out, cider_d's (empty) params and "none" normalisation explicit.
    const spelled = {
      guardrails: captioning.guardrails, kl: captioning.kl, aggregate: "normalize_then_sum", schemaVersion: 1,
      terms: captioning.terms.map((t) => (t.term === "cider_d" ? { normalize: "none", params: {}, weight: 1, term: "cider_d" } : t)), task: "captioning",
    };
    const again = await save(engineer, { name: "captions v", spec: spelled });
    expect(again.status).toBe(200);
    expect(again.body.spec).toMatchObject({ id: first.body.spec.id, version: 1, hash: first.body.spec.hash });

    const changed = await save(engineer, { name: "captions v", spec: { ...captioning, terms: captioning.terms.map((t) => (t.term === "caption_length" ? { ...t, weight: -5 } : t)) } });
    expect(changed.status).toBe(201);
    expect(changed.body.spec).toMatchObject({ version: 2, specId: first.body.spec.specId });

    const read = await readVersion(get(`/api/reward-specs/${first.body.spec.id}`, engineer), params(first.body.spec.id));
    expect(read.status).toBe(200);
    expect(((await read.json()) as { spec: SavedRewardSpec }).spec).toEqual(first.body.spec);
  });

  it("lists every engineer's specs with all versions newest first, filtered by task", async () => {
    const admin = await as("admin");
    await save(admin, { name: "colour", spec: DEFAULT_REWARD_SPECS.colorization });
    const engineer = await as("engineer");
    const all = (await (await listSpecs(get("/api/reward-specs", engineer))).json()) as { specs: RewardSpecSummary[] };
    expect(all.specs.map((s) => s.name).sort()).toEqual(["captions v", "colour"]);
    const caps = (await (await listSpecs(get("/api/reward-specs?task=captioning", engineer))).json()) as { specs: RewardSpecSummary[] };
    expect(caps.specs).toHaveLength(1);
    expect(caps.specs[0]).toMatchObject({ name: "captions v", description: "the paper's CIDEr-D", owner: { name: expect.any(String) } });
    expect(caps.specs[0]!.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(caps.specs[0]!.versions[0]).toMatchObject({ author: { id: caps.specs[0]!.owner.id } });
  });

  it("refuses a bad spec with bad_request:reward_spec naming the field, and nothing is written", async () => {
    const engineer = await as("engineer");
    const bad = async (spec: unknown, field: string) => {
      const r = await save(engineer, { name: "bad", spec });
      expect(r.status).toBe(400);
      expect(r.body).toMatchObject({ code: "bad_request:reward_spec", field });
      expect(r.body.message?.startsWith(`${field}: `)).toBe(true);
    };
    await bad({ ...captioning, terms: [captioning.terms[0], { term: "bleu", weight: "heavy" }] }, "spec.terms[1].weight");
    await bad({ ...captioning, terms: [{ term: "pq", weight: 1 }] }, "spec.terms[0].term");
    await bad({ ...captioning, guardrails: [{ metric: "entropy", op: "<", threshold: 1 }] }, "spec.guardrails[0].metric");
    await bad({ ...captioning, terms: [{ term: "caption_length", weight: -1, params: { min: 9, max: 3 } }] }, "spec.terms[0].params.min");
    const noName = await save(engineer, { name: "  ", spec: captioning });
    expect(noName.body).toMatchObject({ code: "bad_request:reward_spec", field: "name" });
    const list = (await (await listSpecs(get("/api/reward-specs", engineer))).json()) as { specs: RewardSpecSummary[] };
    expect(list.specs.map((s) => s.name)).not.toContain("bad");
  });

  it("is for engineers and admins: 401 signed out, 403 for raters; an unknown version is 404", async () => {
    expect((await save("", { name: "x", spec: captioning })).status).toBe(401);
    const rater = await as("rater1");
    expect((await save(rater, { name: "x", spec: captioning })).status).toBe(403);
    expect((await listSpecs(get("/api/reward-specs", rater))).status).toBe(403);
    expect((await readVersion(get("/api/reward-specs/x", rater), params("x"))).status).toBe(403);
    const missing = await readVersion(get("/api/reward-specs/nope", await as("engineer")), params("nope"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found:reward_spec", field: "id" });
  });
});
