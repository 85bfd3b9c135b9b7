/**
 * REINFORCE tuning, exactly as ../shared/DESIGN.md says: N >= 2 samples per input at
 * temperature t (the policy tuned is p_t = softmax(logits / t): samples, log p, KL and entropy
 * are all of p_t, so the gradient is on-policy at any t, and t = 1 is the plain model), a
 * composite reward from a RewardSpec, the leave-one-out baseline,
 * loss = -mean_i (R_i - b_i) log p_t(y_i | x) (minus an optional entropy bonus), KL to the frozen
 * MLE model folded into the reward by the spec's kl.beta, global-norm clipping. A non-finite
 * reward, loss or gradient norm skips the update and the step log says which (./skips.ts); it
 * never reaches the weights, and too many skips in a row halt the run with the reason.
 */
import * as tf from "@tensorflow/tfjs-core";
import { evaluate, meanStd, shapeWorldTarget, zeroSpreadFraction, type CompiledRewardSpec, type RewardContext, type RewardSample } from "@/lib/rewards";
import { createRandom, type Policy, type Sampled, type ScoreOptions } from "@/lib/tasks";
import type { Scene } from "@/lib/data";
import { BASELINE_STRATEGIES } from "./baseline";
import { evaluatePolicy, imageSizeOf } from "./evaluate";
import { gradientStep, setLearningRate } from "./grads";
import type { EvalLog, TrainCallbacks } from "./mle";
import { drawScenes, stepSeed, yieldToEventLoop } from "./scenes";
import { nonFiniteRewardReason, SkipCounter, type TrainResult } from "./skips";
import { learningRate, type ReinforceSettings } from "./settings";

export interface ReinforceStepLog {
  phase: "train";
  step: number;
  /** Each term's raw mean and std over the step's samples. */
  terms: Record<string, { mean: number; std: number }>;
  composite: { mean: number; std: number };
  /** Mean composite of the greedy outputs (what evaluation decodes), with the greedy baseline. */
  greedyComposite?: number;
  /** Mean per-sample KL estimate to the MLE model at the sampling temperature, log p_t - log p_mle,t. */
  kl: number;
  entropy: number;
  /** Fraction of inputs whose N samples all got the same reward (no learning signal). */
  zeroSpreadFraction: number;
  /** Mean output size: tokens, boxes, segments or coloured locations. */
  outputSize: number;
  loss: number;
  gradNorm: number;
  lr: number;
  samplesPerSec: number;
  ms: number;
  backend: string;
  /**
   * Why the update was skipped, absent when applied: "non-finite reward: 3 of 16 samples (terms:
   * cider_d)", "non-finite loss" or "non-finite gradient norm".
   */
  skipped?: string;
  /** Where the step's time went, ms: sampling, no-grad scoring (policy and reference), rewards, gradient step. */
  phases: { sample: number; score: number; reward: number; update: number };
}

export interface ReinforceSetup {
  policy: Policy;
  /** The frozen MLE model: KL reference and the drift terms' reference output. */
  reference: Policy;
  /** Compiled once per run (`compileRewardSpec`): steps score with it without re-validating it. */
  spec: CompiledRewardSpec;
  ctx: RewardContext;
  optimizer: tf.Optimizer;
  settings: ReinforceSettings;
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  try {
    return (await t.data()) as Float32Array;
  } finally {
    t.dispose();
  }
}

/** Per-row log p_t and entropy under the policy and log p_t under the frozen reference, read back (no gradient). */
/**
 * log p and entropy under the policy (taken from the sampler when it computed them, else a
 * no-grad scoring pass) and log p under the frozen reference.
 */
async function scoreNoGrad(policy: Policy, reference: Policy, scenes: readonly Scene[], drawn: Sampled<Policy["task"], unknown>, opts: ScoreOptions) {
  let own = drawn.scores;
  if (!own) {
    const cur = tf.tidy(() => policy.score(scenes, drawn.actions, opts));
    own = { logp: await read(cur.logp), entropy: await read(cur.entropy) };
  }
  const refLogp = await read(tf.tidy(() => reference.score(scenes, drawn.actions, opts).logp));
  return { logp: own.logp, entropy: own.entropy, refLogp };
}

/** The rows `evaluate` scores: row i is input floor(i / n), with its KL estimate and entropy. */
function rewardRows(drawn: Sampled<Policy["task"], unknown>, scores: Awaited<ReturnType<typeof scoreNoGrad>>, n: number, mleOutputs: readonly unknown[] | undefined): RewardSample[] {
  return drawn.outputs.map((output, i) => ({
    inputId: String(Math.floor(i / n)), output, mle: mleOutputs?.[Math.floor(i / n)] as RewardSample["mle"], kl: (scores.logp[i] as number) - (scores.refLogp[i] as number), entropy: scores.entropy[i],
  }));
}

/** One REINFORCE update on `scenes`; `seed` fixes the samples drawn. */
export async function reinforceStep(setup: ReinforceSetup, scenes: readonly Scene[], seed: number): Promise<Omit<ReinforceStepLog, "phase" | "step" | "lr" | "ms" | "samplesPerSec" | "backend">> {
  const { policy, reference, spec, ctx, optimizer, settings } = setup;
  const baseline = BASELINE_STRATEGIES[settings.baseline];
  const n = settings.samples;
  const t = settings.temperature;
  const clock = [performance.now()];
  // 1. Sample N outputs per input from the current policy.
  const drawn = await policy.sample(scenes, { n, temperature: t, rand: createRandom(seed) });
  const { actions, outputs } = drawn;
  // The greedy output per input too, when the baseline needs it (self-critical training).
  const greedy = baseline.needsGreedy ? await policy.sample(scenes, { n: 1, temperature: t, rand: createRandom(seed), greedy: true }) : undefined;
  clock.push(performance.now());
  // 2. Log-probabilities under the policy and the frozen MLE model (no gradient): KL and entropy.
  const scores = await scoreNoGrad(policy, reference, scenes, drawn, { n, temperature: t });
  const greedyScores = greedy ? await scoreNoGrad(policy, reference, scenes, greedy, { n: 1, temperature: t }) : undefined;
  const mleOutputs = spec.needsMleOutput ? await reference.greedy(scenes) : undefined;
  clock.push(performance.now());
  // 3. Rewards: every term per sample, the composite (KL folded in when the spec says so).
  const targets = Object.fromEntries(scenes.map((s, b) => [String(b), shapeWorldTarget(policy.task, s)]));
  const samples = rewardRows(drawn, scores, n, mleOutputs);
  // The baseline's greedy outputs are scored in the same call (so batch or group normalisation
  // sees them too); the logs describe the samples alone.
  const greedyRows = greedy && greedyScores ? rewardRows(greedy, greedyScores, 1, mleOutputs) : [];
  const rewards = evaluate(spec, [...samples, ...greedyRows], targets, ctx);
  const scored = rewards.samples.slice(0, samples.length);
  const composites = scored.map((s) => s.composite);
  const greedyRewards = greedyRows.length > 0 ? rewards.samples.slice(samples.length).map((s) => s.composite) : undefined;
  clock.push(performance.now());
  const phases = (end: number) => ({ sample: clock[1]! - clock[0]!, score: clock[2]! - clock[1]!, reward: clock[3]! - clock[2]!, update: end - clock[3]! });
  const log = {
    terms: Object.fromEntries(rewards.keys.map((k) => [k, meanStd(scored.map((s) => s.values[k] as number))])),
    composite: meanStd(composites),
    kl: meanStd(samples.map((s) => s.kl as number)).mean,
    entropy: meanStd(scores.entropy).mean,
    zeroSpreadFraction: zeroSpreadFraction(composites, scored.map((s) => s.inputId)),
    outputSize: meanStd(outputs.map((o) => policy.outputSize(o as never))).mean,
    ...(greedyRewards ? { greedyComposite: meanStd(greedyRewards).mean } : {}),
  };
  if (rewards.nonFinite > 0) {
    return { ...log, loss: NaN, gradNorm: NaN, skipped: nonFiniteRewardReason(composites, greedyRewards, rewards.nonFiniteTerms), phases: phases(performance.now()) };
  }
  // 4. Advantages from the configured baseline (leave-one-out by default): constants for the gradient.
  const adv = baseline.advantages(composites, n, greedyRewards);
  // 5. Policy gradient: loss = -mean(A * log p) - bonus * mean(entropy); clip; apply.
  const step = await gradientStep(optimizer, () => {
    const scored = policy.score(scenes, actions, { n, temperature: t });
    const pg = tf.neg(tf.mean(tf.mul(tf.tensor1d(Float32Array.from(adv)), scored.logp)));
    return (settings.entropyBonus > 0 ? tf.sub(pg, tf.mul(tf.mean(scored.entropy), settings.entropyBonus)) : pg) as tf.Scalar;
  }, [...policy.params.vars.values()], settings.gradClip);
  return { ...log, ...step, phases: phases(performance.now()) };
}

/**
 * Tunes `setup.policy` for `settings.steps` steps from `startStep`. Returns the step reached and
 * the updates skipped; more than `settings.maxConsecutiveSkips` skips in a row halt the run
 * there, with `halted` saying why (no evaluation after the halting step).
 */
export async function trainReinforce(setup: ReinforceSetup, cb: TrainCallbacks<ReinforceStepLog> = {}, startStep = 0): Promise<TrainResult> {
  const { settings, optimizer, policy } = setup;
  const size = imageSizeOf(policy);
  const skips = new SkipCounter(settings.maxConsecutiveSkips);
  let step = startStep;
  for (; step < settings.steps; step++) {
    await yieldToEventLoop(); // a Web Worker only sees a "stop" message between macrotasks
    if (cb.signal?.aborted) break;
    const t0 = performance.now();
    const seed = stepSeed(settings.seed, step);
    const scenes = drawScenes(createRandom(seed), "train", settings.batchSize, size);
    const lr = learningRate(settings, step);
    setLearningRate(optimizer, lr);
    const result = await reinforceStep(setup, scenes, seed ^ 0x27d4eb2f);
    const ms = performance.now() - t0;
    await cb.onStep?.({ ...result, phase: "train", step, lr, ms, samplesPerSec: (settings.batchSize * settings.samples * 1000) / ms, backend: tf.getBackend() });
    const halted = skips.record(step, result.skipped);
    if (halted) return { step: step + 1, skippedSteps: skips.total, halted };
    if (settings.evalEvery > 0 && ((step + 1) % settings.evalEvery === 0 || step + 1 === settings.steps)) {
      const log: EvalLog = { phase: "eval", step, split: "val", count: settings.evalCount, metrics: await evaluatePolicy(policy, "val", settings.evalCount) };
      await cb.onEval?.(log);
    }
  }
  return { step, skippedSteps: skips.total };
}
