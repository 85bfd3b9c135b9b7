import * as tf from "@tensorflow/tfjs-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, parseRewardSpec, RewardContext } from "@/lib/rewards";
import { createRandom, taskDefinition, type Policy } from "@/lib/tasks";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { fromArtifacts, toArtifacts, type CheckpointManifest } from "./checkpoint";
import { mleStep, trainMle } from "./mle";
import { loadCheckpointDir, saveCheckpointDir } from "./node/checkpoint-files";
import { reinforceStep } from "./reinforce";
import { MleSettingsSchema, ReinforceSettingsSchema } from "./settings";

const dir = mkdtempSync(path.join(tmpdir(), "rs-ckpt-"));
beforeAll(useWasmBackend);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenes = Array.from({ length: 4 }, (_, i) => sceneAt("train", i));

describe("captioning training (smoke size, wasm)", () => {
  it("an MLE step leaks no tensors and lowers the loss over a few steps", async () => {
    const task = taskDefinition("captioning");
    const policy = task.createPolicy("smoke", 1);
    const opt = tf.train.adam(3e-3);
    await mleStep(policy, opt, scenes, 1); // optimizer slots are created on the first step
    const before = tf.memory().numTensors;
    const first = await mleStep(policy, opt, scenes, 2);
    expect(tf.memory().numTensors).toBe(before);
    let last = first;
    for (let i = 0; i < 15; i++) last = await mleStep(policy, opt, scenes, 3 + i);
    expect(last.loss).toBeLessThan(first.loss);
    policy.dispose();
    opt.dispose();
  });

  it("a REINFORCE step leaks no tensors and logs every term", async () => {
    const task = taskDefinition("captioning");
    const policy = task.createPolicy("smoke", 1);
    const reference = task.createPolicy("smoke", 1);
    const settings = ReinforceSettingsSchema.parse({ task: "captioning", steps: 1, batchSize: 2, lr: 1e-3, samples: 3 });
    const setup = { policy, reference, spec: parseRewardSpec(DEFAULT_REWARD_SPECS.captioning), ctx: new RewardContext({ captionReferences: scenes.map((s) => s.captions) }), optimizer: tf.train.adam(1e-3), settings };
    const first = await reinforceStep(setup, scenes.slice(0, 2), 1);
    // Policy and reference start from the same seed: identical weights, KL exactly 0.
    expect(first.kl).toBeCloseTo(0, 6);
    const before = tf.memory().numTensors;
    const log = await reinforceStep(setup, scenes.slice(0, 2), 2);
    expect(tf.memory().numTensors).toBe(before);
    expect(Object.keys(log.terms)).toEqual(["cider_d", "bleu_4", "caption_length", "repetition"]);
    expect(log.kl).not.toBe(0); // the policy moved after the first update
    for (const v of [log.entropy, log.loss, log.gradNorm, log.outputSize]) expect(Number.isFinite(v)).toBe(true);
    policy.dispose();
    reference.dispose();
  });

  it("log-probabilities of sampled outputs match a re-scoring of the same outputs", async () => {
    const policy = taskDefinition("captioning").createPolicy("smoke", 7) as Policy<"captioning", number[][]>;
    const { actions } = await policy.sample(scenes.slice(0, 2), { n: 2, temperature: 1, rand: createRandom(3) });
    const a = tf.tidy(() => policy.score(scenes.slice(0, 2), actions, 2).logp);
    // Score each row alone: same numbers regardless of batching and padding.
    const singles = await Promise.all(actions.map(async (row, i) => {
      const t = tf.tidy(() => policy.score([scenes[Math.floor(i / 2)]!], [row], 1).logp);
      const v = (await t.data())[0]!;
      t.dispose();
      return v;
    }));
    const batched = Array.from(await a.data());
    a.dispose();
    batched.forEach((v, i) => expect(v).toBeCloseTo(singles[i]!, 4));
    expect(batched.every((v) => v < 0)).toBe(true);
    policy.dispose();
  });

  it("saves and loads a checkpoint with optimizer state; the loaded model decodes identically", async () => {
    const task = taskDefinition("captioning");
    const policy = task.createPolicy("smoke", 5);
    const opt = tf.train.adam(1e-3);
    const settings = MleSettingsSchema.parse({ task: "captioning", size: "smoke", steps: 2, batchSize: 2, lr: 1e-3 });
    await trainMle(policy, opt, settings);
    const manifest: CheckpointManifest = {
      format: "reward-studio-checkpoint/1", task: "captioning", architecture: policy.architecture, params: policy.params.count(),
      parent: null, run: { kind: "mle", step: 2, seed: 0, settings }, rewardSpec: null, evalMetrics: null, createdAt: new Date(0).toISOString(),
    };
    saveCheckpointDir(path.join(dir, "c1"), await toArtifacts(policy, manifest, opt));
    const opt2 = tf.train.adam(1e-3);
    const { policy: loaded, manifest: m2 } = await fromArtifacts(await loadCheckpointDir(path.join(dir, "c1")), opt2);
    expect(m2).toEqual(manifest);
    expect(await loaded.greedy(scenes)).toEqual(await policy.greedy(scenes));
    expect((await opt2.getWeights()).length).toBe((await opt.getWeights()).length);
    policy.dispose();
    loaded.dispose();
  });
});
