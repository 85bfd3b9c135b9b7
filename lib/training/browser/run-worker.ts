/// <reference lib="webworker" />
/**
 * The Web Worker that trains a server run (/runs/<id>) in this tab: trainReinforce (the CLI's
 * trainer, unchanged) with the run's reward spec and settings, from its base checkpoint or,
 * resuming, from the last checkpoint it uploaded (optimizer state included; the base stays the
 * frozen reference). It posts every step's log to the page and reports to the server itself:
 * metric points through the IndexedDB outbox (flushed first on start), a heartbeat, greedy
 * samples at each evaluation, and checkpoints every `checkpointEvery` steps and at the end, on
 * pause and on stop.
 */
import * as tf from "@tensorflow/tfjs-core";
import { compileRewardSpec, parseRewardSpec, trainerRewardContext, type TaskId } from "@/lib/rewards";
import type { Policy } from "@/lib/tasks";
import { selectBackend } from "../backend";
import { loadBrowserCheckpoint } from "../browser-checkpoints";
import { fromArtifacts } from "../checkpoint";
import { evalSamples } from "../eval-samples";
import { evaluatePolicy } from "../evaluate";
import { basePoints, evalPoints, stepPoints } from "../metric-points";
import { trainReinforce } from "../reinforce";
import { ReinforceSettingsSchema } from "../settings";
import { drainOutbox, Outbox } from "./outbox";
import { browserOutboxStore } from "./outbox-idb";
import { postRunStatus, postSamples, sendMetrics } from "./run-client";
import { saveRunCheckpoint } from "./run-checkpoint";
import { RunJobSchema, type FromRunWorker, type RunEnd, type ToRunWorker } from "./run-protocol";
import { startHeartbeat, startPump } from "./run-sync";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromRunWorker) => scope.postMessage(m);
const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
let abort: AbortController | null = null;

async function policyFrom(uri: string, task: TaskId, optimizer?: tf.Optimizer): Promise<Policy> {
  const loaded = await fromArtifacts(await loadBrowserCheckpoint(uri), optimizer);
  if (loaded.manifest.task !== task) {
    loaded.policy.dispose();
    throw new Error(`checkpoint ${uri} is a ${loaded.manifest.task} model, not ${task}`);
  }
  return loaded.policy;
}

async function run(raw: unknown, wasmPaths: string): Promise<void> {
  const t0 = performance.now();
  const job = RunJobSchema.parse(raw);
  const settings = ReinforceSettingsSchema.parse(job.settings);
  const spec = parseRewardSpec(job.spec);
  const choice = await selectBackend(job.backend, { wasmPaths });
  post({ type: "backend", choice });
  const backend = { backend: choice.backend, backendReason: job.backendReason };
  abort = new AbortController();
  const signal = abort.signal;

  // 1. What an earlier page of this run left unsent goes first (the server ignores repeats).
  post({ type: "preparing", what: "sending points left from before" });
  const outbox = new Outbox((await browserOutboxStore()).store, job.runId, { send: sendMetrics });
  await drainOutbox(outbox, { timeoutMs: 5000 });
  post({ type: "outbox", state: outbox.state() });
  await postRunStatus(job.runId, { status: "running", ...backend });
  const sync = [startPump(outbox, (state) => post({ type: "outbox", state })), startHeartbeat(job.runId, backend)];

  const held: Policy[] = [];
  let step = job.resume?.step ?? 0;
  let end: RunEnd = "completed";
  let why: string | undefined;
  try {
    // 2. The frozen reference is the base checkpoint; the policy is the base, or the run's last checkpoint.
    post({ type: "preparing", what: job.resume ? `loading the checkpoint at step ${job.resume.step}` : "loading the base checkpoint" });
    const optimizer = tf.train.adam(settings.lr);
    const reference = await policyFrom(job.baseUri, settings.task);
    held.push(reference);
    const policy = await policyFrom(job.resume?.uri ?? job.baseUri, settings.task, job.resume ? optimizer : undefined);
    held.push(policy);
    const compiled = compileRewardSpec(spec);
    const ctx = trainerRewardContext();
    const ck = { runId: job.runId, policy, optimizer, settings, spec, parent: job.baseUri, backend: choice.backend };
    let evalMetrics: Record<string, number> | null = null;
    const checkpoint = async (at: number) => {
      try {
        post({ type: "checkpoint", step: at, uri: await saveRunCheckpoint(ck, at, evalMetrics) });
      } catch (err) {
        post({ type: "checkpoint", step: at, error: message(err) });
      }
    };

    // Both after `done` steps (trainReinforce evaluates after steps k*evalEvery and the last; the end is checkpointed below).
    const evalDue = (done: number) => settings.evalEvery > 0 && (done % settings.evalEvery === 0 || done === settings.steps);
    const checkpointDue = (done: number) => settings.checkpointEvery > 0 && done % settings.checkpointEvery === 0 && done < settings.steps;

    // The base model evaluated as the run will be (same scenes, same decoding): the reference line.
    if (!job.resume && settings.evalEvery > 0) {
      post({ type: "preparing", what: "evaluating the base checkpoint" });
      await outbox.add(basePoints(await evaluatePolicy(reference, "val", settings.evalCount)));
    }

    // 3. Train; every step's points go to the outbox, checkpoints every K steps, samples at each evaluation.
    const r = await trainReinforce({ policy, reference, spec: compiled, ctx, optimizer, settings }, {
      onStep: async (log) => {
        post({ type: "step", log });
        await outbox.add(stepPoints(log));
        step = log.step + 1;
        // A checkpoint waits for the step's evaluation, if it has one: a resume from it must not skip that evaluation.
        if (checkpointDue(step) && !evalDue(step)) await checkpoint(step);
      },
      onEval: async (log) => {
        evalMetrics = log.metrics;
        post({ type: "eval", log });
        await outbox.add(evalPoints(log));
        try {
          const samples = await evalSamples({ policy, reference, spec: compiled, ctx, temperature: settings.temperature });
          await postSamples(job.runId, { step: log.step, samples });
          post({ type: "samples", step: log.step, count: samples.length });
        } catch (err) {
          post({ type: "samples", step: log.step, count: 0, error: message(err) });
        }
        if (checkpointDue(log.step + 1)) await checkpoint(log.step + 1);
      },
      signal,
    }, step);
    step = r.step;
    // 4. The end, a pause, a stop or a halt: the weights are the last good ones (skips never touch them).
    await checkpoint(step);
    optimizer.dispose();
    const asked = signal.aborted ? (signal.reason as string) : null;
    if (r.halted !== undefined) [end, why] = ["failed", `halted at step ${r.step}: ${r.halted}`];
    else if (asked === "pause") end = "paused";
    else if (asked === "stop") end = "cancelled";
  } catch (err) {
    [end, why] = ["failed", message(err)];
  } finally {
    for (const p of held) p.dispose();
    abort = null;
  }
  // 5. Every point out before the status says the run is over: a finished run takes no more
  // points. While the server is away the heartbeat goes on and this waits (closing the tab
  // leaves the run interrupted; resuming it sends the rest first).
  post({ type: "preparing", what: "sending the last points" });
  while (!(await drainOutbox(outbox, { timeoutMs: 60_000 }))) post({ type: "outbox", state: outbox.state() });
  for (const s of sync) s.stop();
  post({ type: "outbox", state: outbox.state() });
  await postRunStatus(job.runId, { status: end, ...(why ? { error: why.slice(0, 2000) } : {}), ...backend }).catch((err: unknown) => {
    why = `${why ? `${why}; ` : ""}the server was not told the run ${end === "failed" ? "failed" : `is ${end}`}: ${message(err)}`;
  });
  post({ type: "ended", status: end, step, ...(why ? { message: why } : {}), seconds: (performance.now() - t0) / 1000 });
}

scope.onmessage = (e: MessageEvent<ToRunWorker>) => {
  const m = e.data;
  if (m.type === "pause" || m.type === "stop") {
    abort?.abort(m.type);
    return;
  }
  run(m.job, m.wasmPaths).catch((err: unknown) => post({ type: "ended", status: "failed", step: 0, message: message(err), seconds: 0 }));
};
