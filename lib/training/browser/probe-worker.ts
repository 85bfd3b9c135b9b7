/// <reference lib="webworker" />
/**
 * The backend probe's Worker: on one backend, builds the model a tab run would tune (from its
 * checkpoint, or fresh) and runs a warm-up step and then timed REINFORCE steps of the run's
 * shape, posting each step's time. The page terminates it when it runs past its time limit, so
 * a slow backend (a software WebGPU adapter) costs at most that limit, once per browser.
 */
import * as tf from "@tensorflow/tfjs-core";
import { compileRewardSpec, DEFAULT_REWARD_SPECS, trainerRewardContext, type TaskId } from "@/lib/rewards";
import { createRandom, taskDefinition, type Policy } from "@/lib/tasks";
import { selectBackend } from "../backend";
import { loadBrowserCheckpoint } from "../browser-checkpoints";
import { fromArtifacts } from "../checkpoint";
import { imageSizeOf } from "../evaluate";
import { reinforceStep } from "../reinforce";
import { drawScenes } from "../scenes";
import { tabReinforceSettings } from "../tab-settings";
import type { FromProbeWorker, ProbeJob, ToProbeWorker } from "./probe-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromProbeWorker) => scope.postMessage(m);

/** The policy to time and its frozen reference, equal at the start: one read of the checkpoint. */
async function policiesFor(job: ProbeJob): Promise<[Policy, Policy]> {
  if (!job.from) {
    const task = taskDefinition(job.task as TaskId);
    return [task.createPolicy(job.size, 0), task.createPolicy(job.size, 0)];
  }
  const artifacts = await loadBrowserCheckpoint(job.from);
  return [(await fromArtifacts(artifacts)).policy, (await fromArtifacts(artifacts)).policy];
}

async function probe(m: ToProbeWorker): Promise<void> {
  const t0 = performance.now();
  const choice = await selectBackend(m.backend, { wasmPaths: m.wasmPaths, wasmThreads: m.wasmThreads });
  const [policy, reference] = await policiesFor(m.job);
  const optimizer = tf.train.adam(1e-4);
  try {
    const settings = tabReinforceSettings({ task: m.job.task as TaskId, steps: m.steps + 1, batchSize: m.job.batchSize, samples: m.job.samples, seed: 0, evalCount: 1 });
    // The spec's context (idf over reference captions) is built once, as a run builds it.
    const setup = { policy, reference, spec: compileRewardSpec(DEFAULT_REWARD_SPECS[m.job.task as TaskId]), ctx: trainerRewardContext(), optimizer, settings: { ...settings, evalEvery: 0 } };
    const scenes = drawScenes(createRandom(1), "train", settings.batchSize, imageSizeOf(policy));
    post({ type: "ready", backend: choice.backend, details: choice.details, loadMs: performance.now() - t0 });
    for (let i = 0; i <= m.steps; i++) {
      const s0 = performance.now();
      await reinforceStep(setup, scenes, i);
      post({ type: "step", ms: performance.now() - s0, warmup: i === 0 });
    }
  } finally {
    optimizer.dispose();
    policy.dispose();
    reference.dispose();
  }
}

scope.onmessage = (e: MessageEvent<ToProbeWorker>) => {
  probe(e.data).catch((err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) }));
};
