/**
 * One prediction in the server process: the checkpoint the task's live roll-out routes this
 * request to (sticky by the request key's hash), else the task's serving model; the image checked against the model's input size, inference
 * through the bounded queue (503 with Retry-After when it is full), and a log row with the
 * output's label-free statistics, its latency, and the error when inference failed.
 */
import { createHash, randomBytes } from "node:crypto";
import { findServingModel, liveRollout, logPredictions, type Db, type PredictionInput, type Prisma, type RolloutStageName } from "@/lib/db";
import { routeRequest } from "@/lib/rollout/routing";
import { env } from "@/lib/env";
import { StudioError } from "@/lib/errors";
import { plainOutput, type OutputOf, type TaskId } from "@/lib/rewards";
import { imageSizeOf } from "@/lib/training/evaluate";
import { checkSize, sceneFromPixels, type Pixels } from "./input";
import { serverPolicy, type ModelDirs } from "./models";
import { InferenceQueue, QueueFull } from "./queue";
import { disagreement, loggedOutput, outputStats, type OutputStats } from "./stats";

let predictQueue: InferenceQueue | undefined;
/** One inference at a time (TF.js WASM is single-threaded here); RS_PREDICT_QUEUE (default 16) may wait. */
export const sharedPredictQueue = (): InferenceQueue => (predictQueue ??= new InferenceQueue({ concurrency: 1, maxWaiting: env().RS_PREDICT_QUEUE }));

export interface Prediction {
  task: TaskId;
  output: unknown;
  checkpoint: { id: string; name: string };
  requestId: string;
  latencyMs: number;
  stats: OutputStats;
}

/** SHA-256 (hex) of a client's request key: the log and the sticky routing keep only this. */
export const hashRequestKey = (key: string): string => createHash("sha256").update(key).digest("hex");

type Served = { id: string; name: string; uri: string };

/** Which checkpoint answers, from the database alone: the task's live roll-out's route, else its serving model. */
export async function routeFor(db: Db, task: TaskId, keyHash: string | undefined): Promise<{ served: Served; shadow: Served | null; rollout: { id: string; stage: RolloutStageName; active: boolean } | null }> {
  const live = await liveRollout(db, { task });
  if (live) {
    const stage = live.stages[live.stageIndex];
    if (stage) {
      const route = routeRequest({ rolloutId: live.id, keyHash, percent: stage.trafficPercent, shadow: stage.name === "shadow" });
      return {
        served: route.served === "candidate" ? live.candidate : live.baseline,
        shadow: route.mirror ? live.candidate : null,
        rollout: { id: live.id, stage: stage.name, active: live.status === "active" },
      };
    }
  }
  const serving = await findServingModel(db, { task });
  if (!serving) throw new StudioError("unavailable:predict", `no model serves ${task} yet`, { retryAfterSeconds: 60 });
  return { served: serving.checkpoint, shadow: null, rollout: null };
}

/** Each live roll-out is judged at most this often per process, after a prediction (every process may; the version column keeps one move). */
const EVALUATE_EVERY_MS = 2000;
const lastEvaluated = new Map<string, number>();
let evaluator: ((db: Db, rolloutId: string) => Promise<unknown>) | null = null;
/** The server registers how a roll-out is judged (lib/server/rollout-store), so this module needs no server code. */
export function setRolloutEvaluator(fn: (db: Db, rolloutId: string) => Promise<unknown>): void {
  evaluator = fn;
}

export async function predict(
  db: Db,
  input: { task: TaskId; pixels: Pixels; requestKey?: string; dirs: ModelDirs; queue?: InferenceQueue },
): Promise<Prediction> {
  const requestId = randomBytes(12).toString("base64url");
  const keyHash = input.requestKey ? hashRequestKey(input.requestKey) : undefined;
  const { served, shadow, rollout } = await routeFor(db, input.task, keyHash);
  const queue = input.queue ?? sharedPredictQueue();
  const where = rollout ? { rolloutId: rollout.id, stage: rollout.stage } : {};
  const t0 = performance.now();
  let size = 0;
  const run = async (c: Served) => {
    const policy = await serverPolicy(c, input.dirs);
    size = imageSizeOf(policy);
    checkSize(input.pixels, size);
    return (await policy.greedy([sceneFromPixels(input.pixels)]))[0]!;
  };
  let output: OutputOf<TaskId>;
  try {
    output = await queue.run(() => run(served));
  } catch (err) {
    if (err instanceof QueueFull) throw new StudioError("unavailable:predict", `${err.message}`, { retryAfterSeconds: err.retryAfterSeconds });
    if (err instanceof StudioError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    await logPredictions(db, { entries: [{ checkpointId: served.id, task: input.task, requestId, keyHash, output: {}, latencyMs: performance.now() - t0, error: message.slice(0, 500), ...where }] });
    throw err;
  }
  const latencyMs = performance.now() - t0;
  const stats = outputStats(input.task, output, size);
  const entries: PredictionInput[] = [{ checkpointId: served.id, task: input.task, requestId, keyHash, output: loggedOutput(input.task, output) as Prisma.InputJsonValue, metrics: stats, latencyMs, ...where }];
  if (shadow) {
    // The shadow stage: the candidate runs on the same input; only its output's statistics are kept.
    const s0 = performance.now();
    try {
      const mirrored = await queue.run(() => run(shadow));
      entries.push({
        checkpointId: shadow.id, task: input.task, requestId, keyHash, shadow: true, output: {}, latencyMs: performance.now() - s0, ...where,
        metrics: { ...outputStats(input.task, mirrored, size), disagreement: disagreement(input.task, output, mirrored) },
      });
    } catch (err) {
      if (!(err instanceof QueueFull)) entries.push({ checkpointId: shadow.id, task: input.task, requestId, keyHash, shadow: true, output: {}, latencyMs: performance.now() - s0, error: (err instanceof Error ? err.message : String(err)).slice(0, 500), ...where });
    }
  }
  await logPredictions(db, { entries });
  if (rollout?.active && evaluator && Date.now() - (lastEvaluated.get(rollout.id) ?? 0) >= EVALUATE_EVERY_MS) {
    lastEvaluated.set(rollout.id, Date.now());
    void evaluator(db, rollout.id).catch((err: unknown) => console.error("roll-out evaluation failed:", err));
  }
  return { task: input.task, output: plainOutput(output), checkpoint: { id: served.id, name: served.name }, requestId, latencyMs, stats };
}
