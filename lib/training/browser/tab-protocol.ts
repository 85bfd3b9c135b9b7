/**
 * Messages between the page and the training Web Worker. The worker runs the same trainers as
 * the CLI (lib/training), so what it reports is what a headless run would log.
 */
import { z } from "zod";
import { TASK_IDS } from "@/lib/rewards/task-types";
import type { BackendChoice } from "../backend";
import type { EvalLog, MleStepLog } from "../mle";
import type { ReinforceStepLog } from "../reinforce";

/**
 * A tuning job for the tab: REINFORCE with the task's default reward, starting from
 * - nothing (`from` absent): a fresh model of `size`, given `pretrainSteps` MLE steps first;
 * - a checkpoint (`from`: a shipped /models/<task>/mle/model.json or an indexeddb:// one);
 * - or, with `resume`, the tab run saved at `from`, continued with its own settings.
 */
/** The step shape a tab run takes unless told otherwise (and what auto's probe times for it). */
export const TAB_STEP_SHAPE = { batchSize: 2, samples: 2 } as const;

export const TabJobSchema = z
  .object({
    task: z.enum(TASK_IDS),
    backend: z.enum(["auto", "webgpu", "webgl", "wasm", "cpu"]).default("auto"),
    size: z.enum(["default", "smoke"]).default("smoke"),
    pretrainSteps: z.number().int().min(0).max(5000).default(2),
    from: z.string().min(1).max(500).optional(),
    resume: z.boolean().default(false),
    steps: z.number().int().min(1).max(5000).default(3),
    batchSize: z.number().int().min(1).max(64).default(TAB_STEP_SHAPE.batchSize),
    samples: z.number().int().min(2).max(16).default(TAB_STEP_SHAPE.samples),
    seed: z.number().int().min(0).default(0),
    evalCount: z.number().int().min(1).max(500).default(8),
  })
  .strict()
  .refine((j) => !j.resume || j.from !== undefined, { message: "resume needs the checkpoint to continue in `from`", path: ["from"] });
export type TabJob = z.output<typeof TabJobSchema>;

export type ToWorker = { type: "start"; job: unknown; wasmPaths: string } | { type: "stop" };

export type FromWorker =
  | { type: "backend"; choice: BackendChoice }
  | { type: "mle-step"; log: MleStepLog }
  | { type: "step"; log: ReinforceStepLog }
  | { type: "eval"; log: EvalLog }
  /** A checkpoint was written to IndexedDB (after the MLE warm-up, and at the end or stop). */
  | { type: "saved"; uri: string; kind: "mle" | "reinforce"; step: number; of: number }
  /** The run ended: all its steps, or `stopped` by the user. `skippedSteps`: tuning updates skipped (each step log says why). */
  | { type: "done"; steps: number; stopped: boolean; skippedSteps: number; backend: string; seconds: number }
  /**
   * The run halted by itself: more than `maxConsecutiveSkips` updates in a row were skipped
   * (non-finite reward, loss or gradient norm); `reason` says which and where, for a person to
   * read. `kind`: in the MLE warm-up (nothing saved) or the tuning (the last good weights were
   * saved first, a "saved" message before this one). `step` of `of` steps done. Ends the run,
   * like "done" and "error".
   */
  | HaltedMessage
  | { type: "error"; message: string };

export interface HaltedMessage {
  type: "halted";
  kind: "mle" | "reinforce";
  reason: string;
  step: number;
  of: number;
  skippedSteps: number;
  backend: string;
  seconds: number;
}
