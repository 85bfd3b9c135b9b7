/**
 * Messages between a run's page (/runs/<id>) and the Web Worker that trains it
 * (./run-worker.ts). The worker talks to the server itself (points through the outbox,
 * heartbeats, samples, checkpoints), so the page only shows what it hears and asks for pause
 * or stop.
 */
import { z } from "zod";
import type { BackendChoice } from "../backend";
import { BACKEND_NAMES } from "../backend-names";
import type { EvalLog } from "../mle";
import type { ReinforceStepLog } from "../reinforce";
import type { OutboxState } from "./outbox";

export const RunJobSchema = z
  .object({
    runId: z.string().min(1),
    /** ReinforceSettings (parsed again by the worker with ReinforceSettingsSchema). */
    settings: z.record(z.string(), z.unknown()),
    /** The reward spec version's body. */
    spec: z.unknown(),
    /** The base checkpoint: where a new run starts, and the frozen reference of every run. */
    baseUri: z.string().min(1),
    /** Continue from a checkpoint the run uploaded (with its optimizer state), at the step it reached. */
    resume: z.object({ uri: z.string().min(1), step: z.number().int().min(0) }).strict().optional(),
    /** Already chosen by the page (auto's measurement, or the user's pick), with why. */
    backend: z.enum(BACKEND_NAMES),
    backendReason: z.string().max(500),
  })
  .strict();
export type RunJob = z.input<typeof RunJobSchema>;

/** How a run in the tab ended, as the server records it. */
export type RunEnd = "completed" | "paused" | "cancelled" | "failed";

export type ToRunWorker = { type: "start"; job: RunJob; wasmPaths: string } | { type: "pause" } | { type: "stop" };

export type FromRunWorker =
  | { type: "backend"; choice: BackendChoice }
  /** Loading the checkpoints, flushing what an earlier page left unsent. */
  | { type: "preparing"; what: string }
  | { type: "step"; log: ReinforceStepLog }
  | { type: "eval"; log: EvalLog }
  | { type: "samples"; step: number; count: number; error?: string }
  /** A checkpoint saved in this browser and uploaded (`error` when the upload failed; the run goes on). */
  | { type: "checkpoint"; step: number; uri?: string; error?: string }
  | { type: "outbox"; state: OutboxState }
  /** The trainer is done: `step` steps reached, the status the server was told, and why when it failed. */
  | { type: "ended"; status: RunEnd; step: number; message?: string; seconds: number };
