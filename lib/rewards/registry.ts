import type { TaskId } from "./task-types";
import { bleuTerm } from "./terms/bleu";
import { boxCountErrorTerm } from "./terms/box-count-error";
import { boxDriftTerm } from "./terms/box-drift";
import { captionDriftTerm } from "./terms/caption-drift";
import { captionLengthTerm } from "./terms/caption-length";
import { chromaDriftTerm } from "./terms/chroma-drift";
import { chromaFidelityTerm } from "./terms/chroma-fidelity";
import { ciderDTerm } from "./terms/cider-d";
import { cocoApTerm } from "./terms/coco-ap";
import { colorfulnessTerm } from "./terms/colorfulness";
import { countAccuracyTerm } from "./terms/count-accuracy";
import { detectionRewardTerm } from "./terms/detection-reward";
import { entropyTerm } from "./terms/entropy";
import { humanPreferenceTerm } from "./terms/human-preference";
import { klTerm } from "./terms/kl";
import { objectHallucinationTerm } from "./terms/object-hallucination";
import { objectRecallTerm } from "./terms/object-recall";
import { pqTerm } from "./terms/pq";
import { repetitionTerm } from "./terms/repetition";
import { segmentCountErrorTerm } from "./terms/segment-count-error";
import { segmentDriftTerm } from "./terms/segment-drift";
import type { TermDefinition } from "./types";

/** Every reward term, by id. Adding a term: one file in terms/ and one line here. */
export const REWARD_TERMS = {
  cider_d: ciderDTerm,
  bleu: bleuTerm,
  caption_length: captionLengthTerm,
  repetition: repetitionTerm,
  caption_drift: captionDriftTerm,
  object_recall: objectRecallTerm,
  object_hallucination: objectHallucinationTerm,
  count_accuracy: countAccuracyTerm,
  detection_reward: detectionRewardTerm,
  coco_ap: cocoApTerm,
  box_count_error: boxCountErrorTerm,
  box_drift: boxDriftTerm,
  pq: pqTerm,
  segment_count_error: segmentCountErrorTerm,
  segment_drift: segmentDriftTerm,
  colorfulness: colorfulnessTerm,
  chroma_fidelity: chromaFidelityTerm,
  chroma_drift: chromaDriftTerm,
  kl: klTerm,
  entropy: entropyTerm,
  // Its features are other terms of this registry, looked up when it scores.
  human_preference: humanPreferenceTerm((id) => rewardTerm(id)),
} as const;

export type RewardTermId = keyof typeof REWARD_TERMS;

export const REWARD_TERM_IDS = Object.keys(REWARD_TERMS) as RewardTermId[];

/** The term definition for `id`, or undefined when there is none. */
export function rewardTerm(id: string): TermDefinition | undefined {
  return Object.hasOwn(REWARD_TERMS, id) ? (REWARD_TERMS[id as RewardTermId] as unknown as TermDefinition) : undefined;
}

/**
 * Whether scoring `spec` needs the frozen MLE model's greedy output on every sample (some term,
 * weighted or logged, declares `needs.mleOutput`).
 */
export function specNeedsMleOutput(spec: { readonly terms: readonly { readonly term: string }[] }): boolean {
  return spec.terms.some((t) => rewardTerm(t.term)?.needs?.mleOutput === true);
}

/** Terms that can be scored with their default params (all but the learned ones, which need a model). */
export function scorableByDefault(id: string): boolean {
  return rewardTerm(id)?.needsParams !== true;
}

/** Terms usable for `task` (its own and the trainer-supplied ones). */
export function termsForTask(task: TaskId): RewardTermId[] {
  return REWARD_TERM_IDS.filter((id) => REWARD_TERMS[id].task === task || REWARD_TERMS[id].task === "any");
}
