import { z } from "zod";
import { detectionReward } from "../metrics/detection-reward";
import { defineTerm } from "./define";

export const detectionRewardTerm = defineTerm({
  task: "detection",
  label: "Paper detection reward",
  description:
    "The paper's reward (big_vision detection_reward.py): class-weighted recall over IoU 0.50:0.95 minus 0.3 x the " +
    "weight of duplicate predictions, averaged over thresholds. Class weights from training-split frequencies.",
  kind: "metric",
  direction: "maximize",
  range: [-Infinity, Infinity],
  params: z.object({}).strict(),
  score: (sample, target, _params, ctx) => {
    const gt = target.boxes.filter((b) => !b.iscrowd).map((b) => ({ box: b.box, categoryId: b.categoryId }));
    const pred = sample.output.boxes.map((b) => ({ box: b.box, categoryId: b.categoryId }));
    const { reward, aux } = detectionReward(pred, gt, ctx.detectionWeights());
    return { value: reward, aux: { predictions: aux.numPredictions, groundTruth: aux.numGroundTruth } };
  },
});
