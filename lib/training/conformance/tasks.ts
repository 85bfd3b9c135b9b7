/**
 * Whole-model checks, one per task: from the same weights (the shipped MLE checkpoint) and the
 * same sampled actions, the MLE loss and its gradient norm, log p and entropy of the samples,
 * and the REINFORCE loss -mean(A * log p_t) with fixed advantages and its gradient norm, at the
 * task's tuning temperature. Actions are drawn once, on the reference backend, so both
 * backends score the same outputs.
 */
import * as tf from "@tensorflow/tfjs-core";
import type { Scene } from "@/lib/data";
import type { TaskId } from "@/lib/rewards";
import { createRandom, type Policy } from "@/lib/tasks";
import { imageSizeOf } from "../evaluate";
import { globalNorm, disposeMap } from "../grads";
import { drawScenes } from "../scenes";
import { TASK_TUNE_DEFAULTS } from "../settings";
import type { ConformanceCase, Outputs } from "./types";

/** Whole-model float32 tolerance: rtol 5e-4 plus 5e-5 of the output's largest magnitude (at least 1e-6). */
export const TASK_TOLERANCE = { rtol: 5e-4, atol: 5e-5, floor: 1e-6 };

export interface TaskCaseOptions {
  /** Scenes per batch and samples per scene (kept small: the reference backend is plain JS). */
  scenes?: number;
  samples?: number;
  seed?: number;
}

async function gradNormOf(loss: () => tf.Scalar, policy: Policy): Promise<{ loss: number; norm: number }> {
  const { value, grads } = tf.variableGrads(loss, [...policy.params.vars.values()]);
  try {
    return { loss: (await value.data())[0] as number, norm: await globalNorm(grads) };
  } finally {
    value.dispose();
    disposeMap(grads);
  }
}

export function taskCase(task: TaskId, loadPolicy: (task: TaskId) => Promise<Policy>, opts: TaskCaseOptions = {}): ConformanceCase {
  const { scenes: count = 2, samples: n = 2, seed = 3 } = opts;
  const temperature = TASK_TUNE_DEFAULTS[task]?.temperature ?? 1;
  let policy: Policy | undefined;
  let scenes: Scene[] = [];
  let actions: unknown;
  const advantages = Float32Array.from({ length: count * n }, (_, i) => ((i * 7) % 5) / 2 - 1);
  return {
    id: `task-${task}`, kind: "task", task, tolerance: TASK_TOLERANCE,
    what: `${task}: shipped MLE weights, ${count} scenes x ${n} samples at t ${temperature}: MLE loss and gradient norm, log p, entropy, REINFORCE loss and gradient norm`,
    async prepare() {
      policy = await loadPolicy(task);
      scenes = drawScenes(createRandom(seed), "train", count, imageSizeOf(policy));
      actions = (await policy.sample(scenes, { n, temperature, rand: createRandom(seed + 1) })).actions;
    },
    async compute() {
      const p = policy;
      if (!p) throw new Error("prepare() first");
      const score = () => p.score(scenes, actions, { n, temperature });
      const scored = tf.tidy(score);
      const out: Outputs = { "log p": (await scored.logp.data()) as Float32Array, entropy: (await scored.entropy.data()) as Float32Array };
      scored.logp.dispose();
      scored.entropy.dispose();
      const mle = await gradNormOf(() => p.mleLoss(scenes, createRandom(seed + 2)), p);
      const pg = await gradNormOf(() => tf.neg(tf.mean(tf.mul(tf.tensor1d(advantages), score().logp))) as tf.Scalar, p);
      out["MLE loss"] = Float32Array.of(mle.loss);
      out["MLE grad norm"] = Float32Array.of(mle.norm);
      out["REINFORCE loss"] = Float32Array.of(pg.loss);
      out["REINFORCE grad norm"] = Float32Array.of(pg.norm);
      return out;
    },
    dispose() {
      policy?.dispose();
      policy = undefined;
    },
  };
}
