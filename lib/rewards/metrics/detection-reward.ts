/**
 * The detection reward of "Tuning computer vision models with task rewards" (Susano Pinto
 * et al., ICML 2023), reimplemented from `_reward_fn_thr` / `reward_fn` in big_vision's
 * `big_vision/configs/proj/reward_tune/detection_reward.py`.
 *
 * What is reproduced, per IoU threshold `thr` in `config.reward_thr` = (0.5, 0.55, ..., 0.95):
 * 1. IoU matrix predictions x ground truths; entries kept only where `iou > thr` (strict)
 *    and the classes are equal (`label_mask`).
 * 2. Each prediction keeps only its best ground truth (`one_hot(argmax(iou, axis=1))`;
 *    ties go to the first ground truth, as `argmax` does).
 * 3. Each ground truth is matched to the best prediction among those that kept it
 *    (`argmax(iou, axis=0)`, ties to the first prediction); matched if that IoU is > 0.
 * 4. `reward = sum(weight[gt class] of matched ground truths) - nms_w * sum(weight[pred
 *    class] of predictions that kept a ground truth but are not its match)`, nms_w = 0.3.
 *    There is no division by the number (or weight) of ground-truth boxes: the reward of
 *    an image grows with its number of objects, exactly as in the file.
 * Then `reward_fn` takes the plain mean over the ten thresholds.
 *
 * Where this port differs, or the file is silent:
 * - IoU is {@link boxIou} (pycocotools' formula, shared with COCO AP), on `[x, y, w, h]`
 *   pixel boxes. big_vision's `iou_fn` works on normalised `[ymin, xmin, ymax, xmax]`,
 *   takes `abs()` of areas and adds 1e-9 to the union; for boxes with positive width and
 *   height the two differ only by that epsilon (relative ~1e-9 / area), which can only
 *   matter for an IoU within that distance of a threshold.
 * - big_vision decodes boxes from tokens (clipping coordinates to [0, 1] and labels to
 *   [0, num_cls - 1]) and masks padding with `confs > 0`; here boxes arrive decoded, so
 *   every box counts and nothing is clipped.
 * - It computes in float32 (JAX default); this port in float64.
 * - A prediction whose best ground truth was taken by a better prediction does not fall
 *   back to its second-best ground truth: it is a duplicate (the file's behaviour, kept).
 * - The file only weights classes it knows (COCO's 80); here a ground-truth class missing
 *   from `classWeights` is an error. Prediction classes need no weight of their own: a
 *   prediction is only ever penalised while overlapping a ground truth of its class.
 * - The `correct` / `match_iou` outputs (confidence-token supervision at IoU 0.5) are not
 *   part of this reward and are not reproduced.
 */
import { boxIou } from "./box-iou";

/** A decoded box: `[x, y, w, h]` in pixels, and its category id. */
export interface DetBox {
  box: [number, number, number, number] /* x,y,w,h */;
  categoryId: number;
}

/** `config.reward_thr` of the paper's settings, as the Python literals (not `np.linspace`). */
export const DETECTION_REWARD_THRESHOLDS: readonly number[] = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];

/** `config.nms_w`: weight of each duplicate prediction. */
export const DUPLICATE_PENALTY = 0.3;

/** `config.cls_smooth`: added fraction of all instances in the class-weight denominator. */
export const CLASS_COUNT_SMOOTHING = 0.05;

/**
 * Class weights from training-split instance counts, as `_reward_fn_thr` builds them:
 * `w_c = 1 / (count_c + 0.05 * total)`, then `w = num_cls * w / sum(w)` (mean weight 1
 * over the classes given, so rare classes weigh more than 1 and common ones less).
 *
 * @param counts instance count per category id (every class of the label space, zeros included)
 * @returns weight per category id
 * @throws Error when there are no classes, a count is negative or not finite, or all are 0
 */
export function classWeightsFromCounts(counts: ReadonlyMap<number, number> | Record<number, number>): Map<number, number> {
  const entries: [number, number][] =
    counts instanceof Map ? [...counts.entries()] : Object.entries(counts).map(([k, v]) => [Number(k), v]);
  if (entries.length === 0) throw new Error("classWeightsFromCounts: no classes given");
  for (const [id, n] of entries) {
    if (!Number.isFinite(n) || n < 0) throw new Error(`classWeightsFromCounts: count of class ${id} is ${n}`);
  }
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (total === 0) throw new Error("classWeightsFromCounts: all counts are 0");
  const raw = entries.map(([id, n]) => [id, 1 / (n + CLASS_COUNT_SMOOTHING * total)] as const);
  const sum = raw.reduce((s, [, w]) => s + w, 0);
  return new Map(raw.map(([id, w]) => [id, (entries.length * w) / sum]));
}

/** One threshold of `_reward_fn_thr`: matched ground-truth weight and duplicate weight. */
function rewardAtThreshold(iou: Float64Array, gtWeight: Float64Array, P: number, thr: number) {
  const G = gtWeight.length;
  // 2. each prediction's best ground truth (first maximum, > 0 after the threshold)
  const bestGt = new Int32Array(P).fill(-1);
  const bestIou = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    for (let g = 0; g < G; g++) {
      const v = iou[p * G + g] as number;
      if (v > thr && v > (bestIou[p] as number)) {
        bestIou[p] = v;
        bestGt[p] = g;
      }
    }
  }
  // 3. each ground truth's match among the predictions that kept it (first maximum)
  const matchOf = new Int32Array(G).fill(-1);
  const matchIou = new Float64Array(G);
  for (let p = 0; p < P; p++) {
    const g = bestGt[p] as number;
    if (g >= 0 && (bestIou[p] as number) > (matchIou[g] as number)) {
      matchIou[g] = bestIou[p] as number;
      matchOf[g] = p;
    }
  }
  // 4. matched weight, and duplicates: kept a ground truth but are not its match
  let matched = 0;
  for (let g = 0; g < G; g++) if ((matchOf[g] as number) >= 0) matched += gtWeight[g] as number;
  let duplicate = 0;
  for (let p = 0; p < P; p++) {
    const g = bestGt[p] as number;
    if (g >= 0 && matchOf[g] !== p) duplicate += gtWeight[g] as number;
  }
  return { matched, duplicate };
}

/**
 * The paper's detection reward for one image: class-weighted recall with a duplicate
 * penalty, averaged over IoU thresholds .50:.05:.95 (see the file comment for the exact
 * correspondence with big_vision).
 *
 * @param predictions decoded predicted boxes, in sequence order (order breaks IoU ties)
 * @param groundTruth ground-truth boxes of the image
 * @param classWeights weight per category id, e.g. from {@link classWeightsFromCounts}
 * @returns the reward, and per threshold (10 entries each) the reward, the matched
 *   ground-truth weight and the duplicate weight (before the 0.3 factor)
 * @throws Error when a ground-truth category has no weight
 */
export function detectionReward(
  predictions: readonly DetBox[],
  groundTruth: readonly DetBox[],
  classWeights: ReadonlyMap<number, number>,
): {
  reward: number;
  aux: { perThreshold: number[]; matchedWeight: number[]; duplicateWeight: number[]; numPredictions: number; numGroundTruth: number };
} {
  const P = predictions.length;
  const G = groundTruth.length;
  const gtWeight = Float64Array.from(groundTruth, (g) => {
    const w = classWeights.get(g.categoryId);
    if (w === undefined) throw new Error(`detectionReward: no class weight for ground-truth category ${g.categoryId}`);
    return w;
  });
  // 1. IoU of every prediction with every ground truth of the same class (0 otherwise).
  const iou = new Float64Array(P * G);
  predictions.forEach((p, i) => {
    groundTruth.forEach((g, j) => {
      if (p.categoryId === g.categoryId) iou[i * G + j] = boxIou(p.box, g.box);
    });
  });
  const perThreshold: number[] = [];
  const matchedWeight: number[] = [];
  const duplicateWeight: number[] = [];
  for (const thr of DETECTION_REWARD_THRESHOLDS) {
    const { matched, duplicate } = rewardAtThreshold(iou, gtWeight, P, thr);
    matchedWeight.push(matched);
    duplicateWeight.push(duplicate);
    perThreshold.push(matched - DUPLICATE_PENALTY * duplicate);
  }
  const reward = perThreshold.reduce((s, r) => s + r, 0) / perThreshold.length;
  return { reward, aux: { perThreshold, matchedWeight, duplicateWeight, numPredictions: P, numGroundTruth: G } };
}
