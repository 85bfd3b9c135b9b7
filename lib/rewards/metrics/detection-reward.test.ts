import { describe, expect, it } from "vitest";

import { type DetBox, classWeightsFromCounts, detectionReward, DETECTION_REWARD_THRESHOLDS } from "./detection-reward";

// counts {1: 10, 2: 30}: total 40, smoothing 0.05 * 40 = 2
// raw = [1/12, 1/32], sum = 11/96 -> w = 2 * raw / sum = [16/11, 6/11] (mean 1)
const WEIGHTS = classWeightsFromCounts({ 1: 10, 2: 30 });
const W1 = 16 / 11;
const box = (x: number, y: number, w: number, h: number, categoryId = 1): DetBox => ({ box: [x, y, w, h], categoryId });
const GT = [box(0, 0, 10, 10)];

describe("classWeightsFromCounts", () => {
  it("is 1 / (count + 0.05 * total), renormalised to mean 1", () => {
    expect(WEIGHTS.get(1)).toBeCloseTo(16 / 11, 15);
    expect(WEIGHTS.get(2)).toBeCloseTo(6 / 11, 15);
    expect(classWeightsFromCounts(new Map([[1, 10], [2, 30]]))).toEqual(WEIGHTS);
  });

  it("gives equal classes weight 1 and an absent class (count 0) the largest weight", () => {
    const w = classWeightsFromCounts({ 3: 5, 4: 5, 5: 0 });
    // total 10 -> raw = [1/5.5, 1/5.5, 1/0.5]; sum = 4/11 + 2 = 26/11; w = 3 * raw / sum
    expect(w.get(3)).toBeCloseTo((3 * (2 / 11)) / (26 / 11), 15);
    expect(w.get(5)).toBeCloseTo((3 * 2) / (26 / 11), 15);
    expect(classWeightsFromCounts({ 7: 4, 8: 4 })).toEqual(new Map([[7, 1], [8, 1]]));
  });

  it("rejects empty, negative and all-zero counts", () => {
    expect(() => classWeightsFromCounts({})).toThrow(/no classes/);
    expect(() => classWeightsFromCounts({ 1: -1 })).toThrow(/class 1/);
    expect(() => classWeightsFromCounts({ 1: 0, 2: 0 })).toThrow(/all counts are 0/);
  });
});

describe("detectionReward", () => {
  it("pays the class weight for a perfect box at every threshold", () => {
    const { reward, aux } = detectionReward([box(0, 0, 10, 10)], GT, WEIGHTS);
    expect(reward).toBeCloseTo(W1, 14);
    expect(aux.perThreshold).toHaveLength(DETECTION_REWARD_THRESHOLDS.length);
    expect(aux.matchedWeight.every((w) => w === W1)).toBe(true);
    expect(aux.duplicateWeight.every((w) => w === 0)).toBe(true);
    expect([aux.numPredictions, aux.numGroundTruth]).toEqual([1, 1]);
  });

  it("sums weights over ground truths, without dividing by their number", () => {
    const gt = [box(0, 0, 10, 10, 1), box(50, 50, 10, 10, 2)];
    // 16/11 + 6/11 = 2
    expect(detectionReward(gt, gt, WEIGHTS).reward).toBeCloseTo(2, 14);
  });

  it("charges 0.3 x weight for a duplicate of a matched box", () => {
    // two identical predictions: both pick the box, it keeps the first (argmax tie) -> 1 - 0.3
    const { reward, aux } = detectionReward([box(0, 0, 10, 10), box(0, 0, 10, 10)], GT, WEIGHTS);
    expect(reward).toBeCloseTo(0.7 * W1, 14);
    expect(aux.duplicateWeight.every((w) => w === W1)).toBe(true);
  });

  it("gives nothing, and charges nothing, for the wrong class", () => {
    const { reward, aux } = detectionReward([box(0, 0, 10, 10, 2)], GT, WEIGHTS);
    expect(reward).toBe(0);
    expect(aux.duplicateWeight.every((w) => w === 0)).toBe(true);
  });

  it("matches only above the threshold (strict >): IoU 0.7 at 4 of 10, IoU 0.72 at 5 of 10", () => {
    // [0,0,7,10] vs [0,0,10,10]: 70 / 100 = 0.7 exactly -> .50 .55 .60 .65 (0.7 > 0.7 is false)
    const at70 = detectionReward([box(0, 0, 7, 10)], GT, WEIGHTS);
    expect(at70.aux.matchedWeight).toEqual([W1, W1, W1, W1, 0, 0, 0, 0, 0, 0]);
    expect(at70.reward).toBeCloseTo(0.4 * W1, 14);
    // 72 / 100 = 0.72 -> .50 through .70
    expect(detectionReward([box(0, 0, 7.2, 10)], GT, WEIGHTS).reward).toBeCloseTo(0.5 * W1, 14);
  });

  it("counts the weaker overlapping prediction as a duplicate only where both clear the threshold", () => {
    // IoU 0.6 ([0,0,10,6]) and 0.9 ([0,0,10,9]); the 0.9 one is the match wherever it clears.
    // .50, .55: match - 0.3 dup = 0.7 W (x2); .60 to .85: W (x6); .90, .95: 0 (0.9 > 0.9 is false)
    // mean = (1.4 + 6) / 10 W = 0.74 W
    const { reward, aux } = detectionReward([box(0, 0, 10, 6), box(0, 0, 10, 9)], GT, WEIGHTS);
    expect(aux.duplicateWeight).toEqual([W1, W1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(reward).toBeCloseTo(0.74 * W1, 14);
  });

  it("sends each prediction to its best box only: no fallback to a second-best box", () => {
    // Both predictions fit box A exactly (IoU 1) and box B at 0.8. Both keep A; A takes the
    // first; the second is a duplicate, and B stays unmatched (big_vision's rule, not COCO's).
    const gt = [box(0, 0, 10, 10), box(0, 0, 10, 8)];
    const { reward, aux } = detectionReward([box(0, 0, 10, 10), box(0, 0, 10, 10)], gt, WEIGHTS);
    expect(aux.matchedWeight.every((w) => w === W1)).toBe(true);
    expect(reward).toBeCloseTo(0.7 * W1, 14);
  });

  it("is 0 with no predictions, and with predictions but no ground truth", () => {
    expect(detectionReward([], GT, WEIGHTS).reward).toBe(0);
    expect(detectionReward([box(0, 0, 10, 10)], [], WEIGHTS).reward).toBe(0);
  });

  it("throws when a ground-truth class has no weight", () => {
    expect(() => detectionReward([], [box(0, 0, 5, 5, 9)], WEIGHTS)).toThrow(/category 9/);
  });
});
