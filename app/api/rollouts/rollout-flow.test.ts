import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { issueApiToken } from "@/lib/auth";
import { generateScene, seedAt } from "@/lib/data";
import { db, findCheckpointByUri, findRollout, findServingModel, findUserByEmail } from "@/lib/db";
import { env } from "@/lib/env";
import { scenePng } from "@/lib/rating/render";
import { checkpointsRoot, storeCheckpoint } from "@/lib/server/checkpoint-store";
import { evaluateRollout, type RolloutView } from "@/lib/server/rollout-store";
import { registerShippedCheckpoints } from "@/lib/server/shipped-checkpoints";
import { setRolloutEvaluator } from "@/lib/serving/predict";
import { bareRequest, cookieFor, idParams, jsonRequest } from "@/lib/testing/run-fixtures";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { parseCheckpointUpload } from "@/lib/training/manifest-schema";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import { POST as predictRoute } from "../v1/predict/[task]/route";
import { POST as actRoute } from "./[id]/actions/route";
import { GET as getRoute } from "./[id]/route";
import { POST as createRoute } from "./route";

routeTestDatabase("rollout-flow", { RS_PREDICT_PER_MINUTE: "100000" });

let cookie = "";
let token = "";
const ids: Record<string, string> = {};
beforeAll(async () => {
  await registerShippedCheckpoints(db(), { publicDir: path.resolve("public") });
  cookie = await cookieFor("engineer@reward.studio");
  const engineer = (await findUserByEmail(db(), { email: "engineer@reward.studio" }))!;
  token = (await issueApiToken(db(), { userId: engineer.id, name: "traffic", scopes: ["predict"] })).token;
  ids.mle = (await findCheckpointByUri(db(), { uri: shippedUri("captioning", "mle") }))!.id;
  ids.tuned = (await findCheckpointByUri(db(), { uri: shippedUri("captioning", "tuned") }))!.id;
  // A deliberately bad candidate: the MLE model with every weight zeroed, which captions everything "a".
  const dir = path.resolve("public/models/captioning/mle");
  const modelJson = readFileSync(path.join(dir, "model.json"), "utf8");
  const weights = new Uint8Array(readFileSync(path.join(dir, (JSON.parse(modelJson) as { weightsManifest: { paths: string[] }[] }).weightsManifest[0]!.paths[0]!)));
  new Float32Array(weights.buffer, weights.byteOffset, weights.byteLength / 4).fill(0);
  ids.bad = (await storeCheckpoint(db(), { root: checkpointsRoot(env().dataDir), ...parseCheckpointUpload({ modelJson, weights }), name: "zeroed captioner" })).checkpoint.id;
  // Judged only when the test says so (the predict route judges live roll-outs on its own, every 2 s).
  setRolloutEvaluator(async () => undefined);
});

const pngs = Array.from({ length: 40 }, (_, i) => { const s = generateScene(seedAt("test", i)); return scenePng(s); });
const predict = async (i: number, key = `client-${i}`) => {
  const res = await predictRoute(new Request("http://studio.test/api/v1/predict/captioning", {
    method: "POST", headers: { "content-type": "image/png", authorization: `Bearer ${token}`, "x-request-key": key }, body: pngs[i % pngs.length] as BodyInit,
  }), { params: Promise.resolve({ task: "captioning" }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { checkpoint: { name: string } }).checkpoint.name;
};
const act = async (id: string, action: string) => {
  const res = await actRoute(jsonRequest("POST", `/api/rollouts/${id}/actions`, { action }, cookie), idParams(id));
  return { status: res.status, body: (await res.json()) as { rollout: RolloutView; code?: string; message?: string } };
};
const gate = (minSamples: number) => ({ minSamples, minSeconds: 0, guardrails: [{ stat: "caption_tokens", maxRelativeChange: 0.3 }] });

describe("a roll-out end to end", () => {
  let id = "";
  it("creates and starts one: the baseline is the task's serving model, the first stage is shadow", async () => {
    const res = await createRoute(jsonRequest("POST", "/api/rollouts", {
      name: "captioning: tuned", task: "captioning", candidateId: ids.tuned,
      stages: [{ name: "shadow", percent: 0, gate: gate(12) }, { name: "canary", percent: 50, gate: gate(12) }, { name: "full", percent: 100, gate: gate(5) }],
      drift: [{ stat: "caption_tokens" }],
    }, cookie));
    expect(res.status).toBe(201);
    const { rollout } = (await res.json()) as { rollout: RolloutView };
    id = rollout.id;
    expect(rollout).toMatchObject({ status: "active", stageIndex: 0, baseline: { id: ids.mle }, split: { candidate: 0, baseline: 100, mirrored: true } });
    expect(rollout.events.map((e) => e.type)).toEqual(["created", "started"]);
    // One live roll-out per task.
    const again = await createRoute(jsonRequest("POST", "/api/rollouts", { name: "x", task: "captioning", candidateId: ids.bad }, cookie));
    expect(again.status).toBe(409);
  });

  it("shadow: the baseline answers, the candidate runs on the same requests; the gate waits, then passes", async () => {
    for (let i = 0; i < 6; i++) expect(await predict(i)).toBe("shipped captioning MLE");
    expect((await act(id, "evaluate")).body.rollout).toMatchObject({ stageIndex: 0, gate: { outcome: "inconclusive" } });
    for (let i = 6; i < 14; i++) await predict(i);
    const shadowRows = await db().predictionLog.findMany({ where: { rolloutId: id, shadow: true } });
    expect(shadowRows).toHaveLength(14);
    expect(shadowRows.every((r) => r.checkpointId === ids.tuned && typeof (r.metrics as { disagreement?: unknown }).disagreement === "number")).toBe(true);
    const moved = (await act(id, "evaluate")).body.rollout;
    expect(moved).toMatchObject({ stageIndex: 1, split: { candidate: 50, baseline: 50 } });
    expect(moved.events.at(-1)).toMatchObject({ type: "advanced", stage: "canary", details: { reason: "every check passed" } });
  });

  it("canary: about half the clients get the candidate, each client always the same model", async () => {
    const first = await Promise.all(Array.from({ length: 24 }, (_, i) => predict(i, `client-${i}`)));
    const again = await Promise.all(Array.from({ length: 24 }, (_, i) => predict(i + 1, `client-${i}`)));
    expect(again).toEqual(first);
    const share = first.filter((n) => n === "shipped captioning tuned").length / first.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.8);
  });

  it("two movers racing on one version: one wins, the other is told someone moved it", async () => {
    const [x, y] = await Promise.all([act(id, "pause"), act(id, "pause")]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    expect((await act(id, "resume")).status).toBe(200);
  });

  it("full, then completed: the candidate becomes the task's serving model", async () => {
    expect((await act(id, "evaluate")).body.rollout.stageIndex).toBe(2);
    for (let i = 0; i < 10; i++) expect(await predict(i)).toBe("shipped captioning tuned");
    const done = (await act(id, "evaluate")).body.rollout;
    expect(done.status).toBe("completed");
    expect((await findServingModel(db(), { task: "captioning" }))?.checkpointId).toBe(ids.tuned);
    expect(await predict(0)).toBe("shipped captioning tuned");
    expect((await act(id, "pause")).status).toBe(409);
  });

  it("a bad candidate (captions of one word) is rolled back at its first evaluation, the reason recorded", async () => {
    const res = await createRoute(jsonRequest("POST", "/api/rollouts", {
      name: "captioning: zeroed", task: "captioning", candidateId: ids.bad,
      stages: [{ name: "canary", percent: 50, gate: gate(100) }, { name: "full", percent: 100, gate: gate(100) }],
    }, cookie));
    const bad = ((await res.json()) as { rollout: RolloutView }).rollout;
    expect(bad.baseline.id).toBe(ids.tuned);
    for (let i = 0; i < 40; i++) await predict(i);
    const after = (await act(bad.id, "evaluate")).body.rollout;
    expect(after.status).toBe("rolled_back");
    expect(after.reason).toMatch(/^guardrail breach: caption_tokens: candidate vs baseline -0\.\d+ \(within ±30 %\)/);
    expect(after.events.at(-1)).toMatchObject({ type: "gate_failed", details: { reason: after.reason } });
    // All traffic is back on the baseline.
    for (let i = 0; i < 5; i++) expect(await predict(i)).toBe("shipped captioning tuned");
    const view = await getRoute(bareRequest("GET", `/api/rollouts/${bad.id}`, cookie), idParams(bad.id));
    expect(((await view.json()) as { rollout: RolloutView }).rollout).toMatchObject({ status: "rolled_back", split: { candidate: 0 } });
  }, 60_000);

  it("left to itself, the predict endpoint judges the live roll-out as traffic comes in and rolls a bad candidate back within an evaluation interval", async () => {
    setRolloutEvaluator((d, rolloutId) => evaluateRollout(d, { rolloutId }));
    const res = await createRoute(jsonRequest("POST", "/api/rollouts", {
      name: "captioning: zeroed again", task: "captioning", candidateId: ids.bad,
      stages: [{ name: "canary", percent: 50, gate: gate(100) }, { name: "full", percent: 100, gate: gate(100) }],
    }, cookie));
    const { rollout } = (await res.json()) as { rollout: RolloutView };
    const t0 = Date.now();
    let status = "active";
    for (let i = 0; status === "active" && Date.now() - t0 < 20_000; i++) {
      await predict(i);
      status = (await findRollout(db(), { id: rollout.id }))!.status;
    }
    expect(status).toBe("rolled_back");
    // The first judgement came with the first prediction (too few samples); the next, 2 s later, failed it.
    expect(Date.now() - t0).toBeLessThan(6000);
    expect((await findRollout(db(), { id: rollout.id }))!.events.at(-1)?.type).toBe("gate_failed");
  }, 30_000);
});
