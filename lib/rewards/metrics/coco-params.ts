/**
 * The fixed evaluation parameters of pycocotools `COCOeval` for `iouType="bbox"`
 * (`Params.setDetParams` in `PythonAPI/pycocotools/cocoeval.py`).
 *
 * The thresholds are produced the way `np.linspace` produces them, not typed in as
 * literals: numpy's value for 0.9 is 0.8999999999999999, and `evaluateImg` compares IoUs
 * against these exact doubles, so a literal 0.9 would change which boxes match.
 */

/**
 * `np.linspace(start, stop, num, endpoint=True)` as numpy computes it:
 * `i * step + start` with `step = (stop - start) / (num - 1)`, last entry set to `stop`.
 */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  const step = (stop - start) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = i * step + start;
  if (num > 1) out[num - 1] = stop;
  return out;
}

/** IoU thresholds .50:.05:.95 (T = 10), `np.linspace(.5, 0.95, 10)`. */
export const COCO_IOU_THRESHOLDS: Float64Array = linspace(0.5, 0.95, 10);

/** Recall thresholds 0:.01:1 (R = 101), `np.linspace(.0, 1.00, 101)`. */
export const COCO_RECALL_THRESHOLDS: Float64Array = linspace(0, 1, 101);

/** Maximum detections per image (M = 3), ascending as `evaluate()` sorts them. */
export const COCO_MAX_DETS: readonly number[] = [1, 10, 100];

/** Object area ranges `[lo, hi]`, both ends inclusive (A = 4): all, small, medium, large. */
export const COCO_AREA_RANGES: readonly (readonly [number, number])[] = [
  [0 ** 2, 1e5 ** 2],
  [0 ** 2, 32 ** 2],
  [32 ** 2, 96 ** 2],
  [96 ** 2, 1e5 ** 2],
];

/** Index into {@link COCO_AREA_RANGES} by the labels `summarize()` uses. */
export const COCO_AREA = { all: 0, small: 1, medium: 2, large: 3 } as const;

/**
 * `1 - 1e-10`: `evaluateImg` starts each match search at `min(t, 1 - 1e-10)`, so a
 * threshold of 1 would still accept an IoU of exactly 1.
 */
export const COCO_IOU_CAP = 1 - 1e-10;

/** `np.spacing(1)` = 2^-52, added to `tp + fp` in `accumulate()` to avoid 0/0. */
export const NP_SPACING_1 = 2 ** -52;
