import * as tf from "@tensorflow/tfjs-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { RewardContext } from "@/lib/rewards";
import { taskDefinition, type Policy } from "@/lib/tasks";
import { batchedAndSingleLogp, checkpointRoundTrip, measureMleSteps, measureReinforceSteps, smokeReinforceSetup } from "@/lib/testing/policy-contract";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { trainMle } from "./mle";
import { MleSettingsSchema } from "./settings";

const dir = mkdtempSync(path.join(tmpdir(), "rs-ckpt-"));
beforeAll(useWasmBackend);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenes = Array.from({ length: 4 }, (_, i) => sceneAt("train", i));
const smoke = (seed: number) => taskDefinition("captioning").createPolicy("smoke", seed);

describe("captioning training (smoke size, wasm)", () => {
  it("an MLE step leaks no tensors and lowers the loss over a few steps", async () => {
    const policy = smoke(1);
    const { first, last, leaked } = await measureMleSteps(policy, scenes, 15);
    expect(leaked).toBe(0);
    expect(last.loss).toBeLessThan(first.loss);
    policy.dispose();
  });

  it("a REINFORCE step leaks no tensors and logs every term", async () => {
    const policy = smoke(1);
    const reference = smoke(1);
    const setup = smokeReinforceSetup(policy, reference, { ctx: new RewardContext({ captionReferences: scenes.map((s) => s.captions) }) });
    const { first, second: log, leaked } = await measureReinforceSteps(setup, scenes.slice(0, 2));
    // Policy and reference start from the same seed: identical weights, KL 0 up to float32
    // rounding (the policy's log p comes from the sampler's distributions, the reference's from scoring).
    expect(first.kl).toBeCloseTo(0, 4);
    expect(leaked).toBe(0);
    expect(Object.keys(log.terms)).toEqual(["cider_d", "object_recall", "object_hallucination", "count_accuracy", "bleu_4", "caption_length", "repetition"]);
    expect(log.kl).not.toBe(0); // the policy moved after the first update
    for (const v of [log.entropy, log.loss, log.gradNorm, log.outputSize]) expect(Number.isFinite(v)).toBe(true);
    policy.dispose();
    reference.dispose();
  });

  it("log-probabilities of sampled outputs match a re-scoring of the same outputs", async () => {
    const policy = smoke(7) as Policy<"captioning", number[][]>;
    // Score each row alone: same numbers regardless of batching and padding.
    const { batched, singles } = await batchedAndSingleLogp(policy, scenes.slice(0, 2), 2, 3);
    batched.forEach((v, i) => expect(v).toBeCloseTo(singles[i]!, 4));
    expect(batched.every((v) => v < 0)).toBe(true);
    policy.dispose();
  });

  it("saves and loads a checkpoint with optimizer state; the loaded model decodes identically", async () => {
    const policy = smoke(5);
    const { manifest, loaded, loadedManifest, optimizerWeights } = await checkpointRoundTrip(policy, path.join(dir, "c1"));
    expect(loadedManifest).toEqual(manifest);
    expect(await loaded.greedy(scenes)).toEqual(await policy.greedy(scenes));
    expect(optimizerWeights[1]).toBe(optimizerWeights[0]);
    policy.dispose();
    loaded.dispose();
  });

  it("a stop requested from another task (a worker's stop message) ends training within a step", async () => {
    const policy = smoke(2);
    const opt = tf.train.adam(1e-3);
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 0); // queued as a macrotask, as a worker's onmessage would be
    const { step: reached } = await trainMle(policy, opt, MleSettingsSchema.parse({ task: "captioning", size: "smoke", steps: 500, batchSize: 2, lr: 1e-3 }), { signal: ctrl.signal });
    expect(reached).toBeLessThan(3);
    opt.dispose();
    policy.dispose();
  });
});
