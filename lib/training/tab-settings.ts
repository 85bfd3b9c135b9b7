/**
 * The settings of a tuning run in the tab: the task's recipe (lr, temperature, baseline: see
 * TASK_TUNE_DEFAULTS) with the tab's own batch, samples and length. One place, so the run and
 * the backend probe that times it build the same step.
 */
import type { TaskId } from "@/lib/rewards";
import { ReinforceSettingsSchema, TASK_TUNE_DEFAULTS, type ReinforceSettings } from "./settings";

export function tabReinforceSettings(job: { task: TaskId; steps: number; batchSize: number; samples: number; seed: number; evalCount: number }): ReinforceSettings {
  const recipe = TASK_TUNE_DEFAULTS[job.task] ?? {};
  return ReinforceSettingsSchema.parse({
    task: job.task, steps: job.steps, batchSize: job.batchSize, samples: job.samples, lr: recipe.lr ?? 1e-4, temperature: recipe.temperature, baseline: recipe.baseline,
    seed: job.seed, evalEvery: job.steps, evalCount: job.evalCount,
  });
}
