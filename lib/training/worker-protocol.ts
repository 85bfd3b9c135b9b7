/**
 * Messages between the page and the training Web Worker. The worker runs the same trainers as
 * the CLI (lib/training), so what it reports is what a headless run would log.
 */
import { z } from "zod";
import { TASK_IDS } from "@/lib/rewards";
import type { BackendChoice } from "./backend";
import type { EvalLog, MleStepLog } from "./mle";
import type { ReinforceStepLog } from "./reinforce";

/** A tuning job for the tab: MLE warm-up steps, then REINFORCE with the task's default reward. */
export const TabJobSchema = z
  .object({
    task: z.enum(TASK_IDS),
    backend: z.enum(["auto", "webgpu", "webgl", "wasm", "cpu"]).default("auto"),
    size: z.enum(["default", "smoke"]).default("smoke"),
    pretrainSteps: z.number().int().min(0).max(5000).default(2),
    steps: z.number().int().min(1).max(5000).default(3),
    batchSize: z.number().int().min(1).max(64).default(2),
    samples: z.number().int().min(2).max(16).default(2),
    seed: z.number().int().min(0).default(0),
    evalCount: z.number().int().min(1).max(500).default(8),
  })
  .strict();
export type TabJob = z.output<typeof TabJobSchema>;

export type ToWorker = { type: "start"; job: unknown; wasmPaths: string } | { type: "stop" };

export type FromWorker =
  | { type: "backend"; choice: BackendChoice }
  | { type: "mle-step"; log: MleStepLog }
  | { type: "step"; log: ReinforceStepLog }
  | { type: "eval"; log: EvalLog }
  | { type: "done"; steps: number; backend: string; seconds: number }
  | { type: "error"; message: string };
