/// <reference lib="webworker" />
/**
 * The training Web Worker: REINFORCE (lib/training, unchanged) in the tab, on the backend
 * `auto` picks (WebGPU, WebGL, WASM, CPU) or the one requested, posting every step's log to the
 * page. It starts from a fresh model (with a short MLE warm-up), from a checkpoint (shipped on
 * the server or saved in this browser), or resumes a tab run saved earlier. The tuned policy
 * is saved to IndexedDB with its optimizer state at the end, where the user stopped it, or where
 * it halted on skipped updates ("halted" then says why), so the run can be resumed.
 */
import * as tf from "@tensorflow/tfjs-core";
import { compileRewardSpec, DEFAULT_REWARD_SPECS, parseRewardSpec, trainerRewardContext, type RewardSpec, type TaskId } from "@/lib/rewards";
import { taskDefinition, type Policy } from "@/lib/tasks";
import { selectBackend } from "../backend";
import { loadBrowserCheckpoint, newBrowserUri, saveBrowserCheckpoint } from "../browser-checkpoints";
import { fromArtifacts, manifestOf, toArtifacts, type CheckpointManifest } from "../checkpoint";
import { trainMle } from "../mle";
import { trainReinforce } from "../reinforce";
import { MleSettingsSchema, ReinforceSettingsSchema, type ReinforceSettings } from "../settings";
import type { TrainResult } from "../skips";
import { tabReinforceSettings } from "../tab-settings";
import { TabJobSchema, type FromWorker, type HaltedMessage, type TabJob, type ToWorker } from "./tab-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);
let abort: AbortController | null = null;

/** A trainer's halt as the page hears it. */
function halted(kind: HaltedMessage["kind"], reason: string, r: TrainResult, of: number, t0: number): HaltedMessage {
  return { type: "halted", kind, reason, step: r.step, of, skippedSteps: r.skippedSteps, backend: tf.getBackend(), seconds: (performance.now() - t0) / 1000 };
}

/** What a run starts from: the policy to tune, its frozen reference, and where to save. */
interface Start {
  policy: Policy;
  reference: Policy;
  parent: string;
  settings: ReinforceSettings;
  spec: RewardSpec;
  optimizer: tf.Optimizer;
  step: number;
  uri: string;
}

function manifest(task: TaskId, policy: Policy, m: Pick<CheckpointManifest, "parent" | "run" | "rewardSpec" | "evalMetrics">): CheckpointManifest {
  return { format: "reward-studio-checkpoint/1", task, architecture: policy.architecture, params: policy.params.count(), ...m, createdAt: new Date().toISOString() };
}

/** Builds the policy `artifacts` (loaded from `uri`) describe, refusing a checkpoint of another task. */
async function policyFrom(artifacts: tf.io.ModelArtifacts, uri: string, task: TaskId, optimizer?: tf.Optimizer): Promise<Policy> {
  const loaded = await fromArtifacts(artifacts, optimizer);
  if (loaded.manifest.task !== task) {
    loaded.policy.dispose();
    throw new Error(`checkpoint ${uri} is a ${loaded.manifest.task} model, not ${task}`);
  }
  return loaded.policy;
}

/** Where the run starts, or the MLE warm-up's halt (then there is nothing to tune). */
async function prepare(job: TabJob, backend: string, held: Policy[], t0: number): Promise<Start | HaltedMessage> {
  const spec = parseRewardSpec(DEFAULT_REWARD_SPECS[job.task]);
  if (job.resume && job.from) {
    // Continue the saved run: its settings, reward, reference and optimizer state.
    const saved = await loadBrowserCheckpoint(job.from);
    const m = manifestOf(saved);
    if (m.run?.kind !== "reinforce" || !m.parent || !m.rewardSpec) throw new Error(`checkpoint ${job.from} is not a tuning run that can be resumed`);
    const settings = ReinforceSettingsSchema.parse(m.run.settings);
    if (m.run.step >= settings.steps) throw new Error(`the run saved at ${job.from} is complete (${m.run.step} of ${settings.steps} steps)`);
    const optimizer = tf.train.adam(settings.lr);
    const policy = await policyFrom(saved, job.from, job.task, optimizer);
    held.push(policy);
    const reference = await policyFrom(await loadBrowserCheckpoint(m.parent), m.parent, job.task);
    held.push(reference);
    return { policy, reference, parent: m.parent, settings, spec: parseRewardSpec(m.rewardSpec), optimizer, step: m.run.step, uri: job.from };
  }
  // The task's tuning recipe (lr, temperature, baseline); batch and samples stay the tab's.
  const settings = tabReinforceSettings(job);
  const uri = newBrowserUri(job.task, "reinforce");
  if (job.from) {
    // One read of the checkpoint: the policy to tune and its frozen reference start equal.
    const artifacts = await loadBrowserCheckpoint(job.from);
    const policy = await policyFrom(artifacts, job.from, job.task);
    held.push(policy);
    const reference = await policyFrom(artifacts, job.from, job.task);
    held.push(reference);
    return { policy, reference, parent: job.from, settings, spec, optimizer: tf.train.adam(settings.lr), step: 0, uri };
  }
  // A fresh model: a few MLE steps so there is something to tune; saved as the run's parent.
  const task = taskDefinition(job.task);
  const policy = task.createPolicy(job.size, job.seed);
  held.push(policy);
  const reference = task.createPolicy(job.size, job.seed);
  held.push(reference);
  const mle = MleSettingsSchema.parse({ task: job.task, size: job.size, steps: Math.max(1, job.pretrainSteps), batchSize: 8, lr: 1e-3, seed: job.seed });
  let done = 0;
  if (job.pretrainSteps > 0) {
    const opt = tf.train.adam(mle.lr);
    const r = await trainMle(policy, opt, mle, { onStep: (log) => post({ type: "mle-step", log }), signal: abort?.signal });
    opt.dispose();
    if (r.halted !== undefined) return halted("mle", r.halted, r, mle.steps, t0);
    done = r.step;
  }
  for (const [name, v] of policy.params.vars) reference.params.vars.get(name)?.assign(v);
  const parent = newBrowserUri(job.task, "mle");
  await saveBrowserCheckpoint(parent, await toArtifacts(reference, manifest(job.task, reference, {
    parent: null, run: { kind: "mle", step: done, seed: job.seed, settings: mle, backend }, rewardSpec: null, evalMetrics: null,
  })));
  post({ type: "saved", uri: parent, kind: "mle", step: done, of: mle.steps });
  return { policy, reference, parent, settings, spec, optimizer: tf.train.adam(settings.lr), step: 0, uri };
}

async function run(raw: unknown, wasmPaths: string): Promise<void> {
  const job = TabJobSchema.parse(raw);
  const t0 = performance.now();
  const choice = await selectBackend(job.backend, { wasmPaths });
  post({ type: "backend", choice });
  abort = new AbortController();
  const held: Policy[] = [];
  try {
    const s = await prepare(job, choice.backend, held, t0);
    if ("type" in s) {
      post(s);
      return;
    }
    let evalMetrics: Record<string, number> | null = null;
    const ctx = trainerRewardContext();
    const r = await trainReinforce(
      { policy: s.policy, reference: s.reference, spec: compileRewardSpec(s.spec), ctx, optimizer: s.optimizer, settings: s.settings },
      {
        onStep: (log) => post({ type: "step", log }),
        onEval: (log) => { evalMetrics = log.metrics; post({ type: "eval", log }); },
        signal: abort.signal,
      },
      s.step,
    );
    // The end, a stop, or a halt on skipped updates: the weights are the last good ones (skips never touch them).
    const reached = r.step;
    await saveBrowserCheckpoint(s.uri, await toArtifacts(s.policy, manifest(job.task, s.policy, {
      parent: s.parent, run: { kind: "reinforce", step: reached, seed: s.settings.seed, settings: s.settings, backend: choice.backend }, rewardSpec: s.spec, evalMetrics,
    }), s.optimizer));
    post({ type: "saved", uri: s.uri, kind: "reinforce", step: reached, of: s.settings.steps });
    s.optimizer.dispose();
    if (r.halted !== undefined) post(halted("reinforce", r.halted, r, s.settings.steps, t0));
    else post({ type: "done", steps: reached, stopped: reached < s.settings.steps, skippedSteps: r.skippedSteps, backend: tf.getBackend(), seconds: (performance.now() - t0) / 1000 });
  } finally {
    for (const p of held) p.dispose();
    abort = null;
  }
}

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  if (e.data.type === "stop") {
    abort?.abort();
    return;
  }
  run(e.data.job, e.data.wasmPaths).catch((err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) }));
};
