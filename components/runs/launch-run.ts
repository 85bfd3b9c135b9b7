/**
 * Launching a run from /runs/new: the settings checked by the trainer's own schema (errors by
 * field), the reward spec version resolved (the task's default spec saved to get a version id;
 * a KL beta that differs from the chosen version's saved as a derived version: both
 * content-hashed, so launching twice reuses the version), then POST /api/runs. No React here.
 */
import { DEFAULT_REWARD_SPECS } from "@/lib/rewards/defaults";
import type { TaskId } from "@/lib/rewards/task-types";
import { ReinforceSettingsSchema, TASK_TUNE_DEFAULTS, type ReinforceSettings } from "@/lib/training/settings";
import { createRun, getRewardSpecVersion, saveRewardSpec } from "@/lib/training/browser/run-client";

/** The form's numbers and choices, as typed (strings from inputs become numbers here). */
export interface RunFields {
  steps: number;
  batchSize: number;
  samples: number;
  lr: number;
  temperature: number;
  baseline: string;
  beta: number;
  evalEvery: number;
  evalCount: number;
  checkpointEvery: number;
  backend: string;
  seed: number;
}

/** The task's tuning recipe (TASK_TUNE_DEFAULTS over the general defaults), at a length worth watching. */
export function recipeFields(task: TaskId, beta: number): RunFields {
  const r = TASK_TUNE_DEFAULTS[task] ?? {};
  return {
    steps: 60, batchSize: r.batchSize ?? 8, samples: r.samples ?? 4, lr: r.lr ?? 1e-4, temperature: r.temperature ?? 1, baseline: r.baseline ?? "loo",
    beta, evalEvery: 10, evalCount: 64, checkpointEvery: 10, backend: "auto", seed: 0,
  };
}

/** A quick try: 6 steps of 2 inputs x 2 samples, evaluated and checkpointed every 3 steps on 8 val scenes. */
export function smokeFields(task: TaskId, beta: number, backend: string): RunFields {
  return { ...recipeFields(task, beta), steps: 6, batchSize: 2, samples: 2, evalEvery: 3, evalCount: 8, checkpointEvery: 3, backend };
}

/** The settings the trainer will run with, or the first problem of each field. */
export function checkSettings(task: TaskId, f: RunFields): { settings: ReinforceSettings } | { errors: Partial<Record<keyof RunFields, string>> } {
  const { beta, ...rest } = f;
  const errors: Partial<Record<keyof RunFields, string>> = {};
  if (!Number.isFinite(beta) || beta < 0) errors.beta = "expected a number >= 0";
  const parsed = ReinforceSettingsSchema.safeParse({ task, ...rest });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const k = issue.path[0] as keyof RunFields;
      errors[k] ??= issue.message;
    }
  }
  if (parsed.success && parsed.data.evalEvery > parsed.data.steps) errors.evalEvery = "expected at most the number of steps";
  return Object.keys(errors).length || !parsed.success ? { errors } : { settings: parsed.data };
}

/** The default spec's "version" choice in the form. */
export const DEFAULT_SPEC = "default";

const betaOf = (body: unknown) => ((body as { kl?: { beta?: number } } | null)?.kl?.beta ?? 0);

/** The chosen spec's body and name ("<task> default" for the task's default spec). */
export async function specBody(task: TaskId, choice: string): Promise<{ name: string; body: unknown; beta: number }> {
  if (choice === DEFAULT_SPEC) return { name: `${task} default`, body: DEFAULT_REWARD_SPECS[task], beta: betaOf(DEFAULT_REWARD_SPECS[task]) };
  const v = await getRewardSpecVersion(choice);
  return { name: v.name, body: v.body, beta: betaOf(v.body) };
}

/** The version id the run tunes against: the chosen one, or the default / derived one saved now. */
export async function resolveSpecVersion(task: TaskId, choice: string, beta: number): Promise<string> {
  const { name, body, beta: saved } = await specBody(task, choice);
  if (choice !== DEFAULT_SPEC && beta === saved) return choice;
  const rest = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([k]) => k !== "kl"));
  const spec = beta === saved ? body : beta > 0 ? { ...rest, kl: { beta } } : rest;
  return (await saveRewardSpec(name, spec)).id;
}

export interface LaunchInput {
  task: TaskId;
  name: string;
  settings: ReinforceSettings;
  base: { checkpointId: string } | { uri: string };
  specChoice: string;
  beta: number;
}

/** FNV-1a of a string, as 8 hex digits. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * Saves what needs saving and creates the run; returns its id. `session` (one per page load)
 * with the request's content makes the Idempotency-Key, so Launch pressed again after a lost
 * answer opens the run it made instead of making a second.
 */
export async function launchRun(l: LaunchInput, session: string): Promise<string> {
  const rewardSpecVersionId = await resolveSpecVersion(l.task, l.specChoice, l.beta);
  const body = {
    task: l.task, kind: "reinforce" as const, name: l.name, settings: l.settings as unknown as Record<string, unknown>, rewardSpecVersionId, source: "tab" as const,
    ...("checkpointId" in l.base ? { baseCheckpointId: l.base.checkpointId } : { baseUri: l.base.uri }),
  };
  return (await createRun(body, `${session}-${fnv(JSON.stringify(body))}`)).id;
}
