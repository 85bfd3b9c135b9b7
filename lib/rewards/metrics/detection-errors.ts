/**
 * Where a detector's boxes go wrong, beyond AP: boxes on a real object with the wrong class, and
 * second boxes on an object already found. AP folds both into one number; a detection reward
 * that pays for recall can trade one for the other, so they are counted apart.
 *
 * Per image, boxes in order of score (highest first; equal scores in list order), each:
 *   1. takes the unclaimed ground-truth box it overlaps most at IoU >= 0.5, whatever the class
 *      (ties to the first); it is a wrong-class box when the classes differ;
 *   2. otherwise, if it overlaps an already-claimed ground-truth box at IoU >= 0.5, it is a duplicate;
 *   3. otherwise it is a box on background.
 * This is COCO's greedy matching at IoU 0.5 (pycocotools' evaluateImg, one threshold), made
 * class-agnostic so a box with the wrong class still finds its object.
 */
import { boxIou } from "./box-iou";

export const ERROR_IOU = 0.5;

export interface ScoredBox {
  box: readonly [number, number, number, number];
  categoryId: number;
  score?: number;
}

export interface DetectionErrors {
  /** Boxes matched to an object of another class. */
  wrongClass: number;
  /** Boxes on an object another, higher-scoring box already took. */
  duplicates: number;
  /** Boxes on no object. */
  background: number;
  /** Boxes matched to an object of their own class. */
  correct: number;
}

/** The error breakdown of one image's boxes against its ground truth. */
export function detectionErrors(predictions: readonly ScoredBox[], groundTruth: readonly ScoredBox[]): DetectionErrors {
  const order = predictions.map((p, i) => ({ p, i })).sort((a, b) => (b.p.score ?? 0) - (a.p.score ?? 0) || a.i - b.i);
  const claimed = new Array<boolean>(groundTruth.length).fill(false);
  const out: DetectionErrors = { wrongClass: 0, duplicates: 0, background: 0, correct: 0 };
  for (const { p } of order) {
    let best = -1;
    let bestIou = ERROR_IOU;
    let onClaimed = false;
    groundTruth.forEach((g, j) => {
      const iou = boxIou(p.box, g.box);
      if (iou < ERROR_IOU) return;
      if (claimed[j]) onClaimed = true;
      else if (best < 0 || iou > bestIou) { best = j; bestIou = iou; }
    });
    if (best >= 0) {
      claimed[best] = true;
      if (groundTruth[best]!.categoryId === p.categoryId) out.correct++;
      else out.wrongClass++;
    } else if (onClaimed) out.duplicates++;
    else out.background++;
  }
  return out;
}
