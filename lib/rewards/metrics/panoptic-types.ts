/**
 * Input and output shapes of panoptic quality (Kirillov et al., "Panoptic Segmentation",
 * CVPR 2019), following COCO panoptic `categories` / `segments_info` and the dictionaries
 * that cocodataset/panopticapi `evaluation.py` returns. Re-exported by panoptic-quality.ts.
 */

/** Segment id of unlabelled pixels (panopticapi `VOID = 0`). */
export const VOID = 0;

/** One COCO panoptic category. `isthing` 1 / true = thing, 0 / false = stuff. */
export interface PanopticCategory {
  id: number;
  name?: string;
  isthing: 0 | 1 | boolean;
}

/** One COCO panoptic `segments_info` entry (extra fields such as `area` are ignored). */
export interface PanopticSegmentInfo {
  /** Positive integer; 0 is reserved for VOID. */
  id: number;
  category_id: number;
  /** 1 marks a crowd region (ground truth only; ignored in predictions). Default 0. */
  iscrowd?: 0 | 1;
}

/** A segment-id map and the segments it contains. */
export interface PanopticAnnotation {
  /**
   * Shape [height, width], row-major: the segment id of each pixel, 0 = VOID. Plays the
   * role of panopticapi's PNG after `rgb2id` (id = R + 256 G + 256^2 B).
   */
  segmentIds: ArrayLike<number>;
  segments: readonly PanopticSegmentInfo[];
}

/** One image: ground truth and prediction of the same size. */
export interface PanopticImage {
  id: number | string;
  height: number;
  width: number;
  groundTruth: PanopticAnnotation;
  prediction: PanopticAnnotation;
}

/** Counters of one category (panopticapi `PQStatCat`). */
export interface PQStatCat {
  /** Sum of the IoUs of the true positives. */
  iou: number;
  tp: number;
  fp: number;
  fn: number;
}

/** An average over categories (panopticapi `pq_average`'s `{pq, sq, rq, n}`). */
export interface PQ {
  PQ: number;
  SQ: number;
  RQ: number;
  /** Number of categories averaged: those with tp + fp + fn > 0. */
  n: number;
}

/** Scores of one category (panopticapi `per_class[label]`). */
export interface PQClass {
  PQ: number;
  SQ: number;
  RQ: number;
}

/** What `pq_compute` returns: All, Things, Stuff and per-class scores. */
export interface PanopticResult {
  All: PQ;
  Things: PQ;
  Stuff: PQ;
  /** Keyed by `String(category.id)`, every category listed (0s for empty ones). */
  perClass: Record<string, PQClass>;
}
