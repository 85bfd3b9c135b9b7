/**
 * Per-(image, category) matching of COCO bbox evaluation: pycocotools `COCOeval.computeIoU`
 * and `COCOeval.evaluateImg` (`PythonAPI/pycocotools/cocoeval.py`), for one area range.
 */
import { boxIou, type XywhBox } from "./box-iou";
import { COCO_IOU_CAP, COCO_IOU_THRESHOLDS, COCO_MAX_DETS } from "./coco-params";

/** A ground-truth annotation as `evaluateImg` reads it. */
export interface CocoGtEntry {
  /** Annotation id. pycocotools stores it as the match marker, so id 0 reads as "no match". */
  id: number;
  bbox: XywhBox;
  /** The annotation's own `area` field (not recomputed from the box). */
  area: number;
  /** `iscrowd`: always ignored, and may absorb any number of detections. */
  crowd: boolean;
}

/** A detection as `loadRes` builds it: `area = w * h`, never crowd. */
export interface CocoDtEntry {
  bbox: XywhBox;
  score: number;
}

/** Ground truths and detections of one (image, category), detections sorted and capped. */
export interface CocoImageGroup {
  gts: readonly CocoGtEntry[];
  /** Highest score first (stable, as `np.argsort(-score, kind='mergesort')`), at most 100. */
  dts: readonly CocoDtEntry[];
  /** IoU, shape [D, G] row-major, G in the original ground-truth order. */
  ious: Float64Array;
}

/** What `evaluateImg` returns, reduced to what `accumulate` reads. T = 10 IoU thresholds. */
export interface CocoImageEval {
  /** Detection scores, shape [D], highest first. */
  scores: Float64Array;
  /** Shape [T, D]: 1 where `dtMatches` is nonzero (matched to a ground truth whose id is not 0). */
  matched: Uint8Array;
  /** Shape [T, D]: `dtIgnore`. */
  ignored: Uint8Array;
  /** Number of ground truths not ignored in this area range (`gtIgnore == 0`). */
  numGt: number;
}

/**
 * Indices of `scores` from highest to lowest, ties kept in input order: the order of
 * `np.argsort(-scores, kind='mergesort')` (mergesort is stable).
 */
export function stableOrderByScoreDesc(scores: ArrayLike<number>): number[] {
  const order = Array.from({ length: scores.length }, (_, i) => i);
  // The index tie-break makes the order independent of the engine's sort stability.
  order.sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  return order;
}

/** `computeIoU`: sort detections by score, keep the top 100, IoU against every ground truth. */
export function prepareImageGroup(gts: readonly CocoGtEntry[], dts: readonly CocoDtEntry[]): CocoImageGroup {
  const maxDet = COCO_MAX_DETS[COCO_MAX_DETS.length - 1] as number;
  const order = stableOrderByScoreDesc(dts.map((d) => d.score)).slice(0, maxDet);
  const sorted = order.map((i) => dts[i] as CocoDtEntry);
  const G = gts.length;
  const ious = new Float64Array(sorted.length * G);
  sorted.forEach((d, di) => {
    gts.forEach((g, gi) => {
      ious[di * G + gi] = boxIou(d.bbox, g.bbox, g.crowd);
    });
  });
  return { gts, dts: sorted, ious };
}

/**
 * `evaluateImg` for one area range `[lo, hi]` (inclusive). Greedy matching in score
 * order; at each threshold a detection takes the unmatched (or crowd) ground truth of
 * highest IoU >= threshold, preferring non-ignored ones, later ground truths winning ties.
 */
export function evaluateImage(group: CocoImageGroup, areaRange: readonly [number, number]): CocoImageEval {
  const [lo, hi] = areaRange;
  const { gts, dts, ious } = group;
  const thresholds = COCO_IOU_THRESHOLDS;
  const T = thresholds.length;
  const G = gts.length;
  const D = dts.length;

  // "sort gt ignore last": np.argsort(_ignore, kind='mergesort') keeps input order within
  // each part. Slot s holds original ground truth gtOrder[s].
  const gtOrder = new Int32Array(G);
  const gtIg = new Uint8Array(G);
  let numGt = 0;
  for (let i = 0; i < G; i++) {
    const g = gts[i] as CocoGtEntry;
    if (!(g.crowd || g.area < lo || g.area > hi)) gtOrder[numGt++] = i;
  }
  for (let i = 0, s = numGt; i < G; i++) {
    const g = gts[i] as CocoGtEntry;
    if (g.crowd || g.area < lo || g.area > hi) {
      gtOrder[s] = i;
      gtIg[s++] = 1;
    }
  }

  const matched = new Uint8Array(T * D);
  const ignored = new Uint8Array(T * D);
  const gtTaken = new Uint8Array(T * G);
  // `if not len(ious)==0`: no matching at all when either side is empty.
  if (D > 0 && G > 0) {
    for (let t = 0; t < T; t++) {
      const thr = Math.min(thresholds[t] as number, COCO_IOU_CAP);
      for (let d = 0; d < D; d++) {
        let best = thr;
        let m = -1;
        for (let s = 0; s < G; s++) {
          const g = gts[gtOrder[s] as number] as CocoGtEntry;
          // already matched and not a crowd: skip
          if (gtTaken[t * G + s] && !g.crowd) continue;
          // matched a regular gt and reached the ignored ones: stop
          if (m > -1 && gtIg[m] === 0 && gtIg[s] === 1) break;
          const iou = ious[d * G + (gtOrder[s] as number)] as number;
          // `if ious[dind,gind] < iou: continue` -- an equal IoU replaces the match
          if (iou < best) continue;
          best = iou;
          m = s;
        }
        if (m === -1) continue;
        ignored[t * D + d] = gtIg[m] as number;
        // dtMatches stores the gt id, and accumulate tests it for truthiness.
        matched[t * D + d] = (gts[gtOrder[m] as number] as CocoGtEntry).id !== 0 ? 1 : 0;
        gtTaken[t * G + m] = 1;
      }
    }
  }
  // "set unmatched detections outside of area range to ignore" (dtm == 0, area = w * h)
  const scores = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    const { bbox, score } = dts[d] as CocoDtEntry;
    scores[d] = score;
    const area = bbox[2] * bbox[3];
    if (!(area < lo || area > hi)) continue;
    for (let t = 0; t < T; t++) if (!matched[t * D + d]) ignored[t * D + d] = 1;
  }
  return { scores, matched, ignored, numGt };
}
