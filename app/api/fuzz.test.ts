/**
 * The route fuzz (issue 9): every route under app/api (found on the file system; one without a
 * template below fails the first test) gets a few dozen seeded requests per method, each a valid
 * request made wrong in one way (lib/testing/route-fuzz), as signed out, with a bad cookie, or
 * as a rater, an engineer or an admin, on SQLite and on PostgreSQL. Each must be answered with
 * the status its first failed check calls for, never a 5xx; every 4xx body is `{ code, message }`
 * with a typed code (400s naming the field); and the database (every row of every table) and the
 * data folder hold exactly what they held before. RS_FUZZ_SEED replays a run; RS_FUZZ_REQUESTS
 * sets the requests per route and method.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_REWARD_SPECS } from "@/lib/rewards";
import { PROVIDERS, freshDatabase, type TestDatabase } from "@/lib/testing/databases";
import { generate, kindsFor, type FuzzRequest, type Part, type RouteTemplate, type Who } from "@/lib/testing/route-fuzz/requests";
import { listRouteFiles, loadHandlers, routeUrl, type Handler, type Method } from "@/lib/testing/route-fuzz/routes";
import { diffSnapshots, snapshotDatabase, snapshotFiles, type Snapshot } from "@/lib/testing/route-fuzz/snapshot";
import { Gen, type Json, type JsonShape } from "@/lib/testing/route-fuzz/values";

const SEED = Number(process.env.RS_FUZZ_SEED ?? 20261201);
const PER_METHOD = Number(process.env.RS_FUZZ_REQUESTS ?? 24);
const ROUTES = listRouteFiles();

const shipped = (kind: "mle" | "tuned") => {
  const dir = path.resolve("public/models/captioning", kind);
  const modelJson = readFileSync(path.join(dir, "model.json"), "utf8");
  const weightsPath = (JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!;
  return { modelJson, weights: new Uint8Array(readFileSync(path.join(dir, weightsPath))) };
};

/** Records the templates point at: made in beforeAll, owned by the engineer. */
interface Ids { checkpoint: string; user: string; run: string; spec: string; token: string; campaign: string; draft: string; assignment: string; image: string }

const M = ["userDefinedMetadata", "manifest"];
const W = ["weightsManifest", 0, "weights", 0];
/** model.json of an upload: the fields whose every other value is wrong, and its strict objects. */
const modelJsonShape = (valid: Json): JsonShape => ({
  valid,
  checked: [["format"], ["weightsManifest"], [...W, "dtype"], [...W, "shape"], ["userDefinedMetadata"], M, [...M, "format"], [...M, "task"],
    [...M, "params"], [...M, "createdAt"], [...M, "architecture", "task"], [...M, "run", "kind"], [...M, "run", "step"]],
  strict: [M, [...M, "architecture"], [...M, "run"]],
});

/** A valid request of every route and method; the fuzz makes each wrong in one way. */
function templates(ids: Ids): Record<string, Partial<Record<Method, RouteTemplate>>> {
  const upload = shipped("mle");
  const parts: Part[] = [
    { name: "model.json", filename: "model.json", type: "application/json", bytes: new TextEncoder().encode(upload.modelJson) },
    { name: "model.weights.bin", filename: "model.weights.bin", type: "application/octet-stream", bytes: upload.weights },
  ];
  return {
    "/api/account/password": {
      POST: { access: "signed-in", body: { kind: "json", maxBytes: 4096, shape: {
        valid: { currentPassword: "studio-demo", newPassword: "a-new-password-1" }, checked: [["currentPassword"], ["newPassword"]], strict: [[]],
      } } },
    },
    "/api/checkpoints": {
      GET: { access: ["engineer", "admin"], query: { task: "captioning" } },
      POST: { access: ["engineer", "admin"], query: { name: "fuzz-upload", run: ids.run, step: "2" }, body: {
        kind: "multipart", maxBytes: 16 * 2 ** 20, parts, json: { part: "model.json", shape: modelJsonShape(JSON.parse(upload.modelJson) as Json) },
      } },
    },
    "/api/campaigns": {
      GET: { access: ["engineer", "admin"], query: { status: "draft", task: "captioning" } },
      POST: { access: ["engineer", "admin"], body: { kind: "json", maxBytes: 64 * 1024, shape: {
        valid: { name: "fuzz draft", task: "captioning", aCheckpointId: ids.checkpoint, bCheckpointId: "fuzz-b", pairs: [{ sceneSeed: 101_000, note: "fuzz" }] },
        checked: [["task"], ["aCheckpointId"], ["bCheckpointId"], ["pairs"], ["pairs", 0, "sceneSeed"]], strict: [[], ["pairs", 0]],
      } } },
    },
    ...ratingTemplates(ids),
    "/api/comparisons": {
      GET: { access: ["engineer", "admin"], query: { aId: ids.checkpoint, bId: "fuzz-b", split: "test", start: "0", count: "1", specHash: "ab".repeat(32) } },
      POST: { access: ["engineer", "admin"], body: { kind: "json", maxBytes: 8 * 2 ** 20, shape: {
        valid: { aId: ids.checkpoint, bId: "fuzz-b", split: "test", start: 0, count: 1, specHash: "ab".repeat(32), result: {
          task: "captioning", keys: ["cider_d"], weights: { cider_d: 1 },
          scenes: [{ seed: 101_000, a: { output: { text: "a" }, terms: { cider_d: 0 }, composite: 0 }, b: { output: { text: "b" }, terms: { cider_d: 1 }, composite: 1 } }],
          aggregates: { metrics: [{ name: "CIDEr", a: 0, b: 1, diff: 1, lo: 1, hi: 1 }], resamples: 10, level: 0.95, seed: 0 }, backend: "wasm", seconds: 1,
        } },
        checked: [["aId"], ["bId"], ["split"], ["start"], ["count"], ["specHash"], ["result"], ["result", "task"], ["result", "scenes"], ["result", "scenes", 0, "seed"], ["result", "aggregates"]],
        strict: [[], ["result"], ["result", "scenes", 0], ["result", "aggregates"]],
      } } },
    },
    "/api/checkpoints/[id]/[file]": { GET: { access: ["engineer", "admin"], params: { id: ids.checkpoint, file: "model.json" } } },
    "/api/data/fingerprint": { GET: { access: "public", query: { split: "val", start: "3", count: "2", size: "16" } } },
    "/api/health": { GET: { access: "public" } },
    "/api/session": {
      GET: { access: "optional" },
      POST: { access: "public", body: { kind: "json", maxBytes: 4096, shape: {
        valid: { email: "engineer@reward.studio", password: "studio-demo" }, checked: [["email"], ["password"]], strict: [[]],
      } } },
      DELETE: { access: "public" },
    },
    "/api/invites": {
      GET: { access: ["admin"] },
      POST: { access: ["admin"], body: { kind: "json", maxBytes: 4096, shape: { valid: { role: "rater", expiresInHours: 24 }, checked: [["role"]], strict: [[]] } } },
    },
    "/api/invites/accept": {
      POST: { access: "public", body: { kind: "json", maxBytes: 4096, shape: {
        valid: { token: "A".repeat(43), name: "New Rater", password: "a-long-password" }, checked: [["token"], ["name"], ["password"]], strict: [[]],
      } } },
    },
    "/api/reward-specs": {
      GET: { access: ["engineer", "admin"], query: { task: "captioning" } },
      POST: { access: ["engineer", "admin"], body: { kind: "json", maxBytes: 64 * 1024, shape: {
        valid: { name: "fuzz spec", description: "from the fuzz", spec: DEFAULT_REWARD_SPECS.captioning as unknown as Json },
        checked: [["name"], ["spec"], ["spec", "task"], ["spec", "terms"], ["spec", "terms", 0, "term"], ["spec", "terms", 0, "weight"], ["spec", "guardrails", 0, "metric"]],
        strict: [[], ["spec"], ["spec", "terms", 0], ["spec", "guardrails", 0]],
      } } },
    },
    "/api/reward-specs/[id]": { GET: { access: ["engineer", "admin"], params: { id: ids.spec } } },
    ...runTemplates(ids),
    "/api/users": { GET: { access: ["admin"] } },
    "/api/users/[id]": {
      PATCH: { access: ["admin"], params: { id: ids.user }, body: { kind: "json", maxBytes: 4096, shape: { valid: { role: "engineer" }, checked: [["role"]], strict: [[]] } } },
    },
    "/api/users/[id]/sessions": { DELETE: { access: ["admin"], params: { id: ids.user } } },
  };
}

/** The runs API and API tokens (lib/runs/contract.ts): the fields whose every other value is refused. */
function runTemplates(ids: Ids): Record<string, Partial<Record<Method, RouteTemplate>>> {
  const studio = ["engineer", "admin"] as const;
  const run = { id: ids.run };
  return {
    "/api/runs": {
      GET: { access: studio, query: { task: "captioning", status: "running", mine: "1" } },
      POST: { access: studio, body: { kind: "json", maxBytes: 16 * 1024, shape: {
        valid: { task: "captioning", kind: "reinforce", settings: { steps: 4, batchSize: 2, lr: 1e-4, samples: 2 }, rewardSpecVersionId: ids.spec, baseCheckpointId: ids.checkpoint },
        checked: [["task"], ["settings"], ["settings", "steps"], ["settings", "batchSize"], ["settings", "lr"], ["rewardSpecVersionId"]], strict: [[], ["settings"]],
      } } },
    },
    "/api/runs/[id]": { GET: { access: studio, params: run } },
    "/api/runs/[id]/status": {
      POST: { access: studio, params: run, body: { kind: "json", maxBytes: 8 * 1024, shape: { valid: { status: "running" }, checked: [["status"]], strict: [[]] } } },
    },
    "/api/runs/[id]/metrics": {
      GET: { access: studio, params: run, query: { from: "0" } },
      POST: { access: studio, params: run, body: { kind: "json", maxBytes: 2 ** 20, shape: {
        valid: { points: [{ step: 0, name: "composite", value: 0.5 }, { step: 0, name: "eval/CIDEr", value: null }] },
        checked: [["points"], ["points", 0, "step"], ["points", 0, "name"]], strict: [[], ["points", 0]],
      } } },
    },
    "/api/runs/[id]/samples": {
      GET: { access: studio, params: run, query: { step: "2" } },
      POST: { access: studio, params: run, body: { kind: "json", maxBytes: 2 ** 20, shape: {
        valid: { step: 2, samples: [{ sceneSeed: 7, output: { text: "a red circle" }, rewards: { cider_d: 0.5 } }] },
        checked: [["step"], ["samples"], ["samples", 0, "sceneSeed"]], strict: [[], ["samples", 0]],
      } } },
    },
    "/api/tokens": {
      GET: { access: studio },
      POST: { access: studio, body: { kind: "json", maxBytes: 1024, shape: { valid: { name: "fuzz token" }, checked: [["name"]], strict: [[]] } } },
    },
    "/api/tokens/[id]": { DELETE: { access: studio, params: { id: ids.token } } },
  };
}

/**
 * Rating (lib/rating/contract.ts): an open campaign rater1 is invited to, holding one assignment
 * of theirs (so a valid read of /next hands it back and writes nothing), and a draft to open.
 */
function ratingTemplates(ids: Ids): Record<string, Partial<Record<Method, RouteTemplate>>> {
  const studio = ["engineer", "admin"] as const;
  return {
    "/api/campaigns/[id]": { GET: { access: studio, params: { id: ids.campaign } } },
    "/api/campaigns/[id]/open": {
      POST: { access: studio, params: { id: ids.draft }, body: { kind: "json", maxBytes: 64 * 1024, shape: {
        valid: { raterIds: [ids.user], votesPerPair: 1, goldCount: 0, instructions: "pick one" },
        checked: [["raterIds"]], strict: [[]],
      } } },
    },
    "/api/campaigns/[id]/close": { POST: { access: studio, params: { id: ids.campaign } } },
    "/api/campaigns/[id]/next": { GET: { access: "signed-in", params: { id: ids.campaign } } },
    "/api/campaigns/[id]/results": { GET: { access: studio, params: { id: ids.campaign }, query: { exclude: ids.user } } },
    "/api/campaigns/[id]/preference-model": { GET: { access: studio, params: { id: ids.campaign }, query: { exclude: ids.user } } },
    "/api/assignments/[id]/vote": {
      POST: { access: "signed-in", params: { id: ids.assignment }, body: { kind: "json", maxBytes: 8 * 1024, shape: {
        valid: { choice: "left", comment: "clearer" }, checked: [["choice"]], strict: [[]],
      } } },
      DELETE: { access: "signed-in", params: { id: ids.assignment } },
    },
    "/api/rating": { GET: { access: "signed-in" } },
    "/api/rating-images/[id]": { GET: { access: "signed-in", params: { id: ids.image } } },
    "/api/raters": { GET: { access: studio } },
    "/api/rollouts": {
      GET: { access: studio, query: { task: "captioning" } },
      POST: { access: studio, body: { kind: "json", maxBytes: 64 * 1024, shape: {
        valid: { name: "fuzz roll-out", task: "captioning", candidateId: ids.checkpoint, stages: [{ name: "shadow", percent: 0, gate: { minSamples: 5 } }, { name: "full", percent: 100 }], start: false },
        checked: [["name"], ["task"], ["candidateId"], ["stages", 0, "name"], ["stages", 0, "percent"]], strict: [[], ["stages", 0], ["stages", 0, "gate"]],
      } } },
    },
    "/api/rollouts/[id]": { GET: { access: studio, params: { id: "fuzz-rollout" } } },
    "/api/rollouts/[id]/actions": {
      POST: { access: studio, params: { id: "fuzz-rollout" }, body: { kind: "json", maxBytes: 4096, shape: { valid: { action: "pause", reason: "fuzz" }, checked: [["action"]], strict: [[]] } } },
    },
    "/api/v1/predict/[task]": {
      POST: { access: studio, params: { task: "captioning" }, body: { kind: "json", maxBytes: 256 * 1024, shape: {
        valid: { width: 32, height: 32, rgb: new Array<number>(32 * 32 * 3).fill(128) }, checked: [["width"], ["height"], ["rgb"]], strict: [[]],
      } } },
    },
  };
}

const ERROR_STATUS: Record<string, number> = {
  bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409, payload_too_large: 413, unsupported_media_type: 415, too_many_requests: 429,
};

/** What is wrong with a response, or null. */
async function checkResponse(res: Response, req: FuzzRequest): Promise<string | null> {
  if (res.status >= 500) return `status ${res.status}: ${(await res.text()).slice(0, 300)}`;
  if (req.expect && !req.expect.includes(res.status)) return `status ${res.status}, expected ${req.expect.join(" or ")}: ${(await res.text()).slice(0, 300)}`;
  if (res.status < 400) return null;
  const text = await res.text();
  let body: { code?: unknown; message?: unknown; field?: unknown };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `${res.status} body is not JSON: ${text.slice(0, 200)}`;
  }
  const keys = Object.keys(body).filter((k) => k !== "field");
  if (keys.sort().join() !== "code,message" || typeof body.message !== "string" || !body.message) return `${res.status} body is not { code, message }: ${text.slice(0, 200)}`;
  const type = typeof body.code === "string" && /^([a-z_]+):[a-z_]+$/.test(body.code) ? body.code.split(":")[0]! : "";
  if (ERROR_STATUS[type] !== res.status) return `${res.status} with code ${String(body.code)}`;
  if (res.status === 400 && (typeof body.field !== "string" || !body.field || !body.message.startsWith(`${body.field}: `))) {
    return `400 does not name the field: ${text.slice(0, 200)}`;
  }
  if (res.status === 400 && req.names !== undefined && !body.message.includes(req.names)) return `400 does not mention ${req.names.slice(0, 80)}: ${text.slice(0, 200)}`;
  return null;
}

const describeRequest = (r: FuzzRequest, route: string) =>
  `${r.method} ${routeUrl(route, r.params, r.query).slice(0, 160)} as ${r.who} [${r.kind}${r.note ? `: ${r.note.slice(0, 120)}` : ""}]`;

it("has a template for every route and method under app/api", async () => {
  const table = templates({ checkpoint: "x", user: "x", run: "x", spec: "x", token: "x", campaign: "x", draft: "x", assignment: "x", image: "x" });
  for (const r of ROUTES) {
    const exported = Object.keys(await loadHandlers(r.file)).sort();
    expect(exported, `${r.route}: add its methods to the fuzz table (app/api/fuzz.test.ts)`).toEqual(Object.keys(table[r.route] ?? {}).sort());
  }
  expect(Object.keys(table).sort()).toEqual(ROUTES.map((r) => r.route).sort());
});

describe.each(PROVIDERS)("the route fuzz on %s", (provider) => {
  let t: TestDatabase;
  let dataDir: string;
  const cookies: Partial<Record<Who, string>> = {};
  let ids: Ids;

  beforeAll(async () => {
    vi.resetModules(); // lib/env reads the environment once per module instance
    t = await freshDatabase(provider);
    dataDir = mkdtempSync(path.join(tmpdir(), "rs-fuzz-"));
    vi.stubEnv("DATABASE_URL", t.target.url);
    vi.stubEnv("RS_DATA_DIR", dataDir);
    (globalThis as { rewardStudioDb?: unknown }).rewardStudioDb = t.db;
    const { seedDemoData, findUserByEmail } = await import("@/lib/db");
    const { openSession } = await import("@/lib/auth");
    const { storeCheckpoint, checkpointsRoot } = await import("@/lib/server/checkpoint-store");
    const { parseCheckpointUpload } = await import("@/lib/training/manifest-schema");
    await seedDemoData(t.db);
    const userId = async (email: string) => (await findUserByEmail(t.db, { email }))!.id;
    // Opened "in ten minutes", so no request of the fuzz slides a session's expiry (a legitimate write).
    const now = new Date(Date.now() + 10 * 60_000);
    for (const [who, email] of [["rater", "rater1"], ["engineer", "engineer"], ["admin", "admin"]] as const) {
      cookies[who] = `rs_session=${(await openSession(t.db, { userId: await userId(`${email}@reward.studio`), now })).token}`;
    }
    const { checkpoint } = await storeCheckpoint(t.db, { root: checkpointsRoot(dataDir), ...parseCheckpointUpload(shipped("tuned")), uploaderId: await userId("engineer@reward.studio") });
    const { saveRewardSpecVersion, createRun, updateRunStatus } = await import("@/lib/db");
    const { issueApiToken } = await import("@/lib/auth");
    const { parseRewardSpec } = await import("@/lib/rewards");
    const engineer = await userId("engineer@reward.studio");
    const specBody = parseRewardSpec(JSON.parse(readFileSync("lib/rewards/specs/captioning.json", "utf8"))) as unknown as Parameters<typeof saveRewardSpecVersion>[1]["body"];
    const { version } = await saveRewardSpecVersion(t.db, { ownerId: engineer, name: "fuzz reward", task: "captioning", body: specBody });
    const run = await createRun(t.db, { ownerId: engineer, task: "captioning", kind: "reinforce", settings: { steps: 4 }, rewardSpecVersionId: version.id, baseCheckpointId: checkpoint.id });
    await updateRunStatus(t.db, { runId: run.id, status: "running" });
    const { apiToken } = await issueApiToken(t.db, { userId: engineer, name: "fuzz" });
    const rating = await ratingRecords(t.db, { engineer, rater: await userId("rater1@reward.studio"), a: checkpoint.id });
    ids = { checkpoint: checkpoint.id, user: await userId("rater2@reward.studio"), run: run.id, spec: version.id, token: apiToken.id, ...rating };
  });
  afterAll(async () => {
    delete (globalThis as { rewardStudioDb?: unknown }).rewardStudioDb;
    vi.unstubAllEnvs();
    await t?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers ${PER_METHOD} requests per route and method: the right typed 4xx for each bad one, never a 5xx, nothing changed (seed ${SEED})`, async () => {
    const table = templates(ids);
    const before: Snapshot[] = [await snapshotDatabase(t.db, provider), snapshotFiles(dataDir)];
    const failures: string[] = [];
    let sent = 0;
    const statuses: Record<number, number> = {};
    for (const r of ROUTES) {
      const handlers = await loadHandlers(r.file);
      const methods: [Method, Handler][] = Object.entries(handlers).flatMap(([m, h]) => (m === "GET" ? [[m, h], ["HEAD", h]] : [[m, h]])) as [Method, Handler][];
      for (const [method, handler] of methods) {
        const template = table[r.route]![method === "HEAD" ? "GET" : method]!;
        const g = new Gen(SEED ^ hash(`${r.route} ${method}`));
        const kinds = kindsFor(template, method, r.segments.length > 0);
        for (let i = 0; i < PER_METHOD; i++) {
          const req = generate(g, { t: template, method, segments: r.segments, kind: kinds[i % kinds.length]!, cookies });
          const request = new Request(routeUrl(r.route, req.params, req.query), { method, headers: req.headers, ...(req.body ? { body: req.body as BodyInit } : {}) });
          const res = await handler(request, { params: Promise.resolve(req.params) });
          sent++;
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          const wrong = (await checkResponse(res, req))
            ?? diffSnapshots(before[0]!, await snapshotDatabase(t.db, provider)) ?? diffSnapshots(before[1]!, snapshotFiles(dataDir));
          if (wrong) {
            failures.push(`#${i} ${describeRequest(req, r.route)}: ${wrong}`);
            before.splice(0, 2, await snapshotDatabase(t.db, provider), snapshotFiles(dataDir)); // report each change once
          }
        }
      }
    }
    console.log(`route fuzz on ${provider}: ${sent} requests (seed ${SEED}), by status ${JSON.stringify(statuses)}`);
    expect(sent).toBeGreaterThanOrEqual(ROUTES.length * PER_METHOD);
    expect(failures, `${failures.length} of ${sent} requests; replay with RS_FUZZ_SEED=${SEED}`).toEqual([]);
  });

  it("would see a change: one column of one row, or one file", async () => {
    const before = await snapshotDatabase(t.db, provider);
    await t.db.user.updateMany({ where: { email: "rater2@reward.studio" }, data: { name: "Ravi R." } });
    expect(diffSnapshots(before, await snapshotDatabase(t.db, provider))).toMatch(/^User: 4 -> 4 rows; removed .*Ravi Rater.*; added .*Ravi R\./);
    const files = snapshotFiles(dataDir);
    writeFileSync(path.join(dataDir, "checkpoints", ids.checkpoint, "model.json"), "{}");
    expect(diffSnapshots(files, snapshotFiles(dataDir))).toMatch(/^files: /);
  });
});

/** An open campaign (rater1 invited, holding one assignment), a draft, and a picture, owned by the engineer. */
async function ratingRecords(db: TestDatabase["db"], input: { engineer: string; rater: string; a: string }) {
  const { createDraftCampaign, openCampaignRows, nextAssignment, registerCheckpoint } = await import("@/lib/db");
  const b = await registerCheckpoint(db, { name: "fuzz B", task: "captioning", architecture: "x", uri: "/fuzz-b", manifest: {} });
  const make = (name: string) => createDraftCampaign(db, { name, task: "captioning", aId: input.a, bId: b.id, ownerId: input.engineer, pairs: [{ sceneSeed: 101_000 }, { sceneSeed: 101_001 }] });
  const open = await make("fuzz open");
  const draft = await make("fuzz draft");
  const pairs = await db.comparisonPair.findMany({ where: { campaignId: open.id } });
  const side = { kind: "caption", text: "a red circle" };
  await openCampaignRows(db, {
    campaignId: open.id, now: new Date(), raterIds: [input.rater], settings: { instructions: "", votesPerPair: 1, goldCount: 0, specVersionId: null },
    images: [{ id: "fuzzimage", png: new Uint8Array([137, 80, 78, 71]) }],
    pairs: pairs.map((p) => ({ id: p.id, sceneSeed: p.sceneSeed, outputA: {}, outputB: {}, viewA: side, viewB: side, rewardA: { composite: 0.5 }, rewardB: { composite: 0.7 }, sceneImageId: "fuzzimage" })),
  });
  const held = await nextAssignment(db, { campaign: { id: open.id, votesPerPair: 1 }, raterId: input.rater, now: new Date(), ttlMs: 24 * 3_600_000, random: () => 0.5 });
  return { campaign: open.id, draft: draft.id, assignment: held!.id, image: "fuzzimage" };
}

/** FNV-1a of a string, to give each route and method its own stream of the seed. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

