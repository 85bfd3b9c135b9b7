import * as tf from "@tensorflow/tfjs-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, evaluate, parseRewardSpec, shapeWorldRewardContext, shapeWorldTarget, type DetectionOutput } from "@/lib/rewards";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import {
  fromArtifacts, MleSettingsSchema, mleStep, reinforceStep, ReinforceSettingsSchema, toArtifacts, trainMle, type CheckpointManifest,
} from "@/lib/training";
import { loadCheckpointDir, saveCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { taskDefinition, type Policy } from "../index";
import { createRandom } from "../nn/random";
import type { DetectionActions } from "./index";

const dir = mkdtempSync(path.join(tmpdir(), "rs-det-ckpt-"));
beforeAll(useWasmBackend);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenes = Array.from({ length: 4 }, (_, i) => sceneAt("train", i));
const spec = parseRewardSpec(DEFAULT_REWARD_SPECS.detection);
const ctx = shapeWorldRewardContext({ scenes: 100 });
const smoke = (seed: number) => taskDefinition("detection").createPolicy("smoke", seed) as Policy<"detection", DetectionActions>;

function expectValidOutput(o: DetectionOutput): void {
  expect(o.boxes.length).toBeLessThanOrEqual(4);
  for (const b of o.boxes) {
    expect(b.categoryId).toBeGreaterThanOrEqual(1);
    expect(b.categoryId).toBeLessThanOrEqual(6);
    const [x, y, w, h] = b.box;
    for (const v of [x, y, w, h]) expect(v).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(32);
    expect(y + h).toBeLessThanOrEqual(32);
    expect(b.score).toBeGreaterThan(0);
    expect(b.score).toBeLessThanOrEqual(1);
  }
}

describe("detection policy (smoke size, wasm)", () => {
  it("an MLE step leaks no tensors; a short MLE run lowers the loss", async () => {
    const policy = smoke(1);
    const opt = tf.train.adam(3e-3);
    await mleStep(policy, opt, scenes, 1); // optimizer slots are created on the first step
    const before = tf.memory().numTensors;
    const first = await mleStep(policy, opt, scenes, 2);
    expect(tf.memory().numTensors).toBe(before);
    let last = first;
    for (let i = 0; i < 20; i++) last = await mleStep(policy, opt, scenes, 3 + i);
    expect(last.loss).toBeLessThan(first.loss - 0.3);
    policy.dispose();
    opt.dispose();
  });

  it("a REINFORCE step leaks no tensors and logs every detection term", async () => {
    const policy = smoke(1);
    const reference = smoke(1);
    const settings = ReinforceSettingsSchema.parse({ task: "detection", steps: 1, batchSize: 2, lr: 1e-3, samples: 3 });
    const setup = { policy, reference, spec, ctx, optimizer: tf.train.adam(1e-3), settings };
    const first = await reinforceStep(setup, scenes.slice(0, 2), 1);
    expect(first.kl).toBeCloseTo(0, 6); // same seed, same weights
    const before = tf.memory().numTensors;
    const log = await reinforceStep(setup, scenes.slice(0, 2), 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(log.terms)).toEqual(["detection_reward", "coco_ap", "box_count_error"]);
    for (const v of [log.entropy, log.loss, log.gradNorm, log.outputSize, log.kl]) expect(Number.isFinite(v)).toBe(true);
    policy.dispose();
    reference.dispose();
    setup.optimizer.dispose();
  });

  it("log-probabilities of sampled outputs match a re-scoring of each row alone", async () => {
    const policy = smoke(7);
    const { actions } = await policy.sample(scenes.slice(0, 2), { n: 3, temperature: 1, rand: createRandom(3) });
    const a = tf.tidy(() => policy.score(scenes.slice(0, 2), actions, 3).logp);
    const batched = Array.from(await a.data());
    a.dispose();
    for (let i = 0; i < actions.length; i++) {
      const t = tf.tidy(() => policy.score([scenes[Math.floor(i / 3)]!], [actions[i]!], 1).logp);
      expect(batched[i]).toBeCloseTo((await t.data())[0]!, 4);
      t.dispose();
    }
    expect(batched.every((v) => v < 0)).toBe(true);
    policy.dispose();
  });

  it("sampled and greedy outputs are valid and the default detection RewardSpec scores them", async () => {
    const policy = smoke(2);
    const batch = Array.from({ length: 4 }, (_, i) => sceneAt("val", i));
    // Temperature 3 spreads samples over many lengths, so boxes actually appear.
    const { actions, outputs } = await policy.sample(batch, { n: 4, temperature: 3, rand: createRandom(5) });
    expect(actions).toHaveLength(16);
    expect(outputs.some((o) => o.boxes.length > 0)).toBe(true);
    const greedy = await policy.greedy(batch);
    for (const o of [...outputs, ...greedy]) expectValidOutput(o);
    for (const o of greedy) for (const b of o.boxes) expect(b.score).toBeGreaterThanOrEqual(1 / 6 - 1e-6); // argmax of 6 classes
    const targets = Object.fromEntries(batch.map((s, i) => [String(i), shapeWorldTarget("detection", s)]));
    const samples = outputs.map((output, i) => ({ inputId: String(Math.floor(i / 4)), output }));
    const r = evaluate(spec, samples, targets, ctx);
    expect(r.nonFinite).toBe(0);
    expect(r.keys).toEqual(["detection_reward", "coco_ap", "box_count_error"]);
    const metrics = taskDefinition("detection").evalMetrics(greedy, batch);
    for (const k of ["AP", "AP50", "AP75", "APs", "AR100", "boxes_per_image", "box_count_error"]) expect(Number.isFinite(metrics[k])).toBe(true);
    policy.dispose();
  });

  it("saves and loads a checkpoint; the loaded model decodes identically", async () => {
    const task = taskDefinition("detection");
    const policy = task.createPolicy("smoke", 5);
    const opt = tf.train.adam(1e-3);
    const settings = MleSettingsSchema.parse({ task: "detection", size: "smoke", steps: 2, batchSize: 2, lr: 1e-3 });
    await trainMle(policy, opt, settings);
    const manifest: CheckpointManifest = {
      format: "reward-studio-checkpoint/1", task: "detection", architecture: policy.architecture, params: policy.params.count(),
      parent: null, run: { kind: "mle", step: 2, seed: 0, settings }, rewardSpec: null, evalMetrics: null, createdAt: new Date(0).toISOString(),
    };
    saveCheckpointDir(path.join(dir, "d1"), await toArtifacts(policy, manifest, opt));
    const opt2 = tf.train.adam(1e-3);
    const { policy: loaded, manifest: m2 } = await fromArtifacts(await loadCheckpointDir(path.join(dir, "d1")), opt2);
    expect(m2).toEqual(manifest);
    expect(loaded.params.count()).toBe(10_714);
    expect(await loaded.greedy(scenes)).toEqual(await policy.greedy(scenes));
    const rand = () => createRandom(11);
    expect((await loaded.sample(scenes, { n: 2, temperature: 2, rand: rand() })).actions).toEqual((await policy.sample(scenes, { n: 2, temperature: 2, rand: rand() })).actions);
    expect((await opt2.getWeights()).length).toBe((await opt.getWeights()).length);
    policy.dispose();
    loaded.dispose();
    opt.dispose();
    opt2.dispose();
  });
});
