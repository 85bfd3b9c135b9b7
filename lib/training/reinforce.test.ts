/**
 * The REINFORCE step against numbers derived by hand on a toy policy (lib/testing/toy-policy.ts:
 * one categorical p_t = softmax(z / t) shared by every scene; choice k is rewarded exactly k),
 * skipped updates that leave every weight bit-identical, and the halt on too many skips.
 */
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { compileRewardSpec, RewardContext } from "@/lib/rewards";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { createToyPolicy, weightBytes, type ToyDraws } from "@/lib/testing/toy-policy";
import { reinforceStep, trainReinforce, type ReinforceSetup, type ReinforceStepLog } from "./reinforce";
import { ReinforceSettingsSchema } from "./settings";

beforeAll(useWasmBackend);

const LN2 = Math.log(2);
const scenes = [sceneAt("train", 0), sceneAt("train", 1)];
/** Reward = caption_length(min 0, max 1) = words - 1 = k for choice k. */
const lengthTerm = { term: "caption_length", weight: 1, params: { min: 0, max: 1 } };
const reward = (extra: object[] = []) => compileRewardSpec({ task: "captioning", terms: [lengthTerm, ...extra] });
// Scene 0 draws choices 0, 1, 2 (rewards 0, 1, 2); scene 1 draws 1, 1, 2 (rewards 1, 1, 2).
const DRAWS: ToyDraws = [[0, 1, 2], [1, 1, 2]];

function toySetup(policyZ: number[], referenceZ: number[], opts: { spec?: ReturnType<typeof reward>; settings?: object; optimizer?: tf.Optimizer; draws?: ToyDraws } = {}): ReinforceSetup {
  const draws = opts.draws ?? DRAWS;
  return {
    policy: createToyPolicy(policyZ, draws), reference: createToyPolicy(referenceZ, draws), spec: opts.spec ?? reward(), ctx: new RewardContext(),
    // Plain SGD at lr 1 and no clipping: the update is exactly minus the gradient.
    optimizer: opts.optimizer ?? tf.train.sgd(1),
    settings: ReinforceSettingsSchema.parse({ task: "captioning", steps: 1, batchSize: 2, lr: 1, samples: 3, gradClip: 0, ...opts.settings }),
  };
}

const values = async (v: tf.Tensor) => Array.from(await v.data());
const zOf = (s: ReinforceSetup) => values(s.policy.params.vars.get("z")!);
/** Adam's state after no update: the iteration count 0 and no moment slots. */
async function expectAdamUnstepped(opt: tf.Optimizer) {
  const [iter, ...slots] = await opt.getWeights();
  expect(slots).toHaveLength(0);
  expect(Array.from(await iter!.tensor.data())).toEqual([0]);
  iter!.tensor.dispose();
}
const dispose = (s: ReinforceSetup) => {
  s.policy.dispose();
  s.reference.dispose();
  s.optimizer.dispose();
};

describe("reinforceStep on a toy categorical policy (hand-derived)", () => {
  // z = [0, ln 2, 0]: at t = 1, p = [1/4, 1/2, 1/4]. Loss = -(1/6) sum_i A_i log p_t(y_i), and
  // d log p_t(y) / dz = (e_y - p_t) / t, so grad = -(1/(6t)) sum_i A_i (e_y_i - p_t).
  // Leave-one-out: scene 0 rewards 0, 1, 2 -> b = 1.5, 1, 0.5 -> A = -1.5, 0, 1.5;
  // scene 1 rewards 1, 1, 2 -> b = 1.5, 1.5, 1 -> A = -0.5, -0.5, 1. Each group's A sums to 0, so
  // the p_t part cancels: sum_i A_i e_y_i = [-1.5, 0 - 0.5 - 0.5, 1.5 + 1] = [-1.5, -1, 2.5] and
  // grad = -(1/(6t)) [-1.5, -1, 2.5] = [1/4, 1/6, -5/12] / t.
  // Loss: scene 0 gives -1.5 log p(0) + 1.5 log p(2) = 0 (p(0) = p(2) at any t); scene 1 gives
  // -log p(1) + log p(2) = -ln(p(1) / p(2)) = -(ln 2) / t. Loss = (ln 2) / (6t).
  it.each([1, 2])("leave-one-out at temperature %d: loss, gradient norm and the SGD update", async (t) => {
    const setup = toySetup([0, LN2, 0], [0, LN2, 0], { settings: { temperature: t } });
    const log = await reinforceStep(setup, scenes, 1);
    const grad = [1 / 4, 1 / 6, -5 / 12].map((g) => g / t);
    expect(log.skipped).toBeUndefined();
    expect(log.composite.mean).toBeCloseTo(7 / 6, 12);
    expect(log.kl).toBe(0);
    expect(log.loss).toBeCloseTo(LN2 / (6 * t), 6);
    expect(log.gradNorm).toBeCloseTo(Math.sqrt(38) / 12 / t, 6); // sqrt(9 + 4 + 25) / 12
    const z = await zOf(setup);
    [0, LN2, 0].forEach((z0, k) => expect(z[k]).toBeCloseTo(z0 - grad[k]!, 6));
    dispose(setup);
  });

  it("no baseline (A = R) at t = 1: the p part of the gradient counts too", async () => {
    // A = R = [0, 1, 2, 1, 1, 2], sum 7. sum_i R_i e_y_i = [0, 1 + 1 + 1, 2 + 2] = [0, 3, 4];
    // minus 7 p = [7/4, 7/2, 7/4] -> [-7/4, -1/2, 9/4]; grad = -(1/6) of it = [7/24, 1/12, -3/8].
    // Loss = -(1/6) sum_i R_i log p(y_i) = -(1/6)(-ln 2 - 4 ln 2 - ln 2 - ln 2 - 4 ln 2) = 11 ln 2 / 6.
    const setup = toySetup([0, LN2, 0], [0, LN2, 0], { settings: { baseline: "none" } });
    const log = await reinforceStep(setup, scenes, 1);
    expect(log.loss).toBeCloseTo((11 * LN2) / 6, 6);
    const z = await zOf(setup);
    [-7 / 24, LN2 - 1 / 12, 3 / 8].forEach((v, k) => expect(z[k]).toBeCloseTo(v, 6));
    dispose(setup);
  });
});

describe("skipped updates leave every weight bit-identical and say why", () => {
  it("a non-finite reward: the reference gives a drawn choice probability 0, so its KL term is infinite", async () => {
    // Reference z = [-Inf, 0, 0]: log p_ref(0) = -Inf, so scene 0's first sample has KL = +Inf and
    // the term kl (weight -0.1) makes its composite -Inf: 1 of the 6 samples.
    const setup = toySetup([0, LN2, 0], [-Infinity, 0, 0], { spec: reward([{ term: "kl", weight: -0.1 }]), optimizer: tf.train.adam(0.1) });
    const before = await weightBytes(setup.policy);
    const log = await reinforceStep(setup, scenes, 1);
    expect(log.skipped).toBe("non-finite reward: 1 of 6 samples (terms: kl)");
    expect(log.loss).toBeNaN();
    expect(await weightBytes(setup.policy)).toEqual(before);
    await expectAdamUnstepped(setup.optimizer);
    dispose(setup);
  });

  it("a non-finite loss: the policy gives a drawn choice probability 0 (log p = -Inf) with a non-zero advantage", async () => {
    // Policy z = [-Inf, 0, 0]; rewards stay finite (no KL in the spec). Scene 0's first sample has
    // A = -1.5 and log p = -Inf: -mean(A log p) = -Inf.
    const setup = toySetup([-Infinity, 0, 0], [0, LN2, 0], { optimizer: tf.train.adam(0.1) });
    const before = await weightBytes(setup.policy);
    const log = await reinforceStep(setup, scenes, 1);
    expect(log.skipped).toBe("non-finite loss");
    expect(log.composite.mean).toBeCloseTo(7 / 6, 12);
    expect(log.loss).toBe(-Infinity);
    expect(await weightBytes(setup.policy)).toEqual(before);
    await expectAdamUnstepped(setup.optimizer);
    dispose(setup);
  });

  it("too many skips in a row halt the run with the reason; the weights stay the last good ones", async () => {
    // Every scene draws choices 0 and 1, and the reference gives choice 0 probability 0: every
    // step skips. maxConsecutiveSkips 2 tolerates two; the third (step 2) halts, before step 3.
    const setup = toySetup([0, LN2, 0], [-Infinity, 0, 0], {
      spec: reward([{ term: "kl", weight: -0.1 }]), draws: [[0, 1]],
      settings: { steps: 10, batchSize: 1, samples: 2, maxConsecutiveSkips: 2, evalEvery: 1 },
    });
    const before = await weightBytes(setup.policy);
    const logs: ReinforceStepLog[] = [];
    let evals = 0;
    const result = await trainReinforce(setup, { onStep: (l) => logs.push(l), onEval: () => { evals++; } });
    expect(logs.map((l) => [l.step, l.skipped])).toEqual([0, 1, 2].map((s) => [s, "non-finite reward: 1 of 2 samples (terms: kl)"]));
    expect(result).toEqual({
      step: 3, skippedSteps: 3,
      halted: "the updates of steps 0 to 2 were skipped (3 in a row, more than maxConsecutiveSkips = 2); last reason: non-finite reward: 1 of 2 samples (terms: kl)",
    });
    expect(evals).toBe(2); // after steps 0 and 1; none after the halting step
    expect(await weightBytes(setup.policy)).toEqual(before);
    dispose(setup);
  });

  it("leaks no tensors on a skipped step", async () => {
    const setup = toySetup([-Infinity, 0, 0], [0, LN2, 0]);
    await reinforceStep(setup, scenes, 1);
    const n = tf.memory().numTensors;
    await reinforceStep(setup, scenes, 2);
    expect(tf.memory().numTensors).toBe(n);
    dispose(setup);
  });
});
