import captioning from "./specs/captioning.json";
import colorization from "./specs/colorization.json";
import detection from "./specs/detection.json";
import panoptic from "./specs/panoptic.json";
import type { RewardSpecInput } from "./spec";
import type { TaskId } from "./task-types";

/**
 * The paper's reward per task (lib/rewards/specs/<task>.json), with the guardrails worth
 * watching logged at weight 0 or lightly weighted: CIDEr-D; the paper's detection reward; PQ;
 * colourfulness with chroma fidelity kept.
 */
export const DEFAULT_REWARD_SPECS: Record<TaskId, RewardSpecInput> = {
  captioning: captioning as RewardSpecInput,
  detection: detection as RewardSpecInput,
  panoptic: panoptic as RewardSpecInput,
  colorization: colorization as RewardSpecInput,
};
