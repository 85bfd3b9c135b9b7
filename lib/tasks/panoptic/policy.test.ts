import * as tf from "@tensorflow/tfjs-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, evaluate, shapeWorldTarget } from "@/lib/rewards";
import { checkpointRoundTrip, measureMleSteps, measureReinforceSteps, smokeReinforceSetup } from "@/lib/testing/policy-contract";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { mleStep } from "@/lib/training/mle";
import { createRandom } from "../nn/random";
import { rgbBatch } from "../images";
import { createPanopticPolicy, NUM_CLASSES, NUM_STUFF, NUM_THINGS, panopticLogits, PANOPTIC_SIZES, usedSlots, type PanopticActions } from "./index";
import { panopticTask } from "./task";

const dir = mkdtempSync(path.join(tmpdir(), "rs-panoptic-"));
beforeAll(useWasmBackend);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenes = Array.from({ length: 4 }, (_, i) => sceneAt("train", i));
const smoke = () => createPanopticPolicy(PANOPTIC_SIZES.smoke, 1);

async function values(t: tf.Tensor): Promise<number[]> {
  const v = Array.from(await t.data());
  t.dispose();
  return v;
}

describe("panoptic policy (smoke size, wasm)", () => {
  it("has the parameter counts model.ts states", () => {
    for (const [size, count] of [["smoke", 22_685], ["default", 159_773]] as const) {
      const p = panopticTask.createPolicy(size, 0);
      expect(p.params.count()).toBe(count);
      p.dispose();
    }
  });

  it("an MLE step leaks no tensors", async () => {
    const policy = smoke();
    const { leaked } = await measureMleSteps(policy, scenes, 0);
    expect(leaked).toBe(0);
    policy.dispose();
  });

  it("a short MLE run lowers the loss", async () => {
    const policy = smoke();
    const opt = tf.train.adam(3e-3);
    const losses: number[] = [];
    for (let i = 0; i < 30; i++) losses.push((await mleStep(policy, opt, scenes, i)).loss);
    // Starts near ln 9 (regions) + ln 6 (slot classes); regions are quick to pick up.
    expect(losses[0]).toBeGreaterThan(2);
    expect(Math.max(...losses.slice(-5))).toBeLessThan(losses[0]! * 0.7);
    policy.dispose();
    opt.dispose();
  });

  it("a REINFORCE step leaks no tensors and logs the default spec's terms", async () => {
    const policy = smoke();
    const reference = smoke();
    const setup = smokeReinforceSetup(policy, reference);
    const { first, second: log, leaked } = await measureReinforceSteps(setup, scenes.slice(0, 2));
    expect(first.kl).toBeCloseTo(0, 3); // same seed, same weights (sums over 1024 locations)
    expect(leaked).toBe(0);
    expect(Object.keys(log.terms)).toEqual(["pq", "segment_count_error"]);
    expect(log.skipped).toBeUndefined();
    for (const v of [log.entropy, log.loss, log.gradNorm, log.outputSize, log.kl]) expect(Number.isFinite(v)).toBe(true);
    policy.dispose();
    reference.dispose();
  });

  it("log-probabilities of sampled outputs match re-scoring each sample alone", async () => {
    const policy = smoke();
    const { actions } = await policy.sample(scenes.slice(0, 2), { n: 2, temperature: 1, rand: createRandom(3) });
    const batched = await values(tf.tidy(() => policy.score(scenes.slice(0, 2), actions, { n: 2, temperature: 1 }).logp));
    for (let i = 0; i < actions.length; i++) {
      const single = await values(tf.tidy(() => policy.score([scenes[Math.floor(i / 2)]!], [actions[i]!], { n: 1, temperature: 1 }).logp));
      expect(batched[i]).toBeCloseTo(single[0]!, 1); // a sum of 1024 float32 terms near -2.5 each
      expect(Math.abs(batched[i]! - single[0]!) / Math.abs(single[0]!)).toBeLessThan(1e-5);
    }
    expect(batched.every((v) => v < 0)).toBe(true);
    policy.dispose();
  });

  it("classes of unused slots are not part of the action: changing them leaves log p unchanged", async () => {
    const policy = smoke();
    const { actions } = await policy.sample(scenes.slice(0, 1), { n: 1, temperature: 1, rand: createRandom(9) });
    const a = actions[0]!;
    const used = usedSlots(a.regions, 4);
    const noisy: PanopticActions = [{ regions: a.regions, slotClasses: a.slotClasses.map((k, s) => (used[s] ? k : (s + 2) % 6)) }];
    const [l1] = await values(tf.tidy(() => policy.score(scenes.slice(0, 1), actions, { n: 1, temperature: 1 }).logp));
    const [l2] = await values(tf.tidy(() => policy.score(scenes.slice(0, 1), noisy, { n: 1, temperature: 1 }).logp));
    expect(l2).toBe(l1);
    policy.dispose();
  });

  it("samples are seeded, entropy is positive, greedy is the argmax map", async () => {
    const policy = smoke();
    const draw = () => policy.sample(scenes.slice(0, 2), { n: 2, temperature: 1, rand: createRandom(5) });
    const [s1, s2] = [await draw(), await draw()];
    expect(s2.actions).toEqual(s1.actions);
    const { entropy } = tf.tidy(() => policy.score(scenes.slice(0, 2), s1.actions, { n: 2, temperature: 1 }));
    expect((await values(entropy)).every((h) => h > 0)).toBe(true);
    // Temperature -> 0 sampling is the greedy map (up to near-ties of an untrained model's logits).
    const cold = await policy.sample(scenes.slice(0, 2), { n: 1, temperature: 1e-6, rand: createRandom(1) });
    const greedy = await policy.greedy(scenes.slice(0, 2));
    cold.outputs.forEach((o, i) => {
      let same = 0;
      for (let p = 0; p < o.segmentIds.length; p++) if (o.segmentIds[p] === greedy[i]!.segmentIds[p]) same++;
      expect(same / o.segmentIds.length).toBeGreaterThan(0.98);
    });
    policy.dispose();
  });

  it("outputs are scorable by the default panoptic RewardSpec", async () => {
    const policy = smoke();
    const { outputs } = await policy.sample(scenes, { n: 2, temperature: 1, rand: createRandom(2) });
    const targets = Object.fromEntries(scenes.map((s, i) => [String(i), shapeWorldTarget("panoptic", s)]));
    const r = evaluate(DEFAULT_REWARD_SPECS.panoptic, outputs.map((output, i) => ({ inputId: String(Math.floor(i / 2)), output })), targets);
    expect(r.nonFinite).toBe(0);
    expect(r.samples).toHaveLength(8);
    for (const s of r.samples) {
      expect(s.values.pq).toBeGreaterThanOrEqual(0);
      expect(s.values.pq).toBeLessThanOrEqual(1);
    }
    expect(r.stats.segment_count_error!.mean).toBeGreaterThan(0); // an untrained model over-segments
    policy.dispose();
  });

  it("saves and loads a checkpoint; the loaded model decodes identically", async () => {
    const policy = panopticTask.createPolicy("smoke", 5);
    const { manifest, loaded, loadedManifest: m2 } = await checkpointRoundTrip(policy, path.join(dir, "c1"));
    expect(m2).toEqual(manifest);
    expect(loaded.task).toBe("panoptic");
    expect(await loaded.greedy(scenes)).toEqual(await policy.greedy(scenes));
    policy.dispose();
    loaded.dispose();
  });

  it("scores at temperature t the tempered mask-classification distribution (p^(1/t), renormalised) that sampling draws from", async () => {
    const policy = smoke();
    const { actions } = await policy.sample(scenes.slice(0, 2), { n: 2, temperature: 0.5, rand: createRandom(4) });
    const logits = await tf.tidy(() => panopticLogits(policy.params, PANOPTIC_SIZES.smoke, rgbBatch(scenes.slice(0, 2)))).array();
    const slots = PANOPTIC_SIZES.smoke.slots;
    const logSoftmax = (z: number[], t: number): number[] => {
      const m = Math.max(...z.map((v) => v / t));
      const lse = m + Math.log(z.reduce((a, v) => a + Math.exp(v / t - m), 0));
      return z.map((v) => v / t - lse);
    };
    const lse = (z: number[]) => Math.max(...z) + Math.log(z.reduce((a, v) => a + Math.exp(v - Math.max(...z)), 0));
    // The module's formulas, written out per location in plain JS.
    const region = (z: number[], t: number): number[] => {
      const lpc = logSoftmax(z.slice(0, NUM_CLASSES), 1);
      const thing = lse(lpc.slice(0, NUM_THINGS));
      return logSoftmax([...lpc.slice(NUM_THINGS), ...logSoftmax(z.slice(NUM_CLASSES, NUM_CLASSES + slots), 1).map((v) => v + thing)], t);
    };
    for (const t of [1, 0.5]) {
      const scored = await values(tf.tidy(() => policy.score(scenes.slice(0, 2), actions, { n: 2, temperature: t }).logp));
      actions.forEach((a, r) => {
        const zs = logits[Math.floor(r / 2)] as number[][];
        let expected = 0;
        zs.forEach((z, l) => { expected += region(z, t)[a.regions[l]!]!; });
        usedSlots(a.regions, slots).forEach((used, s) => {
          if (!used) return;
          const w = zs.map((z) => Math.exp(region(z, 1)[NUM_STUFF + s]!));
          const total = w.reduce((x, y) => x + y, 0) + 1e-6;
          const pooled = Array.from({ length: NUM_THINGS }, (_, k) => zs.reduce((acc, z, l) => acc + (w[l]! / total) * logSoftmax(z.slice(0, NUM_THINGS), 1)[k]!, 0));
          expected += logSoftmax(pooled, t)[a.slotClasses[s]!]!;
        });
        expect(Math.abs(scored[r]! - expected) / Math.abs(expected)).toBeLessThan(1e-4);
      });
    }
    policy.dispose();
  });

  it("a REINFORCE step with the greedy (self-critical) baseline at a low temperature leaks nothing and logs the greedy reward", async () => {
    const policy = smoke();
    const reference = smoke();
    const setup = smokeReinforceSetup(policy, reference, { settings: { temperature: 0.3, baseline: "greedy" } });
    const { second: log, leaked } = await measureReinforceSteps(setup, scenes.slice(0, 2));
    expect(leaked).toBe(0);
    expect(log.skipped).toBeUndefined();
    // The greedy outputs' composite: PQ alone in the default spec, so within [0, 1].
    expect(log.greedyComposite).toBeGreaterThanOrEqual(0);
    expect(log.greedyComposite).toBeLessThanOrEqual(1);
    policy.dispose();
    reference.dispose();
  });

  it("the MLE loss matches objects to slots: relabelling the model's slots leaves it unchanged", async () => {
    const policy = smoke();
    const opt = tf.train.adam(3e-3);
    for (let i = 0; i < 20; i++) await mleStep(policy, opt, scenes, i); // slots now mean something
    opt.dispose();
    const before = await values(tf.tidy(() => policy.mleLoss(scenes, createRandom(0))));
    // Permute the slot logits (last 4 of every location's 15) in both output heads.
    const perm = [2, 0, 3, 1];
    const c = NUM_CLASSES + 4;
    for (const name of ["head/w", "head/b", "head/color/w", "head/color/b"]) {
      const v = policy.params.vars.get(name)!;
      const data = Array.from(await v.data());
      const out = data.slice();
      for (let i = 0; i < data.length; i++) {
        const k = i % c;
        if (k >= NUM_CLASSES) out[i - k + NUM_CLASSES + perm[k - NUM_CLASSES]!] = data[i]!;
      }
      v.assign(tf.tensor(out, v.shape));
    }
    const after = await values(tf.tidy(() => policy.mleLoss(scenes, createRandom(0))));
    expect(after[0]).toBeCloseTo(before[0]!, 4);
    policy.dispose();
  });
});
