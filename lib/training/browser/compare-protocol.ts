/**
 * Messages between the compare page and its Web Worker: the page names two checkpoints, the
 * scenes and the reward spec; the worker decodes both greedily on those scenes (reporting each
 * scene as it is done), scores every term, bootstraps the aggregates and posts the result.
 * Types and the job's schema only (no TF.js), so the page imports it freely.
 */
import { z } from "zod";
import { MAX_COMPARE_SCENES, type ComparedScene, type ComparisonResult } from "@/lib/compare/contract";
import type { BackendChoice } from "../backend";

const checkpoint = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  /** Its model.json on this server (a shipped /models/… path or /api/checkpoints/<id>/model.json). */
  uri: z.string().min(1).max(500),
}).strict();

export const CompareJobSchema = z.object({
  a: checkpoint,
  b: checkpoint,
  split: z.enum(["train", "val", "test"]),
  start: z.number().int().min(0),
  count: z.number().int().min(1).max(MAX_COMPARE_SCENES),
  /** A RewardSpec (JSON) for the checkpoints' task; parsed in the worker with the one schema. */
  spec: z.unknown(),
  backend: z.enum(["auto", "webgpu", "webgl", "wasm", "cpu"]).default("wasm"),
  /** Scenes decoded per greedy batch: small batches report progress often. */
  batchSize: z.number().int().min(1).max(64).default(4),
  maxResamples: z.number().int().min(0).max(10_000).default(1000),
}).strict();
export type CompareJob = z.input<typeof CompareJobSchema>;

export type ToCompareWorker = { type: "compare"; job: CompareJob; wasmPaths: string };

export type FromCompareWorker =
  | { type: "backend"; choice: BackendChoice }
  /** Both checkpoints are loaded (ms since the job arrived). */
  | { type: "loaded"; loadMs: number }
  /** Scenes decoded and scored so far (`scenes`: the newly done ones, in order). */
  | { type: "progress"; done: number; of: number; scenes: ComparedScene[] }
  /** Every scene is in; the bootstrap of the aggregates is running. */
  | { type: "aggregating" }
  | { type: "done"; result: ComparisonResult }
  | { type: "error"; message: string };
