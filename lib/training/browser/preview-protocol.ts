/**
 * Messages between the reward composer and its preview Web Worker. The worker loads a
 * checkpoint (and the task's shipped MLE model as the KL reference), draws N samples per
 * validation scene, scores the requested terms once per sample and keeps the draw, so terms
 * added later are scored from the stored outputs without resampling. Types and zod only (no
 * TF.js), so the page imports it freely.
 */
import { z } from "zod";
import { TASK_IDS, type OutputOf, type TaskId } from "@/lib/rewards/task-types";
import type { BackendChoice } from "../backend";
import type { PreviewRow, PreviewTermRequest } from "../preview";

export type { PreviewRow, PreviewTermRequest } from "../preview";

export const PreviewJobSchema = z
  .object({
    task: z.enum(TASK_IDS),
    /** The checkpoint to sample from: a shipped /models/… path, /api/checkpoints/<id>/model.json, or indexeddb://…. */
    checkpoint: z.string().min(1).max(500),
    /** The frozen reference for KL and the drift terms: the task's shipped MLE model. */
    reference: z.string().min(1).max(500),
    samples: z.number().int().min(1).max(16).default(4),
    scenes: z.number().int().min(1).max(16).default(4),
    /** The first validation scene (val index); scenes are val[first], val[first + 1], …. */
    first: z.number().int().min(0).max(10_000).default(0),
    temperature: z.number().positive().max(10).default(1),
    seed: z.number().int().min(0).default(0),
    backend: z.enum(["auto", "webgpu", "webgl", "wasm", "cpu"]).default("wasm"),
  })
  .strict();
export type PreviewJob = z.output<typeof PreviewJobSchema>;

export type ToPreviewWorker =
  | { type: "sample"; job: z.input<typeof PreviewJobSchema>; terms: PreviewTermRequest[]; wasmPaths: string }
  /** Score more terms on the stored draw; answered by "scored" with the same `id`. */
  | { type: "score"; id: number; terms: PreviewTermRequest[] };

/** What the worker drew: the scenes by val index (at `imageSize`), the rows and the MLE outputs. */
export interface PreviewBatch<T extends TaskId = TaskId> {
  task: T;
  checkpoint: string;
  imageSize: number;
  /** Val index of each scene of the preview. */
  sceneIndexes: number[];
  samples: number;
  temperature: number;
  rows: PreviewRow<T>[];
  /** The reference (MLE) model's greedy output per scene. */
  mle: OutputOf<T>[];
  backend: string;
  /** Wall time of loading, sampling (with log p and KL) and scoring, ms. */
  ms: { load: number; sample: number; score: number };
}

export type FromPreviewWorker =
  | { type: "backend"; choice: BackendChoice }
  | { type: "progress"; phase: "loading" | "sampling" | "scoring"; done: number; of: number }
  | { type: "sampled"; batch: PreviewBatch; raw: Record<string, number[]>; failed: Record<string, string> }
  | { type: "scored"; id: number; raw: Record<string, number[]>; failed: Record<string, string>; ms: number }
  | { type: "error"; message: string };
