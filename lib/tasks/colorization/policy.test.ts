import * as tf from "@tensorflow/tfjs-core";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { DEFAULT_REWARD_SPECS, evaluate, shapeWorldTarget } from "@/lib/rewards";
import { checkpointRoundTrip, measureMleSteps, measureReinforceSteps, smokeReinforceSetup } from "@/lib/testing/policy-contract";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { createRandom } from "../nn/random";
import { tokensToRaster } from "./head";
import { createColorizationPolicy, type ColorizationActions } from "./index";
import { COLORIZATION_SIZES } from "./model";
import { colorizationTask } from "./task";

const dir = mkdtempSync(path.join(tmpdir(), "rs-colorization-"));
beforeAll(useWasmBackend);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const scenes = Array.from({ length: 4 }, (_, i) => sceneAt("train", i));
const smoke = (seed: number) => createColorizationPolicy(COLORIZATION_SIZES.smoke, seed);

describe("colorization policy (smoke size, wasm)", () => {
  it("has the parameter counts model.ts documents", () => {
    for (const [size, count] of [["default", 93_316], ["smoke", 25_584]] as const) {
      const p = colorizationTask.createPolicy(size, 0);
      expect(p.params.count()).toBe(count);
      p.dispose();
    }
  });

  it("maps each token's sub-blocks to their raster locations", async () => {
    // g = 2 tokens per side, s = 2 blocks per token side, q = 2 bins: value = token * 100 + sub * 10 + bin.
    const x = tf.tensor3d(Array.from({ length: 4 * 4 * 2 }, (_, i) => Math.floor(i / 8) * 100 + (Math.floor(i / 2) % 4) * 10 + (i % 2)), [1, 4, 8]);
    const y = tokensToRaster(x, 2, 2, 2);
    const got = Array.from(await y.data());
    x.dispose();
    y.dispose();
    const want: number[] = [];
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 4; c++) {
        const token = Math.floor(r / 2) * 2 + Math.floor(c / 2);
        const sub = (r % 2) * 2 + (c % 2);
        want.push(token * 100 + sub * 10, token * 100 + sub * 10 + 1);
      }
    }
    expect(got).toEqual(want);
  });

  it("an MLE step leaks no tensors, and a short run lowers the loss", async () => {
    const policy = smoke(1);
    const { first, last, leaked } = await measureMleSteps(policy, scenes, 20);
    expect(leaked).toBe(0);
    expect(first.loss).toBeLessThan(Math.log(81) + 0.1); // about uniform over the 81 bins at init
    expect(last.loss).toBeLessThan(first.loss - 0.5);
    policy.dispose();
  });

  it("a REINFORCE step with the default spec leaks no tensors and logs every term", async () => {
    const policy = smoke(1);
    const reference = smoke(1);
    const setup = smokeReinforceSetup(policy, reference);
    const { first, second: log, leaked } = await measureReinforceSteps(setup, scenes.slice(0, 2));
    expect(first.kl).toBeCloseTo(0, 4); // same seed: identical weights
    expect(leaked).toBe(0);
    expect(Object.keys(log.terms)).toEqual(["colorfulness", "chroma_fidelity"]);
    expect(log.skipped).toBeUndefined();
    // Near-uniform bins at init: almost every one of the 256 locations is coloured.
    expect(log.outputSize).toBeGreaterThan(200);
    expect(log.entropy).toBeGreaterThan(256 * Math.log(81) * 0.99);
    for (const v of [log.loss, log.gradNorm, log.kl]) expect(Number.isFinite(v)).toBe(true);
    policy.dispose();
    reference.dispose();
    setup.optimizer.dispose();
  });

  it("log-probabilities of sampled outputs match re-scoring each sample alone", async () => {
    const policy = smoke(7);
    const { actions, outputs } = await policy.sample(scenes.slice(0, 2), { n: 2, temperature: 1, rand: createRandom(3) });
    expect(actions).toHaveLength(4);
    expect(outputs[0]!.rgb).toHaveLength(32 * 32 * 3);
    expect(actions[0]).not.toEqual(actions[1]); // two draws for the same image differ
    const a = tf.tidy(() => policy.score(scenes.slice(0, 2), actions, { n: 2, temperature: 1 }).logp);
    const batched = Array.from(await a.data());
    a.dispose();
    for (let i = 0; i < actions.length; i++) {
      const t = tf.tidy(() => policy.score([scenes[Math.floor(i / 2)]!], [actions[i]!] as ColorizationActions, { n: 1, temperature: 1 }).logp);
      expect(batched[i]).toBeCloseTo((await t.data())[0]!, 3);
      t.dispose();
    }
    // A sum over 256 locations of log p of near-uniform 81-way choices.
    batched.forEach((v) => expect(v / 256).toBeCloseTo(-Math.log(81), 1));
    policy.dispose();
  });

  it("samples and greedy outputs are scorable by the default colorization RewardSpec", async () => {
    const policy = smoke(2);
    const { outputs } = await policy.sample(scenes, { n: 2, temperature: 1, rand: createRandom(5) });
    const greedy = await policy.greedy(scenes);
    const targets = Object.fromEntries(scenes.map((s, i) => [String(i), shapeWorldTarget("colorization", s)]));
    const samples = [...outputs.map((output, i) => ({ inputId: String(Math.floor(i / 2)), output })), ...greedy.map((output, i) => ({ inputId: String(i), output }))];
    const r = evaluate(DEFAULT_REWARD_SPECS.colorization, samples, targets);
    expect(r.nonFinite).toBe(0);
    expect(r.stats.colorfulness!.min).toBeGreaterThan(0);
    expect(r.stats.chroma_fidelity!.max).toBeLessThanOrEqual(1);
    expect(r.guardrails.map((g) => g.metric)).toEqual(["chroma_fidelity"]);
    policy.dispose();
  });

  it("evalMetrics: the true images score fidelity 1 and their own colourfulness; grey scores 0", () => {
    const truth = colorizationTask.evalMetrics(scenes.map((s) => ({ rgb: s.rgb })), scenes);
    expect(truth.chroma_fidelity).toBe(1);
    expect(truth.chroma_error).toBe(0);
    expect(truth.colorfulness).toBeCloseTo(truth.colorfulness_gt!, 10);
    const grey = colorizationTask.evalMetrics(scenes.map((s) => ({ rgb: Array.from(s.gray).flatMap((g) => [g, g, g]) })), scenes);
    expect(grey.colorfulness).toBe(0);
    expect(grey.chroma_fidelity).toBeLessThan(0.95);
  });

  it("saves and loads a checkpoint; the loaded model decodes identically", async () => {
    const policy = colorizationTask.createPolicy("smoke", 5);
    const { manifest, loaded, loadedManifest: m2 } = await checkpointRoundTrip(policy, path.join(dir, "c1"));
    expect(m2).toEqual(manifest);
    expect(loaded.task).toBe("colorization");
    expect(await loaded.greedy(scenes)).toEqual(await policy.greedy(scenes));
    policy.dispose();
    loaded.dispose();
  });
});
