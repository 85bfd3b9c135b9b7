import type { z } from "zod";
import type { RewardContext } from "./context";
import type { OutputOf, TargetOf, TaskId } from "./task-types";

/** One sampled output to score, with what the trainer knows about it. */
export interface RewardSample<T extends TaskId = TaskId> {
  /** The input (image) it was sampled for; samples of one input form a group. */
  inputId: string;
  output: OutputOf<T>;
  /** The frozen MLE model's output on the same input (for the drift terms). */
  mle?: OutputOf<T>;
  /** Per-sample KL estimate to the MLE model, log p(y|x) - log p_mle(y|x) (trainer-supplied). */
  kl?: number;
  /** Per-sample entropy of the policy (trainer-supplied). */
  entropy?: number;
}

export interface TermValue {
  value: number;
  /** Extra numbers worth logging (counts, components). */
  aux?: Record<string, number>;
}

export type TermKind = "metric" | "guardrail" | "shaping" | "trainer";

/**
 * A reward term: a pure function of (sample, target, params) returning a number; no tensors,
 * no I/O (after big_vision's detection_reward.py). Adding one = one file + one registry line.
 */
export interface TermDefinition<T extends TaskId | "any" = TaskId | "any", P extends z.ZodType = z.ZodType> {
  task: T;
  label: string;
  description: string;
  kind: TermKind;
  /** Which way is better; a penalty term is "minimize" and takes a negative weight. */
  direction: "maximize" | "minimize";
  /** Closed range of values, ±Infinity when unbounded. */
  range: readonly [number, number];
  /** Strict zod schema of params, with defaults. */
  params: P;
  /**
   * What the trainer must put on each sample besides the output: `mleOutput`, the frozen MLE
   * model's greedy output on the same input (`sample.mle`; the drift terms). The trainer decodes
   * it only when a term of the spec declares it here.
   */
  needs?: { readonly mleOutput?: boolean };
  /**
   * The term has no usable defaults: it is added with params made elsewhere (a learned model's
   * weights), so catalogue-wide scoring (the preview's) leaves it out unless a spec names it.
   */
  needsParams?: boolean;
  /** For a term of task "any" whose params belong to one task (a learned model): that task, checked against the spec's. */
  paramsTask?: (params: z.infer<P>) => TaskId;
  score(
    sample: RewardSample<T extends TaskId ? T : TaskId>,
    target: TargetOf<T extends TaskId ? T : TaskId>,
    params: z.infer<P>,
    ctx: RewardContext,
  ): TermValue;
}
