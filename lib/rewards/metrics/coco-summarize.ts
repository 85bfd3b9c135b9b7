/**
 * The twelve headline numbers of COCO bbox evaluation: pycocotools
 * `COCOeval.summarize` / `_summarizeDets` (`PythonAPI/pycocotools/cocoeval.py`).
 */
import { type CocoAccumulated, precisionIndex, recallIndex } from "./coco-accumulate";
import { COCO_AREA, COCO_IOU_THRESHOLDS, COCO_MAX_DETS, COCO_RECALL_THRESHOLDS } from "./coco-params";

/** The 12 numbers pycocotools prints, in `stats[0..11]` order. -1 where undefined. */
export interface CocoStats {
  /** AP @[IoU=.50:.95 | area=all | maxDets=100] */
  AP: number;
  /** AP @[IoU=.50 | area=all | maxDets=100] */
  AP50: number;
  /** AP @[IoU=.75 | area=all | maxDets=100] */
  AP75: number;
  /** AP @[IoU=.50:.95 | area=small (<= 32^2) | maxDets=100] */
  APs: number;
  /** AP @[IoU=.50:.95 | area=medium (32^2..96^2) | maxDets=100] */
  APm: number;
  /** AP @[IoU=.50:.95 | area=large (>= 96^2) | maxDets=100] */
  APl: number;
  /** AR @[IoU=.50:.95 | area=all | maxDets=1] */
  AR1: number;
  /** AR @[IoU=.50:.95 | area=all | maxDets=10] */
  AR10: number;
  /** AR @[IoU=.50:.95 | area=all | maxDets=100] */
  AR100: number;
  /** AR @[IoU=.50:.95 | area=small | maxDets=100] */
  ARs: number;
  /** AR @[IoU=.50:.95 | area=medium | maxDets=100] */
  ARm: number;
  /** AR @[IoU=.50:.95 | area=large | maxDets=100] */
  ARl: number;
}

type AreaLabel = keyof typeof COCO_AREA;

/**
 * `_summarize(ap, iouThr, areaRng, maxDets)`: the mean of the entries > -1 of the
 * selected slice, or -1 when there are none. `iouThr` is looked up by exact equality,
 * as `np.where(iouThr == p.iouThrs)` does.
 */
function summarizeOne(acc: CocoAccumulated, ap: boolean, iouThr: number | null, area: AreaLabel, maxDets: number): number {
  const K = acc.numCategories;
  const a = COCO_AREA[area];
  const m = COCO_MAX_DETS.indexOf(maxDets);
  const ts = [...COCO_IOU_THRESHOLDS.keys()].filter((t) => iouThr === null || COCO_IOU_THRESHOLDS[t] === iouThr);
  let sum = 0;
  let count = 0;
  const add = (v: number) => {
    if (v > -1) {
      sum += v;
      count++;
    }
  };
  for (const t of ts) {
    for (let k = 0; k < K; k++) {
      if (!ap) add(acc.recall[recallIndex(t, k, a, m, K)] as number);
      else for (let r = 0; r < COCO_RECALL_THRESHOLDS.length; r++) add(acc.precision[precisionIndex(t, r, k, a, m, K)] as number);
    }
  }
  return count === 0 ? -1 : sum / count;
}

/** `_summarizeDets()`: the 12 standard COCO detection numbers. */
export function cocoSummarize(acc: CocoAccumulated): CocoStats {
  const [md1, md10, md100] = COCO_MAX_DETS as [number, number, number];
  return {
    AP: summarizeOne(acc, true, null, "all", md100),
    AP50: summarizeOne(acc, true, 0.5, "all", md100),
    AP75: summarizeOne(acc, true, 0.75, "all", md100),
    APs: summarizeOne(acc, true, null, "small", md100),
    APm: summarizeOne(acc, true, null, "medium", md100),
    APl: summarizeOne(acc, true, null, "large", md100),
    AR1: summarizeOne(acc, false, null, "all", md1),
    AR10: summarizeOne(acc, false, null, "all", md10),
    AR100: summarizeOne(acc, false, null, "all", md100),
    ARs: summarizeOne(acc, false, null, "small", md100),
    ARm: summarizeOne(acc, false, null, "medium", md100),
    ARl: summarizeOne(acc, false, null, "large", md100),
  };
}
