/// <reference lib="webworker" />
/**
 * The training Web Worker: runs MLE warm-up then REINFORCE (lib/training, unchanged) in the
 * tab, on the backend `auto` picks (WebGPU, WebGL, WASM, CPU) or the one requested, and posts
 * every step's log to the page.
 */
import * as tf from "@tensorflow/tfjs-core";
import { DEFAULT_REWARD_SPECS, parseRewardSpec, shapeWorldRewardContext } from "@/lib/rewards";
import { taskDefinition } from "@/lib/tasks";
import { selectBackend } from "./backend";
import { trainMle } from "./mle";
import { trainReinforce } from "./reinforce";
import { MleSettingsSchema, ReinforceSettingsSchema } from "./settings";
import { TabJobSchema, type FromWorker, type ToWorker } from "./worker-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);
let abort: AbortController | null = null;

async function run(raw: unknown, wasmPaths: string): Promise<void> {
  const job = TabJobSchema.parse(raw);
  const t0 = performance.now();
  post({ type: "backend", choice: await selectBackend(job.backend, { wasmPaths }) });
  const task = taskDefinition(job.task);
  const policy = task.createPolicy(job.size, job.seed);
  const reference = task.createPolicy(job.size, job.seed);
  abort = new AbortController();
  try {
    // 1. A few MLE steps, so the policy has something to tune; the reference gets the same.
    const mle = MleSettingsSchema.parse({ task: job.task, size: job.size, steps: Math.max(1, job.pretrainSteps), batchSize: 8, lr: 1e-3, seed: job.seed });
    if (job.pretrainSteps > 0) {
      await trainMle(policy, tf.train.adam(mle.lr), mle, { onStep: (log) => post({ type: "mle-step", log }), signal: abort.signal });
      for (const [name, v] of policy.params.vars) reference.params.vars.get(name)?.assign(v);
    }
    // 2. REINFORCE with the task's default reward (the paper's choice).
    const settings = ReinforceSettingsSchema.parse({
      task: job.task, steps: job.steps, batchSize: job.batchSize, samples: job.samples, lr: 1e-4, seed: job.seed, evalEvery: job.steps, evalCount: job.evalCount,
    });
    const ctx = shapeWorldRewardContext({ scenes: 200 });
    const spec = parseRewardSpec(DEFAULT_REWARD_SPECS[job.task]);
    const steps = await trainReinforce(
      { policy, reference, spec, ctx, optimizer: tf.train.adam(settings.lr), settings },
      { onStep: (log) => post({ type: "step", log }), onEval: (log) => post({ type: "eval", log }), signal: abort.signal },
    );
    post({ type: "done", steps, backend: tf.getBackend(), seconds: (performance.now() - t0) / 1000 });
  } finally {
    policy.dispose();
    reference.dispose();
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
