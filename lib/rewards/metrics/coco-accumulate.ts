/**
 * Precision / recall accumulation of COCO bbox evaluation: pycocotools
 * `COCOeval.accumulate` (`PythonAPI/pycocotools/cocoeval.py`).
 */
import type { CocoImageEval } from "./coco-evaluate-image";
import { COCO_AREA_RANGES, COCO_IOU_THRESHOLDS, COCO_MAX_DETS, COCO_RECALL_THRESHOLDS, NP_SPACING_1 } from "./coco-params";

/** Accumulated curves; -1 marks settings with no (non-ignored) ground truth. */
export interface CocoAccumulated {
  /** Number of categories K. */
  numCategories: number;
  /** Interpolated precision, shape [T=10, R=101, K, A=4, M=3], row-major. */
  precision: Float64Array;
  /** Final recall, shape [T=10, K, A=4, M=3], row-major. */
  recall: Float64Array;
}

const A = COCO_AREA_RANGES.length;
const M = COCO_MAX_DETS.length;

/** Flat offset of `precision[t, r, k, a, m]`. */
export function precisionIndex(t: number, r: number, k: number, a: number, m: number, K: number): number {
  return (((t * COCO_RECALL_THRESHOLDS.length + r) * K + k) * A + a) * M + m;
}

/** Flat offset of `recall[t, k, a, m]`. */
export function recallIndex(t: number, k: number, a: number, m: number, K: number): number {
  return ((t * K + k) * A + a) * M + m;
}

/**
 * Builds the precision and recall arrays from per-image evaluations.
 *
 * @param evals `evals[k][a]` lists the evaluations of category k in area range a for
 *   every image holding a ground truth or a detection of k, in ascending image id order
 *   (pycocotools drops the `None` entries of the other images).
 */
export function cocoAccumulate(evals: readonly (readonly (readonly CocoImageEval[])[])[]): CocoAccumulated {
  const T = COCO_IOU_THRESHOLDS.length;
  const recThrs = COCO_RECALL_THRESHOLDS;
  const R = recThrs.length;
  const K = evals.length;
  const precision = new Float64Array(T * R * K * A * M).fill(-1);
  const recall = new Float64Array(T * K * A * M).fill(-1);

  for (let k = 0; k < K; k++) {
    // The images (and so the detections and their scores) are the same in every area
    // range; only the flags differ. So the score order is computed once per category.
    const images = evals[k]?.[0] ?? [];
    // 1. Concatenate the detections of every image, in image order: detection j is
    //    number detIdx[j] of image imgIdx[j].
    const total = images.reduce((n, e) => n + e.scores.length, 0);
    const scores = new Float64Array(total);
    const imgIdx = new Int32Array(total);
    const detIdx = new Int32Array(total);
    let j = 0;
    images.forEach((e, n) => {
      for (let d = 0; d < e.scores.length; d++, j++) {
        scores[j] = e.scores[d] as number;
        imgIdx[j] = n;
        detIdx[j] = d;
      }
    });
    // 2. np.argsort(-dtScores, kind='mergesort'): stable, so ties keep image order.
    const order = Array.from({ length: total }, (_, i) => i);
    order.sort((x, y) => (scores[y] as number) - (scores[x] as number) || x - y);
    for (let m = 0; m < M; m++) {
      // Keeping the first maxDet of each image and sorting again gives the same relative
      // order as filtering the full sorted list (a stable sort restricted to a subset).
      const maxDet = COCO_MAX_DETS[m] as number;
      const kept = order.filter((i) => (detIdx[i] as number) < maxDet);
      const nd = kept.length;
      const rc = new Float64Array(nd);
      const pr = new Float64Array(nd);
      for (let a = 0; a < A; a++) {
        const E = evals[k]?.[a] ?? [];
        // `if len(E) == 0: continue`, then `if npig == 0: continue`: nothing is written.
        const npig = E.reduce((n, e) => n + e.numGt, 0);
        if (E.length === 0 || npig === 0) continue;
        for (let t = 0; t < T; t++) {
          // 3. Cumulative true / false positives over the detections not ignored.
          let tp = 0;
          let fp = 0;
          for (let i = 0; i < nd; i++) {
            const src = kept[i] as number;
            const e = E[imgIdx[src] as number] as CocoImageEval;
            const flag = t * e.scores.length + (detIdx[src] as number);
            if (!e.ignored[flag]) {
              if (e.matched[flag]) tp++;
              else fp++;
            }
            rc[i] = tp / npig;
            pr[i] = tp / (fp + tp + NP_SPACING_1);
          }
          recall[recallIndex(t, k, a, m, K)] = nd > 0 ? (rc[nd - 1] as number) : 0;
          // 4. Make precision monotone from the right.
          for (let i = nd - 1; i > 0; i--) if ((pr[i] as number) > (pr[i - 1] as number)) pr[i - 1] = pr[i] as number;
          // 5. Sample at the recall thresholds: np.searchsorted(rc, recThrs, side='left'),
          //    i.e. the first i with rc[i] >= threshold; past the end precision stays 0.
          let i = 0;
          for (let r = 0; r < R; r++) {
            const thr = recThrs[r] as number;
            while (i < nd && (rc[i] as number) < thr) i++;
            precision[precisionIndex(t, r, k, a, m, K)] = i < nd ? (pr[i] as number) : 0;
          }
        }
      }
    }
  }
  return { numCategories: K, precision, recall };
}
