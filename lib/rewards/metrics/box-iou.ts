/**
 * Intersection over union of two axis-aligned boxes in COCO `[x, y, w, h]` form.
 *
 * Matches `bbIou` in pycocotools' `common/maskApi.c` operation for operation (same
 * additions, same `<= 0` early exits), so COCO AP computed on top of it agrees with
 * pycocotools bit for bit rather than to a tolerance. Shared by the COCO AP suite
 * (`coco-detection.ts`) and the paper's detection reward (`detection-reward.ts`).
 */

/** A box as `[x, y, width, height]`, the COCO annotation convention (pixels). */
export type XywhBox = readonly [number, number, number, number];

/**
 * IoU of a detection `dt` against a ground-truth box `gt`.
 *
 * For a crowd ground truth (`gtIsCrowd`), the union is replaced by the detection's own
 * area, so a detection lying inside a crowd region scores 1 (pycocotools `_mask.pyx`:
 * "iou(gt,dt,iscrowd) = area(intersect(gt,dt)) / area(dt)"). The argument order matters
 * only in that case.
 *
 * Boxes that do not overlap with positive width and height score 0, including boxes of
 * zero area (maskApi.c returns before dividing, so there is never a 0/0).
 *
 * @param dt detection box `[x, y, w, h]`
 * @param gt ground-truth box `[x, y, w, h]`
 * @param gtIsCrowd whether `gt` is a crowd region (`iscrowd: 1`)
 * @returns IoU in [0, 1] for well-formed boxes
 */
export function boxIou(dt: XywhBox, gt: XywhBox, gtIsCrowd = false): number {
  const [dx, dy, dw, dh] = dt;
  const [gx, gy, gw, gh] = gt;
  // maskApi.c: w=fmin(D[2]+D[0],G[2]+G[0])-fmax(D[0],G[0]); if(w<=0) continue;
  const w = Math.min(dw + dx, gw + gx) - Math.max(dx, gx);
  if (w <= 0) return 0;
  const h = Math.min(dh + dy, gh + gy) - Math.max(dy, gy);
  if (h <= 0) return 0;
  const inter = w * h;
  const da = dw * dh;
  // u = crowd ? da : da+ga-i  (evaluated in the same order as the C code)
  const union = gtIsCrowd ? da : da + gw * gh - inter;
  return inter / union;
}
