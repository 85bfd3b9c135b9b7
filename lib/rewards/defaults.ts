import type { RewardSpecInput } from "./spec";
import type { TaskId } from "./task-types";

/**
 * The paper's reward per task, with the guardrails worth watching logged at weight 0 or
 * lightly weighted: CIDEr-D; the paper's detection reward; PQ; colourfulness with fidelity kept.
 */
export const DEFAULT_REWARD_SPECS: Record<TaskId, RewardSpecInput> = {
  captioning: {
    task: "captioning",
    terms: [
      { term: "cider_d", weight: 1 },
      { term: "bleu", weight: 0, params: { n: 4 }, name: "bleu_4" },
      { term: "caption_length", weight: -0.1, params: { min: 4, max: 24 } },
      { term: "repetition", weight: 0, params: { n: 2 } },
    ],
    aggregate: "normalize_then_sum",
    guardrails: [{ metric: "caption_length", op: "<=", threshold: 0.5 }],
  },
  detection: {
    task: "detection",
    terms: [
      { term: "detection_reward", weight: 1 },
      { term: "coco_ap", weight: 0 },
      { term: "box_count_error", weight: 0 },
    ],
    aggregate: "normalize_then_sum",
    guardrails: [{ metric: "box_count_error", op: "<=", threshold: 1 }],
  },
  panoptic: {
    task: "panoptic",
    terms: [
      { term: "pq", weight: 1 },
      { term: "segment_count_error", weight: 0 },
    ],
    aggregate: "normalize_then_sum",
    guardrails: [{ metric: "segment_count_error", op: "<=", threshold: 2 }],
  },
  colorization: {
    task: "colorization",
    terms: [
      { term: "colorfulness", weight: 1 },
      { term: "chroma_fidelity", weight: 20 },
    ],
    aggregate: "normalize_then_sum",
    guardrails: [{ metric: "chroma_fidelity", op: ">=", threshold: 0.85 }],
  },
};
