/// <reference lib="webworker" />
/**
 * The reward preview's Web Worker: loads the checkpoint and the shipped MLE reference on the
 * backend asked for (WASM by default), draws N samples per validation scene (lib/training
 * preview, as the trainer draws them), scores every requested term once per sample, and keeps
 * the draw to score terms added later without resampling. The page re-weights the raw values
 * itself (combineTerms), so a weight change never comes here.
 */
import * as tf from "@tensorflow/tfjs-core";
import { sceneAt, type Scene } from "@/lib/data";
import { trainerRewardContext } from "@/lib/rewards";
import type { Policy } from "@/lib/tasks";
import { selectBackend } from "../backend";
import { loadBrowserCheckpoint } from "../browser-checkpoints";
import { fromArtifacts } from "../checkpoint";
import { imageSizeOf } from "../evaluate";
import { drawPreview, scorePreview, type PreviewDraw } from "../preview";
import { PreviewJobSchema, type FromPreviewWorker, type PreviewJob, type ToPreviewWorker } from "./preview-protocol";

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromPreviewWorker) => scope.postMessage(m);

/** The last draw, kept for "score" requests. */
let kept: { job: PreviewJob; draw: PreviewDraw; scenes: Scene[] } | null = null;
/** CIDEr-D's idf and the detection class weights from 200 training scenes, as the tab trainer uses. */
const context = trainerRewardContext;

async function loadPolicy(uri: string, task: string): Promise<Policy> {
  const { policy, manifest } = await fromArtifacts(await loadBrowserCheckpoint(uri));
  if (manifest.task !== task) {
    policy.dispose();
    throw new Error(`checkpoint ${uri} is a ${manifest.task} model, not ${task}`);
  }
  return policy;
}

async function sample(raw: unknown, terms: Parameters<typeof scorePreview>[3], wasmPaths: string): Promise<void> {
  const job = PreviewJobSchema.parse(raw);
  const t0 = performance.now();
  post({ type: "progress", phase: "loading", done: 0, of: 1 });
  const choice = await selectBackend(job.backend, { wasmPaths });
  post({ type: "backend", choice });
  const held: Policy[] = [];
  try {
    const policy = await loadPolicy(job.checkpoint, job.task);
    held.push(policy);
    // The checkpoint is its own reference when it is the MLE model (KL 0, no second pass).
    const reference = job.reference === job.checkpoint ? null : await loadPolicy(job.reference, job.task);
    if (reference) held.push(reference);
    const imageSize = imageSizeOf(policy);
    const sceneIndexes = Array.from({ length: job.scenes }, (_, i) => job.first + i);
    const scenes = sceneIndexes.map((i) => sceneAt("val", i, { size: imageSize }));
    const t1 = performance.now();
    post({ type: "progress", phase: "sampling", done: 0, of: scenes.length });
    const draw = await drawPreview(policy, reference, scenes, { n: job.samples, temperature: job.temperature, seed: job.seed }, (done, of) =>
      post({ type: "progress", phase: "sampling", done, of }),
    );
    const t2 = performance.now();
    post({ type: "progress", phase: "scoring", done: 0, of: 1 });
    const scored = scorePreview(job.task, draw, scenes, terms, context());
    kept = { job, draw, scenes };
    const ms = { load: t1 - t0, sample: t2 - t1, score: performance.now() - t2 };
    post({
      type: "sampled",
      batch: { task: job.task, checkpoint: job.checkpoint, imageSize, sceneIndexes, samples: job.samples, temperature: job.temperature, rows: draw.rows, mle: draw.mle, backend: tf.getBackend(), ms },
      ...scored,
    });
  } finally {
    for (const p of held) p.dispose();
  }
}

scope.onmessage = (e: MessageEvent<ToPreviewWorker>) => {
  const m = e.data;
  if (m.type === "score") {
    if (!kept) {
      post({ type: "error", message: "nothing sampled yet: run the preview first" });
      return;
    }
    const t0 = performance.now();
    const scored = scorePreview(kept.job.task, kept.draw, kept.scenes, m.terms, context());
    post({ type: "scored", id: m.id, ...scored, ms: performance.now() - t0 });
    return;
  }
  sample(m.job, m.terms, m.wasmPaths).catch((err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) }));
};
