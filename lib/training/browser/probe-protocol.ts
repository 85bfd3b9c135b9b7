/**
 * Messages of the backend probe: the page starts one probe Worker per candidate backend, each
 * times real REINFORCE steps of the model about to be tuned (same task, checkpoint, batch and
 * samples), and the page keeps the fastest. Types only (no TF.js), so the page imports it freely.
 */
import type { BackendDetails, BackendName } from "../backend";

/** What is timed: the tab job's model and step shape. */
export interface ProbeJob {
  task: string;
  /** Checkpoint address (shipped, IndexedDB or server), or absent for a fresh model of `size`. */
  from?: string;
  size: "default" | "smoke";
  batchSize: number;
  samples: number;
}

export type ToProbeWorker = { type: "probe"; job: ProbeJob; backend: BackendName; steps: number; wasmPaths: string; wasmThreads?: number };

export type FromProbeWorker =
  | { type: "ready"; backend: BackendName; details: BackendDetails; loadMs: number }
  /** One train step; the first (`warmup`) compiles kernels and is not counted. */
  | { type: "step"; ms: number; warmup: boolean }
  | { type: "error"; message: string };

export interface ProbeFigure {
  backend: BackendName;
  /** measured: steps timed; too-slow: given up at the time limit; failed: could not start or threw. */
  status: "measured" | "too-slow" | "failed";
  /** Median of the timed steps (warm-up excluded), ms. */
  msPerStep?: number;
  warmupMs?: number;
  steps: number[];
  /** Wall time spent on this backend, ms (a too-slow backend: the limit it hit). */
  spentMs: number;
  details?: BackendDetails;
  reason?: string;
}

export interface ProbeResult {
  chosen: BackendName;
  figures: ProbeFigure[];
  /** When it was measured (ISO). */
  at: string;
  /** What the result is valid for: the job's model and shape, and this browser's environment. */
  key: string;
}
