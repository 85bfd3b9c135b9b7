/**
 * Label-free statistics of a served output, logged with every prediction: what can be watched
 * live without ground truth (caption length, boxes and segments per image, colourfulness), the
 * numbers a roll-out's guardrails and drift detection compare with the baseline's.
 */
import { THING_CATEGORIES } from "@/lib/data";
import { colorfulness } from "@/lib/rewards/metrics/colorfulness";
import { tokenize } from "@/lib/rewards/metrics/ngrams";
import type { OutputOf, TaskId } from "@/lib/rewards/task-types";

export type OutputStats = Record<string, number>;

const THING_IDS = new Set(THING_CATEGORIES.map((c) => c.id));

export function outputStats(task: TaskId, output: unknown, size: number): OutputStats {
  if (task === "captioning") {
    const tokens = tokenize((output as OutputOf<"captioning">).text).length;
    return { caption_tokens: tokens, empty_caption: tokens === 0 ? 1 : 0 };
  }
  if (task === "detection") {
    const boxes = (output as OutputOf<"detection">).boxes;
    return { boxes: boxes.length, classes: new Set(boxes.map((b) => b.categoryId)).size };
  }
  if (task === "panoptic") {
    const segments = (output as OutputOf<"panoptic">).segments;
    return { segments: segments.length, things: segments.filter((s) => THING_IDS.has(s.category_id)).length };
  }
  return { colorfulness: colorfulness((output as OutputOf<"colorization">).rgb, size, size).colorfulness };
}

/** What is kept of an output in the prediction log: all of it, except the pixel maps (their statistics say enough). */
export function loggedOutput(task: TaskId, output: unknown): Record<string, unknown> {
  if (task === "captioning") return { text: (output as OutputOf<"captioning">).text };
  if (task === "detection") return { boxes: (output as OutputOf<"detection">).boxes };
  if (task === "panoptic") return { segments: (output as OutputOf<"panoptic">).segments };
  return {};
}

/** How far the candidate's output is from the baseline's on the same input (0: the same), where both ran. */
export function disagreement(task: TaskId, baseline: unknown, candidate: unknown): number {
  if (task === "captioning") return (baseline as OutputOf<"captioning">).text === (candidate as OutputOf<"captioning">).text ? 0 : 1;
  if (task === "detection") return Math.abs((baseline as OutputOf<"detection">).boxes.length - (candidate as OutputOf<"detection">).boxes.length);
  if (task === "panoptic") {
    const a = (baseline as OutputOf<"panoptic">);
    const b = (candidate as OutputOf<"panoptic">);
    const cat = (o: OutputOf<"panoptic">) => new Map(o.segments.map((s) => [s.id, s.category_id]));
    const ca = cat(a);
    const cb = cat(b);
    let differ = 0;
    for (let p = 0; p < a.segmentIds.length; p++) if (ca.get(a.segmentIds[p]!) !== cb.get(b.segmentIds[p]!)) differ++;
    return a.segmentIds.length ? differ / a.segmentIds.length : 0;
  }
  const x = (baseline as OutputOf<"colorization">).rgb;
  const y = (candidate as OutputOf<"colorization">).rgb;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] ?? 0) - (y[i] ?? 0));
  return x.length ? sum / x.length / 255 : 0;
}
