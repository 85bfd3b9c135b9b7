/**
 * `reward-studio pretrain` and `reward-studio tune`: the paper's two steps, headless, with a
 * progress bar on stderr, metrics in <out>/metrics.jsonl and a checkpoint in <out>.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { compileRewardSpec, parseRewardSpec, shapeWorldRewardContext, type RewardSpec, type TaskId } from "@/lib/rewards";
import { taskDefinition, type Policy } from "@/lib/tasks";
import type { Baseline } from "@/lib/training/baseline";
import {
  evaluatePolicy, MleSettingsSchema, ReinforceSettingsSchema, TASK_TUNE_DEFAULTS, toArtifacts, trainMle, trainReinforce,
  type CheckpointManifest, type EvalLog, type MleStepLog, type ReinforceStepLog, type TrainResult,
} from "@/lib/training";
import { saveCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { TrainingHaltedError, UsageError } from "./errors";
import { createProgress, formatMetrics } from "./progress";
import { loadCheckpoint, settingsError, startBackend } from "./runtime";
import { openServerRun, serverTarget, type ServerFlags, type TrainReport } from "./server-run";

export interface CommonTrainOptions {
  task: TaskId;
  steps?: number;
  batch?: number;
  lr?: number;
  seed?: number;
  smoke?: boolean;
  backend: string;
  evalEvery?: number;
  evalCount?: number;
  out: string;
  resume?: boolean;
  maxConsecutiveSkips?: number;
}

/** Smoke runs: the tiny model, a handful of steps, for CI. */
const PRESETS = {
  pretrain: { default: { steps: 3000, batchSize: 32, lr: 1e-3, warmup: 100, evalEvery: 500, evalCount: 200 }, smoke: { steps: 3, batchSize: 4, lr: 1e-3, warmup: 0, evalEvery: 3, evalCount: 8 } },
  tune: { default: { steps: 300, batchSize: 8, lr: 1e-4, warmup: 10, evalEvery: 100, evalCount: 200 }, smoke: { steps: 2, batchSize: 2, lr: 1e-4, warmup: 0, evalEvery: 2, evalCount: 8 } },
} as const;


function pick<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function metricsWriter(out: string, resume: boolean) {
  mkdirSync(out, { recursive: true });
  const file = path.join(out, "metrics.jsonl");
  if (!resume) rmSync(file, { force: true });
  return (record: object) => appendFileSync(file, `${JSON.stringify(record)}\n`);
}

async function save(out: string, policy: Policy, manifest: CheckpointManifest, optimizer: tf.Optimizer): Promise<void> {
  saveCheckpointDir(out, await toArtifacts(policy, manifest, optimizer));
}

/**
 * Runs `train` with checkpoints: every evaluation writes a resumable checkpoint, and the end
 * makes sure the final step is evaluated and saved exactly once. A run halted on skipped updates
 * saves its last good weights (skips never touch them) without a final evaluation, records the
 * halt in metrics.jsonl and throws TrainingHaltedError (exit status 3).
 */
async function trainWithCheckpoints<S>(
  o: { out: string; resume?: boolean; report?: TrainReport<S> }, policy: Policy, optimizer: tf.Optimizer, label: string,
  total: number, start: number, evalCount: number,
  manifest: (step: number, metrics: Record<string, number> | null) => CheckpointManifest,
  summarize: (log: S) => string,
  train: (cb: { onStep: (log: S & { step: number }) => void; onEval: (log: EvalLog) => Promise<void> }) => Promise<TrainResult>,
): Promise<void> {
  const write = metricsWriter(o.out, !!o.resume);
  const progress = createProgress(total, label, start);
  const t0 = performance.now();
  let lastEval: EvalLog | undefined;
  let savedAt = -1;
  const result = await train({
    onStep: (log) => { write(log as object); o.report?.step(log); progress.update(log.step + 1, summarize(log)); },
    onEval: async (log) => {
      lastEval = log;
      write(log);
      o.report?.evaluated(log);
      progress.log(`eval @${log.step + 1}: ${formatMetrics(log.metrics)}`);
      await save(o.out, policy, manifest(log.step + 1, log.metrics), optimizer); // resumable from here
      savedAt = log.step + 1;
      await o.report?.saved(savedAt, o.out);
    },
  });
  progress.stop();
  const end = result.step;
  if (result.halted) {
    write({ phase: "halted", step: end, skippedSteps: result.skippedSteps, reason: result.halted });
    if (savedAt !== end) {
      await save(o.out, policy, manifest(end, null), optimizer);
      await o.report?.saved(end, o.out);
    }
    throw new TrainingHaltedError(`${label} stopped after ${end} of ${total} steps: ${result.halted}. The last good weights are saved in ${o.out} (resumable); every step's log is in metrics.jsonl.`);
  }
  if (!lastEval || lastEval.step !== end - 1) {
    lastEval = { phase: "eval", step: end - 1, split: "val", count: evalCount, metrics: await evaluatePolicy(policy, "val", evalCount) };
    write(lastEval);
    o.report?.evaluated(lastEval);
  }
  if (savedAt !== end) {
    await save(o.out, policy, manifest(end, lastEval.metrics), optimizer);
    await o.report?.saved(end, o.out);
  }
  const skipped = result.skippedSteps > 0 ? ` (${result.skippedSteps} updates skipped, see metrics.jsonl)` : "";
  process.stderr.write(`saved ${o.out} after ${end} steps in ${((performance.now() - t0) / 1000).toFixed(1)} s${skipped}: ${formatMetrics(lastEval.metrics)}\n`);
}

/** `pretrain`: MLE from a fresh model (or resume the run in --out). */
export async function pretrain(o: CommonTrainOptions): Promise<void> {
  const preset = PRESETS.pretrain[o.smoke ? "smoke" : "default"];
  const parsed = MleSettingsSchema.safeParse({
    ...preset, task: o.task, size: o.smoke ? "smoke" : "default", backend: o.backend,
    ...pick({ steps: o.steps, batchSize: o.batch, lr: o.lr, seed: o.seed, evalEvery: o.evalEvery, evalCount: o.evalCount, maxConsecutiveSkips: o.maxConsecutiveSkips }),
  });
  if (!parsed.success) throw settingsError(parsed.error);
  const settings = parsed.data;
  const choice = await startBackend(settings.backend);
  const optimizer = tf.train.adam(settings.lr);
  let policy: Policy;
  let start = 0;
  if (o.resume && existsSync(path.join(o.out, "model.json"))) {
    const loaded = await loadCheckpoint(o.out, "--out", optimizer);
    if (loaded.manifest.run?.kind !== "mle") throw new UsageError(`--resume: ${o.out} is not an MLE run`);
    policy = loaded.policy;
    start = loaded.manifest.run.step;
  } else policy = taskDefinition(o.task).createPolicy(settings.size, settings.seed);
  const manifest = (step: number, evalMetrics: Record<string, number> | null): CheckpointManifest => ({
    format: "reward-studio-checkpoint/1", task: o.task, architecture: policy.architecture, params: policy.params.count(), parent: null,
    run: { kind: "mle", step, seed: settings.seed, settings, backend: choice.backend }, rewardSpec: null,
    evalMetrics, createdAt: new Date().toISOString(),
  });
  try {
    await trainWithCheckpoints<MleStepLog>(
      o, policy, optimizer, `pretrain ${o.task} (${choice.backend})`, settings.steps, start, settings.evalCount, manifest,
      (log) => formatMetrics({ loss: log.loss, "samples/s": log.samplesPerSec }) + (log.skipped ? ` | skipped: ${log.skipped}` : ""),
      (cb) => trainMle(policy, optimizer, settings, cb, start),
    );
  } finally {
    policy.dispose();
  }
}

export interface TuneOptions extends CommonTrainOptions, ServerFlags {
  from: string;
  reward: string;
  samples?: number;
  temperature?: number;
  entropyBonus?: number;
  baseline?: Baseline;
}

function readSpec(file: string, task: TaskId): RewardSpec {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new UsageError(`--reward: cannot read ${file} as JSON (${(err as Error).message})`);
  }
  let spec: RewardSpec;
  try {
    spec = parseRewardSpec(json);
  } catch (err) {
    throw new UsageError(`--reward: ${file}: ${(err as Error).message}`);
  }
  if (spec.task !== task) throw new UsageError(`--reward: ${file} is a ${spec.task} reward; --task is ${task}`);
  return spec;
}

/** `tune`: REINFORCE from an MLE checkpoint against a RewardSpec (or resume the run in --out). */
export async function tune(o: TuneOptions): Promise<void> {
  const target = serverTarget(o);
  if (target && o.resume) throw new UsageError("--resume: not with --server yet (a resumed run would be a new run on the server)");
  const spec = readSpec(o.reward, o.task);
  const preset = PRESETS.tune[o.smoke ? "smoke" : "default"];
  const parsed = ReinforceSettingsSchema.safeParse({
    ...preset, task: o.task, backend: o.backend, ...(o.smoke ? { samples: 2 } : TASK_TUNE_DEFAULTS[o.task]),
    ...pick({ steps: o.steps, batchSize: o.batch, lr: o.lr, seed: o.seed, evalEvery: o.evalEvery, evalCount: o.evalCount, samples: o.samples, temperature: o.temperature, entropyBonus: o.entropyBonus, baseline: o.baseline, maxConsecutiveSkips: o.maxConsecutiveSkips }),
  });
  if (!parsed.success) throw settingsError(parsed.error);
  const settings = parsed.data;
  const choice = await startBackend(settings.backend);
  const optimizer = tf.train.adam(settings.lr);
  const resuming = !!o.resume && existsSync(path.join(o.out, "model.json"));
  const reference = await loadCheckpoint(o.from, "--from");
  if (reference.manifest.task !== o.task) throw new UsageError(`--from: ${o.from} is a ${reference.manifest.task} checkpoint; --task is ${o.task}`);
  const current = await loadCheckpoint(resuming ? o.out : o.from, resuming ? "--out" : "--from", resuming ? optimizer : undefined);
  const start = resuming ? (current.manifest.run?.step ?? 0) : 0;
  const policy = current.policy;
  const manifest = (step: number, evalMetrics: Record<string, number> | null): CheckpointManifest => ({
    format: "reward-studio-checkpoint/1", task: o.task, architecture: policy.architecture, params: policy.params.count(), parent: path.resolve(o.from),
    run: { kind: "reinforce", step, seed: settings.seed, settings, backend: choice.backend }, rewardSpec: spec,
    evalMetrics, createdAt: new Date().toISOString(),
  });
  const setup = { policy, reference: reference.policy, spec: compileRewardSpec(spec), ctx: shapeWorldRewardContext(), optimizer, settings };
  let report: TrainReport<ReinforceStepLog> | undefined;
  try {
    report = target ? await openServerRun({ target, task: o.task, settings, from: o.from, backend: choice.backend }) : undefined;
    await trainWithCheckpoints<ReinforceStepLog>(
      { out: o.out, resume: resuming, report }, policy, optimizer, `tune ${o.task} (${choice.backend})`, settings.steps, start, settings.evalCount, manifest,
      (log) => formatMetrics({ reward: log.composite.mean, kl: log.kl, entropy: log.entropy, "samples/s": log.samplesPerSec }) + (log.skipped ? ` | skipped: ${log.skipped}` : ""),
      (cb) => trainReinforce(setup, cb, start),
    );
    await report?.finish();
  } catch (err) {
    await report?.fail(err);
    throw err;
  } finally {
    policy.dispose();
    reference.policy.dispose();
  }
}

/** `eval`: greedy metrics of a checkpoint on a split. */
export async function evalCheckpoint(o: { task: TaskId; checkpoint: string; split: "train" | "val" | "test"; count: number; backend: string }): Promise<object> {
  await startBackend(o.backend);
  const { policy, manifest } = await loadCheckpoint(o.checkpoint, "--checkpoint");
  if (manifest.task !== o.task) throw new UsageError(`--checkpoint: ${o.checkpoint} is a ${manifest.task} checkpoint; --task is ${o.task}`);
  try {
    const metrics = await evaluatePolicy(policy, o.split, o.count);
    return { task: o.task, checkpoint: o.checkpoint, split: o.split, count: o.count, metrics };
  } finally {
    policy.dispose();
  }
}
