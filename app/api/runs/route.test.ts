import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { RunSummary } from "@/lib/runs/contract";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { bareRequest, cookieFor, idParams, jsonRequest, savedSpecVersion, uploadRequest } from "@/lib/testing/run-fixtures";
import { POST as upload } from "../checkpoints/route";
import { GET as detail } from "./[id]/route";
import { GET as readMetrics, POST as postMetrics } from "./[id]/metrics/route";
import { GET as readSamples, POST as postSamples } from "./[id]/samples/route";
import { POST as setStatus } from "./[id]/status/route";
import { GET as list, POST as create } from "./route";

routeTestDatabase("runs-route", { RS_DEMO_SEED: "on" });

const SETTINGS = { steps: 20, batchSize: 2, lr: 1e-4, samples: 2 };
let eli: string, eve: string, admin: string, rater: string, spec: string, detectionSpec: string, base: string;

beforeAll(async () => {
  [eli, eve, admin, rater] = await Promise.all([cookieFor("engineer@reward.studio"), cookieFor("eve@reward.studio"), cookieFor("admin@reward.studio"), cookieFor("rater1@reward.studio")]);
  spec = await savedSpecVersion("engineer@reward.studio", "captioning");
  detectionSpec = await savedSpecVersion("engineer@reward.studio", "detection");
  const res = await upload(uploadRequest("?name=base", "mle", eli));
  base = ((await res.json()) as { checkpoint: { id: string } }).checkpoint.id;
});

const newRun = async (who = eli, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  create(jsonRequest("POST", "/api/runs", { task: "captioning", settings: SETTINGS, rewardSpecVersionId: spec, baseCheckpointId: base, ...extra }, who, headers));
const runOf = async (res: Response) => ((await res.json()) as { run: RunSummary }).run;
const status = (id: string, body: object, who = eli) => setStatus(jsonRequest("POST", `/api/runs/${id}/status`, body, who), idParams(id));
const metrics = (id: string, points: object[], who = eli) => postMetrics(jsonRequest("POST", `/api/runs/${id}/metrics`, { points }, who), idParams(id));

describe("POST /api/runs", () => {
  it("creates a queued run with the task's eval metric, the base model's value and the spec's name", async () => {
    const res = await newRun();
    expect(res.status).toBe(201);
    const run = await runOf(res);
    expect(run).toMatchObject({
      task: "captioning", kind: "reinforce", status: "queued", displayStatus: "queued", source: "tab", stepsDone: 0, totalSteps: 20,
      owner: { email: "engineer@reward.studio", name: "Eli Engineer" }, evalMetric: "CIDEr", baseEval: expect.closeTo(1.4409, 3),
      rewardSpec: { id: spec, name: "captioning reward", version: 1 }, settings: { ...SETTINGS, task: "captioning", temperature: 1, baseline: "loo" },
    });
  });

  it("links a base named by the address of a checkpoint the server knows, and takes its metric as the reference", async () => {
    const run = await runOf(await newRun(eli, { baseCheckpointId: undefined, baseUri: `/api/checkpoints/${base}/model.json` }));
    expect(run).toMatchObject({ baseCheckpointId: base, baseUri: `/api/checkpoints/${base}/model.json`, baseEval: expect.closeTo(1.4409, 3) });
    const elsewhere = await runOf(await newRun(eli, { baseCheckpointId: undefined, baseUri: "indexeddb://reward-studio/x" }));
    expect(elsewhere).toMatchObject({ baseCheckpointId: null, baseUri: "indexeddb://reward-studio/x", baseEval: null });
  });

  it.each([
    [{ settings: { ...SETTINGS, lr: 0 } }, "settings.lr"],
    [{ settings: { ...SETTINGS, lr: undefined } }, "settings.lr"],
    [{ settings: { ...SETTINGS, bogus: 1 } }, "settings"],
    [{ settings: { ...SETTINGS, task: "detection" } }, "settings.task"],
    [{ rewardSpecVersionId: undefined }, "rewardSpecVersionId"],
    [{ task: "segmentation" }, "task"],
  ])("refuses %j naming %s", async (extra, field) => {
    const res = await newRun(eli, extra);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "bad_request:run", field });
  });

  it("checks the spec version and base checkpoint: unknown 404, another task's 400; raters 403, signed out 401", async () => {
    expect(await (await newRun(eli, { rewardSpecVersionId: "nope" })).json()).toMatchObject({ code: "not_found:run", field: "rewardSpecVersionId" });
    expect(await (await newRun(eli, { rewardSpecVersionId: detectionSpec })).json()).toMatchObject({ code: "bad_request:run", field: "rewardSpecVersionId" });
    expect(await (await newRun(eli, { baseCheckpointId: "nope" })).json()).toMatchObject({ code: "not_found:run", field: "baseCheckpointId" });
    expect((await newRun(rater)).status).toBe(403);
    expect((await newRun("")).status).toBe(401);
  });

  it("an Idempotency-Key gives the same run again (200), per user; reused for another run it is 409", async () => {
    const first = await runOf(await newRun(eli, {}, { "idempotency-key": "k-1" }));
    const again = await newRun(eli, {}, { "idempotency-key": "k-1" });
    expect(again.status).toBe(200);
    expect((await runOf(again)).id).toBe(first.id);
    const eves = await newRun(eve, {}, { "idempotency-key": "k-1" });
    expect(eves.status).toBe(201);
    expect((await runOf(eves)).id).not.toBe(first.id);
    const other = await newRun(eli, { kind: "mle", settings: { steps: 5, batchSize: 2, lr: 1e-3 } }, { "idempotency-key": "k-1" });
    expect(await other.json()).toMatchObject({ code: "conflict:run", field: "Idempotency-Key" });
    expect((await newRun(eli, {}, { "idempotency-key": "a b" })).status).toBe(400);
  });
});

describe("a run's status, metrics and samples", () => {
  it("moves through its statuses; only the owner or an admin may; a finished run is 409", async () => {
    const run = await runOf(await newRun());
    expect((await status(run.id, { status: "running" }, eve)).status).toBe(403);
    const started = await runOf(await status(run.id, { status: "running", backend: "wasm" }));
    expect(started).toMatchObject({ status: "running", backend: "wasm", startedAt: expect.any(String), heartbeatAt: expect.any(String) });
    const beat = await runOf(await status(run.id, { status: "running" }, admin));
    expect(Date.parse(beat.heartbeatAt!)).toBeGreaterThanOrEqual(Date.parse(started.heartbeatAt!));
    expect((await runOf(await status(run.id, { status: "completed" }))).finishedAt).toEqual(expect.any(String));
    const late = await status(run.id, { status: "running" });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ code: "conflict:run" });
    expect((await status("nope", { status: "running" })).status).toBe(404);
    expect(await (await status(run.id, { status: "done" })).json()).toMatchObject({ code: "bad_request:run", field: "status" });
  });

  it("stores each (step, name) once: a retried batch adds 0, an overlapping one only its new points", async () => {
    const run = await runOf(await newRun());
    const batch = [0, 1].flatMap((step) => [{ step, name: "composite", value: step / 10 }, { step, name: "loss", value: null }]);
    expect((await metrics(run.id, batch)).status).toBe(409); // queued: not taking points yet
    await status(run.id, { status: "running" });
    expect(await (await metrics(run.id, batch)).json()).toEqual({ added: 4, stepsDone: 2 });
    expect(await (await metrics(run.id, batch)).json()).toEqual({ added: 0, stepsDone: 2 });
    const overlap = [...batch.slice(2), { step: 2, name: "composite", value: 0.3 }, { step: 1, name: "eval/CIDEr", value: 0.9 }];
    expect(await (await metrics(run.id, overlap)).json()).toEqual({ added: 2, stepsDone: 3 });
    expect((await metrics(run.id, batch, eve)).status).toBe(403);
    const read = await readMetrics(bareRequest("GET", `/api/runs/${run.id}/metrics?from=1`, eve), idParams(run.id));
    const { points } = (await read.json()) as { points: { step: number; name: string; value: number | null }[] };
    expect(points).toEqual([
      { step: 1, name: "composite", value: 0.1 }, { step: 1, name: "eval/CIDEr", value: 0.9 }, { step: 1, name: "loss", value: null }, { step: 2, name: "composite", value: 0.3 },
    ]);
    expect(await db().runMetricPoint.count({ where: { runId: run.id } })).toBe(6);
    expect((await runOf(await detail(bareRequest("GET", `/api/runs/${run.id}`, eve), idParams(run.id)))).bestEval).toBe(0.9);
  });

  it("stores samples once per (step, scene) and lists them by step, the latest by default", async () => {
    const run = await runOf(await newRun());
    await status(run.id, { status: "running" });
    const post = (step: number, seeds: number[], who = eli) =>
      postSamples(jsonRequest("POST", `/api/runs/${run.id}/samples`, { step, samples: seeds.map((s) => ({ sceneSeed: s, output: { text: `a caption ${s}` }, rewards: { cider_d: s / 10 } })) }, who), idParams(run.id));
    expect(await (await post(10, [1, 2])).json()).toEqual({ added: 2 });
    expect(await (await post(10, [2, 1, 3])).json()).toEqual({ added: 1 });
    expect(await (await post(20, [1])).json()).toEqual({ added: 1 });
    expect((await post(30, [1], eve)).status).toBe(403);
    const read = async (q: string) => (await readSamples(bareRequest("GET", `/api/runs/${run.id}/samples${q}`, eve), idParams(run.id))).json();
    expect(await read("")).toEqual({ steps: [10, 20], samples: [{ step: 20, sceneSeed: 1, output: { text: "a caption 1" }, rewards: { cider_d: 0.1 } }] });
    expect(((await read("?step=10")) as { samples: { sceneSeed: number }[] }).samples.map((s) => s.sceneSeed)).toEqual([1, 2, 3]);
    const missing = await postSamples(jsonRequest("POST", `/api/runs/${run.id}/samples`, { step: 1, samples: [{ sceneSeed: 1 }] }, eli), idParams(run.id));
    expect(await missing.json()).toMatchObject({ code: "bad_request:run", field: "samples[0].output" });
  });

  it("links an upload to its run and step (owner only, same task) and lists it in the run's detail", async () => {
    const run = await runOf(await newRun());
    expect((await upload(uploadRequest(`?run=${run.id}&step=4`, "tuned", eve))).status).toBe(403);
    expect(await (await upload(uploadRequest(`?run=${run.id}`, "tuned", eli))).json()).toMatchObject({ code: "bad_request:checkpoint", field: "step" });
    const res = await upload(uploadRequest(`?run=${run.id}&step=4`, "tuned", eli));
    expect(res.status).toBe(201);
    const { checkpoint } = (await res.json()) as { checkpoint: { id: string } };
    expect(await db().checkpoint.findUnique({ where: { id: checkpoint.id } })).toMatchObject({ producedById: run.id, step: 4 });
    const { run: full } = (await (await detail(bareRequest("GET", `/api/runs/${run.id}`, eve), idParams(run.id))).json()) as { run: { checkpoints: { id: string; step: number }[]; rewardSpecBody: { task: string } } };
    expect(full.checkpoints).toEqual([expect.objectContaining({ id: checkpoint.id, step: 4 })]);
    expect(full.rewardSpecBody.task).toBe("captioning");
    const detection = await runOf(await newRun(eli, { task: "detection", rewardSpecVersionId: detectionSpec, baseCheckpointId: undefined }));
    expect(await (await upload(uploadRequest(`?run=${detection.id}&step=1`, "mle", eli))).json()).toMatchObject({ code: "bad_request:checkpoint", field: "run" });
  });
});

describe("GET /api/runs", () => {
  it("lists newest first, filtered by task, mine and display status (interrupted)", async () => {
    const quiet = await runOf(await newRun(eve));
    await status(quiet.id, { status: "running" }, eve);
    await db().run.update({ where: { id: quiet.id }, data: { heartbeatAt: new Date(Date.now() - 5 * 60_000) } });
    const runs = async (q: string) => ((await (await list(bareRequest("GET", `/api/runs${q}`, eli))).json()) as { runs: RunSummary[] }).runs;
    const all = await runs("");
    expect(all.map((r) => r.createdAt)).toEqual([...all.map((r) => r.createdAt)].sort().reverse());
    expect((await runs("?status=interrupted")).map((r) => r.id)).toEqual([quiet.id]);
    expect((await runs("?status=running")).map((r) => r.id)).not.toContain(quiet.id);
    expect((await runs("?mine=1")).every((r) => r.owner.email === "engineer@reward.studio")).toBe(true);
    expect((await runs("?task=detection")).map((r) => r.task)).toEqual(["detection"]);
    expect((await list(bareRequest("GET", "/api/runs?status=lost", eli))).status).toBe(400);
  });
});
