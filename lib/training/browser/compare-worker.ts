/// <reference lib="webworker" />
/**
 * The compare Worker: loads checkpoints A and B (same task) from this server, decodes both
 * greedily on the same scenes in small batches, scores each batch with the reward spec as it
 * goes (posting progress), then the task's metrics with a paired bootstrap. Off the page's
 * thread, so the page stays responsive while it runs.
 */
import { compileRewardSpec, trainerRewardContext, type OutputOf, type TaskId } from "@/lib/rewards";
import type { Policy } from "@/lib/tasks";
import { selectBackend } from "../backend";
import { loadBrowserCheckpoint } from "../browser-checkpoints";
import { fromArtifacts } from "../checkpoint";
import { aggregateComparison, compareScenes, scoreComparison } from "../compare";
import { imageSizeOf } from "../evaluate";
import { yieldToEventLoop } from "../scenes";
import { CompareJobSchema, type FromCompareWorker, type ToCompareWorker } from "./compare-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromCompareWorker) => scope.postMessage(m);

async function load(side: { name: string; uri: string }, held: Policy[]): Promise<Policy> {
  const { policy } = await fromArtifacts(await loadBrowserCheckpoint(side.uri));
  held.push(policy);
  return policy;
}

async function compare(raw: unknown, wasmPaths: string): Promise<void> {
  const job = CompareJobSchema.parse(raw);
  const t0 = performance.now();
  const choice = await selectBackend(job.backend, { wasmPaths });
  post({ type: "backend", choice });
  const held: Policy[] = [];
  try {
    const a = await load(job.a, held);
    const b = await load(job.b, held);
    if (a.task !== b.task) throw new Error(`${job.a.name} is a ${a.task} model and ${job.b.name} a ${b.task} one: compare two models of one task`);
    if (imageSizeOf(a) !== imageSizeOf(b)) throw new Error(`${job.a.name} takes ${imageSizeOf(a)}-pixel images and ${job.b.name} ${imageSizeOf(b)}: they cannot see the same scenes`);
    const task = a.task as TaskId;
    // Scored without its KL fold: scoreComparison drops it (compiled once, then kept).
    const spec = compileRewardSpec(job.spec);
    if (spec.spec.task !== task) throw new Error(`the reward spec is for ${spec.spec.task}, the checkpoints are ${task} models`);
    post({ type: "loaded", loadMs: performance.now() - t0 });
    // The trainer's reward context (CIDEr-D idf over 200 training scenes): a scene scores the same whichever others are compared.
    const ctx = trainerRewardContext();
    const scenes = compareScenes(job.split, job.start, job.count, imageSizeOf(a));
    const outA: OutputOf<TaskId>[] = [];
    const outB: OutputOf<TaskId>[] = [];
    let done = 0;
    for (let i = 0; i < scenes.length; i += job.batchSize) {
      const batch = scenes.slice(i, i + job.batchSize);
      const ya = await a.greedy(batch);
      const yb = await b.greedy(batch);
      outA.push(...ya);
      outB.push(...yb);
      done += batch.length;
      post({ type: "progress", done, of: scenes.length, scenes: scoreComparison(spec, batch, ya, yb, ctx).scenes });
      await yieldToEventLoop();
    }
    post({ type: "aggregating" });
    // Scored again all together: a batch-normalised term then shares one scale over every scene.
    const scored = scoreComparison(spec, scenes, outA, outB, ctx);
    const aggregates = aggregateComparison(task, scenes, outA, outB, scored, { maxResamples: job.maxResamples });
    post({ type: "done", result: { task, ...scored, aggregates, backend: choice.backend, seconds: (performance.now() - t0) / 1000 } });
  } finally {
    for (const p of held) p.dispose();
  }
}

scope.onmessage = (e: MessageEvent<ToCompareWorker>) => {
  compare(e.data.job, e.data.wasmPaths).catch((err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) }));
};
