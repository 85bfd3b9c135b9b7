import type * as tf from "@tensorflow/tfjs-core";
import type { Scene } from "@/lib/data";
import type { OutputOf, TaskId } from "@/lib/rewards";
import type { ParamStore } from "./nn/params";
import type { Random } from "./nn/random";

/** Everything needed to rebuild a model: stored in checkpoint manifests. */
export interface Architecture {
  task: TaskId;
  kind: string;
  /** Sizes, JSON-serialisable. */
  config: Record<string, unknown>;
}

/**
 * How rows were drawn, to score them as drawn: both required, so a caller cannot silently score
 * at t = 1 samples drawn at another temperature (off-policy gradients).
 */
export interface ScoreOptions {
  /** Samples per scene (N): row r belongs to scene floor(r / n). */
  n: number;
  /** The sampling temperature t: p_t = softmax(logits / t); 1 is the plain model. */
  temperature: number;
}

export interface SampleOptions extends ScoreOptions {
  rand: Random;
  /** Take the most likely choice instead of drawing (the greedy output, with its actions). */
  greedy?: boolean;
}

/** N sampled outputs per scene: `outputs[i]` belongs to scene `Math.floor(i / n)`. */
export interface Sampled<T extends TaskId, A> {
  /** What the policy chose (tokens, per-location classes...), to re-score with gradients. */
  actions: A;
  outputs: OutputOf<T>[];
  /**
   * log p_t and the entropy of p_t along each sample, [B * n], when the sampler computed them
   * from the distributions it drew from: equal (to float32 rounding) to what `score` returns
   * for these actions at this temperature, so a trainer can skip that no-grad pass. Absent for
   * greedy outputs and for tasks that do not compute them.
   */
  scores?: { logp: Float32Array; entropy: Float32Array };
}

/**
 * A task's model as the trainers see it: the same small surface for every task
 * (lib/tasks/<task>/index.ts exports a `create...Policy`).
 */
export interface Policy<T extends TaskId = TaskId, A = unknown> {
  readonly task: T;
  readonly architecture: Architecture;
  readonly params: ParamStore;
  /** Mean negative log-likelihood of the scenes' labels (teacher forcing / per location). Scalar. */
  mleLoss(scenes: readonly Scene[], rand: Random): tf.Scalar;
  /** Draws `opts.n` outputs per scene at `opts.temperature`. No gradient. */
  sample(scenes: readonly Scene[], opts: SampleOptions): Promise<Sampled<T, A>>;
  /** The most likely output per scene (greedy decoding / argmax). */
  greedy(scenes: readonly Scene[]): Promise<OutputOf<T>[]>;
  /**
   * log p_t(actions | scene) and the entropy of p_t along them, with gradient, both [B * n],
   * where p_t = softmax(logits / t) is the distribution `sample` draws from at temperature
   * t = `opts.temperature`. Rows follow `actions` (scene = floor(row / opts.n)).
   */
  score(scenes: readonly Scene[], actions: A, opts: ScoreOptions): { logp: tf.Tensor1D; entropy: tf.Tensor1D };
  /** Output size for logs: tokens, boxes, segments or coloured locations. */
  outputSize(output: OutputOf<T>): number;
  dispose(): void;
}
