/**
 * The four tasks of the paper, each in its own folder with the same small surface: a policy
 * (model, MLE loss, sampling with log-probabilities, greedy decoding) and held-out metrics.
 * Adding a task is a folder and one line below.
 */
import type { TaskId } from "@/lib/rewards";
import { captioningTask } from "./captioning/task";
import { colorizationTask } from "./colorization/task";
import { detectionTask } from "./detection/task";
import { panopticTask } from "./panoptic/task";
import type { TaskDefinition } from "./task";

export const TASKS: { [T in TaskId]?: TaskDefinition<T> } = {
  captioning: captioningTask,
  colorization: colorizationTask,
  detection: detectionTask,
  panoptic: panopticTask,
};

/** The task definition, or an error naming the tasks that exist. */
export function taskDefinition<T extends TaskId>(id: T): TaskDefinition<T> {
  const def = TASKS[id] as TaskDefinition<T> | undefined;
  if (!def) throw new Error(`task "${id}" has no model yet; available: ${Object.keys(TASKS).join(", ")}`);
  return def;
}

export type { TaskDefinition, ModelSize } from "./task";
export type { Policy, Architecture, Sampled, SampleOptions, ScoreOptions } from "./types";
export { ParamStore } from "./nn/params";
export { createRandom, type Random } from "./nn/random";
export { matMulFast } from "./nn/matmul";
export { rgbBatch, grayBatch, repeatRows } from "./images";
export * as nn from "./nn/layers";
export { CAPTION_GRAMMAR, VOCAB_SIZE as CAPTION_VOCAB_SIZE } from "./captioning";
export { DETECTION_SIZES, grammarMask, maxLength, vocabSize } from "./detection";
