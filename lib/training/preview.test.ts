import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { combineTerms, compileRewardSpec, DEFAULT_REWARD_SPECS, RewardContext, scorableByDefault, spreadShares, termScoreKey, termsForTask, type TaskId } from "@/lib/rewards";
import type { Policy } from "@/lib/tasks";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import * as tf from "@tensorflow/tfjs-core";
import { fromArtifacts } from "./checkpoint";
import { imageSizeOf } from "./evaluate";
import { loadCheckpointDir } from "./node/checkpoint-files";
import { drawPreview, scorePreview } from "./preview";
import { heldOutScenes } from "./scenes";

const held: Policy[] = [];
const load = async (task: TaskId, kind: "mle" | "tuned") => {
  const { policy } = await fromArtifacts(await loadCheckpointDir(path.join("public/models", task, kind)));
  held.push(policy);
  return policy;
};

beforeAll(useWasmBackend);
afterAll(() => held.forEach((p) => p.dispose()));

describe("the reward preview", () => {
  it("draws N samples per scene with KL to the reference and the reference's greedy output, without leaking tensors", async () => {
    const [tuned, mle] = [await load("captioning", "tuned"), await load("captioning", "mle")];
    const scenes = heldOutScenes("val", 2, imageSizeOf(tuned));
    const before = tf.memory().numTensors;
    const progress: number[] = [];
    const draw = await drawPreview(tuned, mle, scenes, { n: 3, temperature: 1, seed: 0 }, (done) => progress.push(done));
    expect(tf.memory().numTensors).toBe(before);
    expect(progress).toEqual([1, 2]);
    expect(draw.rows.map((r) => [r.scene, r.sample])).toEqual([[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]);
    for (const r of draw.rows) expect(r.kl).toBeCloseTo(r.logp - r.refLogp, 6);
    expect(draw.rows.some((r) => Math.abs(r.kl) > 1e-6)).toBe(true);
    expect(draw.mle).toEqual(await mle.greedy(scenes));
    // Its own reference: KL is exactly 0; the same seed draws the same samples.
    const self = await drawPreview(mle, null, scenes, { n: 3, temperature: 1, seed: 0 });
    expect(self.rows.every((r) => r.kl === 0)).toBe(true);
    expect((await drawPreview(mle, null, scenes, { n: 3, temperature: 1, seed: 0 })).rows.map((r) => r.output)).toEqual(self.rows.map((r) => r.output));

    // Every catalogue term of the task scores on every row, the drift, KL and entropy terms included.
    const terms = termsForTask("captioning").filter(scorableByDefault).map((term) => ({ term }));
    const { raw, failed } = scorePreview("captioning", draw, scenes, terms, new RewardContext());
    expect(failed).toEqual({});
    for (const t of terms) expect(raw[termScoreKey(t)]).toHaveLength(6);
  });

  it("on colorization, shows which term drives the composite's spread within a group", async () => {
    const policy = await load("colorization", "mle");
    const scenes = heldOutScenes("val", 4, imageSizeOf(policy));
    const draw = await drawPreview(policy, null, scenes, { n: 4, temperature: 1, seed: 0 });
    const compiled = compileRewardSpec(DEFAULT_REWARD_SPECS.colorization);
    const { raw } = scorePreview("colorization", draw, scenes, compiled.spec.terms, new RewardContext());
    const groups = draw.rows.map((r) => String(r.scene));
    const { parts } = combineTerms(compiled.spec, compiled.terms, compiled.spec.terms.map((t) => raw[termScoreKey(t)]!), groups);
    const shares = spreadShares(parts, groups);
    console.log(`colorization spread shares (weights 1 / 1000): ${shares.keys.map((k, i) => `${k} ${shares.shares[i]!.toFixed(3)}`).join(", ")} over ${shares.groups} groups`);
    expect(shares.groups).toBe(4);
    expect(shares.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // With fidelity weighted 20 (the earlier spec), colourfulness carries nearly all of the spread.
    const w20 = compileRewardSpec({ ...DEFAULT_REWARD_SPECS.colorization, terms: [{ term: "colorfulness", weight: 1 }, { term: "chroma_fidelity", weight: 20 }] });
    const low = spreadShares(combineTerms(w20.spec, w20.terms, w20.spec.terms.map((t) => raw[termScoreKey(t)]!), groups).parts, groups);
    console.log(`colorization spread shares (weights 1 / 20): ${low.keys.map((k, i) => `${k} ${low.shares[i]!.toFixed(3)}`).join(", ")}`);
    expect(low.shares[0]!).toBeGreaterThan(shares.shares[0]!);
  });
});
