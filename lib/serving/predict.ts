/**
 * One prediction in the server process: the task's serving checkpoint (lib/db ServingModel;
 * roll-out routing joins here), the image checked against the model's input size, inference
 * through the bounded queue (503 with Retry-After when it is full), and a log row with the
 * output's label-free statistics, its latency, and the error when inference failed.
 */
import { createHash, randomBytes } from "node:crypto";
import { findServingModel, logPredictions, type Db, type Prisma } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { plainOutput, type OutputOf, type TaskId } from "@/lib/rewards";
import { imageSizeOf } from "@/lib/training/evaluate";
import { checkSize, sceneFromPixels, type Pixels } from "./input";
import { serverPolicy, type ModelDirs } from "./models";
import { InferenceQueue, QueueFull } from "./queue";
import { loggedOutput, outputStats, type OutputStats } from "./stats";

/** One inference at a time (TF.js WASM is single-threaded here); 16 may wait. */
export const PREDICT_QUEUE = new InferenceQueue({ concurrency: 1, maxWaiting: 16 });

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

export async function predict(
  db: Db,
  input: { task: TaskId; pixels: Pixels; requestKey?: string; dirs: ModelDirs; queue?: InferenceQueue },
): Promise<Prediction> {
  const serving = await findServingModel(db, { task: input.task });
  if (!serving) throw new StudioError("unavailable:predict", `no model serves ${input.task} yet`, { retryAfterSeconds: 60 });
  const { checkpoint } = serving;
  const requestId = randomBytes(12).toString("base64url");
  const keyHash = input.requestKey ? hashRequestKey(input.requestKey) : undefined;
  const queue = input.queue ?? PREDICT_QUEUE;
  const t0 = performance.now();
  let output: OutputOf<TaskId>;
  let size = 0;
  try {
    output = await queue.run(async () => {
      const policy = await serverPolicy(checkpoint, input.dirs);
      size = imageSizeOf(policy);
      checkSize(input.pixels, size);
      return (await policy.greedy([sceneFromPixels(input.pixels)]))[0]!;
    });
  } catch (err) {
    if (err instanceof QueueFull) throw new StudioError("unavailable:predict", `${err.message}`, { retryAfterSeconds: err.retryAfterSeconds });
    if (err instanceof StudioError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    await logPredictions(db, { entries: [{ checkpointId: checkpoint.id, task: input.task, requestId, keyHash, output: {}, latencyMs: performance.now() - t0, error: message.slice(0, 500) }] });
    throw err;
  }
  const latencyMs = performance.now() - t0;
  const stats = outputStats(input.task, output, size);
  await logPredictions(db, {
    entries: [{ checkpointId: checkpoint.id, task: input.task, requestId, keyHash, output: loggedOutput(input.task, output) as Prisma.InputJsonValue, metrics: stats, latencyMs }],
  });
  return { task: input.task, output: plainOutput(output), checkpoint: { id: checkpoint.id, name: checkpoint.name }, requestId, latencyMs, stats };
}
