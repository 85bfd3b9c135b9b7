/**
 * Rewards and metrics: the catalogue of reward terms, the RewardSpec that weights them,
 * `evaluate`, and the metrics behind them (written from the reference tools' definitions:
 * pycocoevalcap BLEU / CIDEr-D, pycocotools COCOeval, panopticapi PQ, Hasler-Süsstrunk
 * colourfulness, the paper's detection reward).
 */
export * from "./task-types";
export type { RewardSample, TermDefinition, TermValue, TermKind } from "./types";
export { REWARD_TERMS, REWARD_TERM_IDS, rewardTerm, scorableByDefault, specNeedsMleOutput, termsForTask, type RewardTermId } from "./registry";
export {
  RewardSpecSchema, parseRewardSpec, NORMALIZATIONS, AGGREGATIONS, GUARDRAIL_OPS,
  type RewardSpec, type RewardSpecInput, type Normalization, type GuardrailOp,
} from "./spec";
export { compileRewardSpec, compileTerm, isCompiledRewardSpec, outputScoringSpec, type CompiledRewardSpec, type CompiledTerm } from "./compile";
export { evaluate, zeroSpreadFraction, type RewardEvaluation, type ScoredSample } from "./evaluate";
export { scoreTerms, termScoreKey, type ScoredTerms, type TargetsById } from "./score-terms";
export { combineTerms, type CombinedTerms } from "./combine";
export { spreadShares, type SpreadShares } from "./spread";
export { rankStored, ranksWithinGroups, type Ranking } from "./rank";
export { canonicalRewardSpec } from "./canonical";
export { diffRewardSpecs, describeChange, type SpecChange } from "./diff";
export { RewardContext, shapeWorldRewardContext, trainerRewardContext, TRAINER_CONTEXT_SCENES, type RewardContextOptions } from "./context";
export { shapeWorldTarget } from "./shapeworld";
export { meanStd, sampleMeanStd } from "./normalize";
export { DEFAULT_REWARD_SPECS } from "./defaults";
export { plainOutput } from "./output-json";
export { bleu, sentenceBleu, type BleuScores } from "./metrics/bleu";
export { ciderD, CiderDScorer } from "./metrics/cider-d";
export { tokenize } from "./metrics/ngrams";
export type { CaptionCorpus } from "./metrics/caption-corpus";
export { cocoDetectionEval, type CocoGroundTruth, type CocoDetection, type CocoStats } from "./metrics/coco-detection";
export { detectionReward, classWeightsFromCounts } from "./metrics/detection-reward";
export { boxIou } from "./metrics/box-iou";
export { panopticQuality, PQStat, type PanopticResult, type PanopticImage, type PanopticCategory } from "./metrics/panoptic-quality";
export { colorfulness } from "./metrics/colorfulness";
export { chromaFidelity, chromaError, chromaErrorByCategory, fidelityOfError } from "./metrics/chroma-fidelity";
export { detectionErrors, ERROR_IOU, type DetectionErrors } from "./metrics/detection-errors";
export { panopticObjectErrors, type PanopticImageErrors } from "./metrics/panoptic-errors";
