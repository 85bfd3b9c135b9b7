/**
 * MLE pretraining: teacher forcing / per-location cross-entropy with Adam, warm-up + cosine
 * schedule, global-norm clipping, greedy evaluation every K steps. Readable top to bottom; the
 * same code runs in Node (CLI, tests) and in a Web Worker. Progress goes through callbacks.
 */
import * as tf from "@tensorflow/tfjs-core";
import { createRandom, type Policy } from "@/lib/tasks";
import { evaluatePolicy, imageSizeOf } from "./evaluate";
import { gradientStep, setLearningRate } from "./grads";
import { drawScenes, stepSeed, yieldToEventLoop } from "./scenes";
import { SkipCounter, type TrainResult } from "./skips";
import { learningRate, type MleSettings } from "./settings";

export interface MleStepLog {
  phase: "train";
  step: number;
  loss: number;
  lr: number;
  gradNorm: number;
  samplesPerSec: number;
  ms: number;
  backend: string;
  /** Why the update was skipped ("non-finite loss", "non-finite gradient norm"); absent when applied. */
  skipped?: string;
}

export interface EvalLog {
  phase: "eval";
  step: number;
  split: "val";
  count: number;
  metrics: Record<string, number>;
}

export interface TrainCallbacks<S> {
  /** Awaited too: a caller may save a checkpoint after the step's update before the next one. */
  onStep?: (log: S) => unknown;
  /** Awaited: a caller may save a checkpoint here before training goes on. */
  onEval?: (log: EvalLog) => void | Promise<void>;
  /** Checked between steps: stop early when aborted. */
  signal?: AbortSignal;
}

/** One MLE update on `scenes`. Returns the loss, the gradient norm before clipping, and why the update was skipped if it was. */
export async function mleStep(policy: Policy, optimizer: tf.Optimizer, scenes: Parameters<Policy["mleLoss"]>[0], seed: number): Promise<{ loss: number; gradNorm: number; skipped?: string }> {
  const rand = createRandom(seed);
  return gradientStep(optimizer, () => policy.mleLoss(scenes, rand), [...policy.params.vars.values()], 1);
}

/**
 * Trains `policy` by maximum likelihood for `settings.steps` steps from `startStep` (resuming
 * continues the same data and schedule). Returns the step reached and the updates skipped; more
 * than `settings.maxConsecutiveSkips` skips in a row halt the run there, `halted` saying why.
 */
export async function trainMle(policy: Policy, optimizer: tf.Optimizer, settings: MleSettings, cb: TrainCallbacks<MleStepLog> = {}, startStep = 0): Promise<TrainResult> {
  const size = imageSizeOf(policy);
  const skips = new SkipCounter(settings.maxConsecutiveSkips);
  let step = startStep;
  for (; step < settings.steps; step++) {
    await yieldToEventLoop(); // a Web Worker only sees a "stop" message between macrotasks
    if (cb.signal?.aborted) break;
    const t0 = performance.now();
    // 1. Data: a fresh batch of training scenes, seeded by (run seed, step).
    const seed = stepSeed(settings.seed, step);
    const scenes = drawScenes(createRandom(seed), "train", settings.batchSize, size);
    // 2. Schedule, then 3. one Adam update on the cross-entropy (skipped if it is not finite).
    const lr = learningRate(settings, step);
    setLearningRate(optimizer, lr);
    const { loss, gradNorm, skipped } = await mleStep(policy, optimizer, scenes, seed ^ 0x5bd1e995);
    const ms = performance.now() - t0;
    await cb.onStep?.({ phase: "train", step, loss, lr, gradNorm, ms, samplesPerSec: (settings.batchSize * 1000) / ms, backend: tf.getBackend(), ...(skipped ? { skipped } : {}) });
    const halted = skips.record(step, skipped);
    if (halted) return { step: step + 1, skippedSteps: skips.total, halted };
    // 4. Held-out evaluation with greedy decoding every `evalEvery` steps and at the end.
    if (settings.evalEvery > 0 && ((step + 1) % settings.evalEvery === 0 || step + 1 === settings.steps)) {
      await cb.onEval?.({ phase: "eval", step, split: "val", count: settings.evalCount, metrics: await evaluatePolicy(policy, "val", settings.evalCount) });
    }
  }
  return { step, skippedSteps: skips.total };
}
