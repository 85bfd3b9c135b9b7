/**
 * A run's settings: one object parsed by a `.strict()` zod schema (unknown keys and wrong types
 * fail loudly, after nanoGPT's configurator). `size: "smoke"` is the tiny model CI trains.
 */
import { z } from "zod";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { BACKEND_NAMES } from "./backend-names";
import { BASELINES } from "./baseline";

const common = {
  task: z.enum(TASK_IDS),
  seed: z.number().int().min(0).default(0),
  steps: z.number().int().min(1),
  batchSize: z.number().int().min(1).max(512),
  lr: z.number().positive().max(1),
  /** Linear warm-up steps, then cosine decay to 10% of lr. */
  warmup: z.number().int().min(0).default(0),
  evalEvery: z.number().int().min(0).default(0),
  evalCount: z.number().int().min(1).max(2000).default(64),
  backend: z.enum(["auto", ...BACKEND_NAMES]).default("auto"),
  /**
   * Updates skipped in a row (non-finite reward, loss or gradient norm) that a run tolerates; one
   * more halts it with the reason (0: halt at the first skip). Consecutive rather than a fraction
   * of the run: an occasional bad batch is skipped and training goes on, while a run that keeps
   * producing non-finite values stops within a few steps instead of burning its budget unchanged.
   */
  maxConsecutiveSkips: z.number().int().min(0).default(5),
};

export const MleSettingsSchema = z.object({ ...common, size: z.enum(["default", "smoke"]).default("default") }).strict();
export type MleSettings = z.output<typeof MleSettingsSchema>;

export const ReinforceSettingsSchema = z
  .object({
    ...common,
    /** Samples per input, N >= 2 (the leave-one-out baseline needs another sample). */
    samples: z.number().int().min(2).max(64).default(4),
    temperature: z.number().positive().max(5).default(1),
    baseline: z.enum(BASELINES).default("loo"),
    /** Weight of the entropy bonus in the loss (0 = off). */
    entropyBonus: z.number().min(0).default(0),
    /** Clip the global gradient norm to this (0 = off). */
    gradClip: z.number().min(0).default(1),
    /** Save (and, in a server run, upload) a checkpoint every this many steps, and at the end (0 = only at the end). */
    checkpointEvery: z.number().int().min(0).default(0),
  })
  .strict();
export type ReinforceSettings = z.output<typeof ReinforceSettingsSchema>;

/** Learning rate at `step` (0-based): linear warm-up, then cosine from lr to 0.1 lr. */
export function learningRate(s: { lr: number; warmup: number; steps: number }, step: number): number {
  if (step < s.warmup) return (s.lr * (step + 1)) / s.warmup;
  const progress = Math.min(1, (step - s.warmup) / Math.max(1, s.steps - s.warmup));
  return s.lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/**
 * Per-task tuning settings where the general defaults (lr 1e-4, temperature 1, leave-one-out)
 * do not fit, used by the CLI and the tab alike (measurements in docs/RESULTS.md):
 * - captioning: 16 inputs a step; with the default spec's object recall (weight 4) and KL (beta
 *   0.2), 8 inputs left the seeds too far apart for the bar (docs/RESULTS.md, the frontier).
 * - colorization: 256 independent chroma draws per image give large gradients (lr 3e-4
 *   collapses within 25 steps; 3e-5 keeps fidelity).
 * - detection: lr 1e-4 and 3e-5 lower held-out AP (KL 2-4 nats within 20 steps); 1e-5 raises it,
 *   16 inputs a step steadily enough for the bar (8 were too noisy).
 * - panoptic: 1,024 independent per-location draws, while evaluation decodes the argmax. At
 *   t = 1 samples are speckled and the reward is earned by sharpening, which leaves the argmax
 *   (and PQ) where it was; at t = 0.5 samples stay near the argmax, and the greedy
 *   (self-critical) baseline credits a sample exactly for beating the greedy map.
 */
export const TASK_TUNE_DEFAULTS: Partial<Record<TaskId, Partial<Pick<ReinforceSettings, "lr" | "temperature" | "baseline" | "samples" | "batchSize">>>> = {
  captioning: { batchSize: 16 },
  colorization: { lr: 3e-5 },
  detection: { lr: 1e-5, batchSize: 16 },
  panoptic: { lr: 3e-5, temperature: 0.5, baseline: "greedy", samples: 8, batchSize: 16 },
};
