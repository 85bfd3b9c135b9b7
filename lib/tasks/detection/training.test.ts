import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, evaluate, parseRewardSpec, shapeWorldRewardContext, shapeWorldTarget, type DetectionOutput } from "@/lib/rewards";
import { batchedAndSingleLogp, checkpointRoundTrip, measureMleSteps, measureReinforceSteps, smokeReinforceSetup } from "@/lib/testing/policy-contract";
import { useWasmBackend } from "@/lib/testing/tf-backend";
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
    const { first, last, leaked } = await measureMleSteps(policy, scenes, 20);
    expect(leaked).toBe(0);
    expect(last.loss).toBeLessThan(first.loss - 0.3);
    policy.dispose();
  });

  it("a REINFORCE step leaks no tensors and logs every detection term", async () => {
    const policy = smoke(1);
    const reference = smoke(1);
    const setup = smokeReinforceSetup(policy, reference, { ctx });
    const { first, second: log, leaked } = await measureReinforceSteps(setup, scenes.slice(0, 2));
    expect(first.kl).toBeCloseTo(0, 4); // same seed, same weights: 0 up to float32 rounding (sampler's log p against the reference's scoring)
    expect(leaked).toBe(0);
    expect(Object.keys(log.terms)).toEqual(["detection_reward", "coco_ap", "box_count_error"]);
    for (const v of [log.entropy, log.loss, log.gradNorm, log.outputSize, log.kl]) expect(Number.isFinite(v)).toBe(true);
    policy.dispose();
    reference.dispose();
    setup.optimizer.dispose();
  });

  it("log-probabilities of sampled outputs match a re-scoring of each row alone", async () => {
    const policy = smoke(7);
    const { batched, singles } = await batchedAndSingleLogp(policy, scenes.slice(0, 2), 3, 3);
    batched.forEach((v, i) => expect(v).toBeCloseTo(singles[i]!, 4));
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
    const policy = taskDefinition("detection").createPolicy("smoke", 5);
    const { manifest, loaded, loadedManifest: m2, optimizerWeights } = await checkpointRoundTrip(policy, path.join(dir, "d1"));
    expect(m2).toEqual(manifest);
    expect(loaded.params.count()).toBe(10_714);
    expect(await loaded.greedy(scenes)).toEqual(await policy.greedy(scenes));
    const rand = () => createRandom(11);
    expect((await loaded.sample(scenes, { n: 2, temperature: 2, rand: rand() })).actions).toEqual((await policy.sample(scenes, { n: 2, temperature: 2, rand: rand() })).actions);
    expect(optimizerWeights[1]).toBe(optimizerWeights[0]);
    policy.dispose();
    loaded.dispose();
  });
});
