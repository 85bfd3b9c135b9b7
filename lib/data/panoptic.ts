/**
 * Per-segment statistics of a panoptic segment-id map, as COCO panoptic
 * `segments_info` reports them: area = pixel count, bbox = [x, y, w, h] of the pixels.
 */
import type { BBox } from "./types";

/** Area and COCO box of one segment. */
export interface SegmentStats {
  area: number;
  bbox: BBox;
}

/**
 * Scans `segmentIds` (shape [height, width], row-major) once.
 * @param maxId largest id present; ids must lie in 1..maxId.
 * @returns stats indexed by id (index 0 unused); ids with no pixels get area 0 and
 *   bbox [0, 0, 0, 0].
 */
export function segmentStats(segmentIds: Int32Array, width: number, height: number, maxId: number): SegmentStats[] {
  const minX = new Int32Array(maxId + 1).fill(width);
  const minY = new Int32Array(maxId + 1).fill(height);
  const maxX = new Int32Array(maxId + 1).fill(-1);
  const maxY = new Int32Array(maxId + 1).fill(-1);
  const area = new Int32Array(maxId + 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const id = segmentIds[y * width + x] ?? 0;
      if (id < 1 || id > maxId) throw new RangeError(`segment id ${id} at (${x}, ${y}) is outside 1..${maxId}`);
      area[id]!++;
      if (x < minX[id]!) minX[id] = x;
      if (x > maxX[id]!) maxX[id] = x;
      if (y < minY[id]!) minY[id] = y;
      if (y > maxY[id]!) maxY[id] = y;
    }
  }
  const out: SegmentStats[] = [];
  for (let id = 0; id <= maxId; id++) {
    const a = area[id] ?? 0;
    const x0 = minX[id] ?? 0;
    const y0 = minY[id] ?? 0;
    // A pixel at column c spans [c, c + 1), so the box width is max - min + 1.
    const bbox: BBox = a > 0 ? [x0, y0, (maxX[id] ?? 0) - x0 + 1, (maxY[id] ?? 0) - y0 + 1] : [0, 0, 0, 0];
    out.push({ area: a, bbox });
  }
  return out;
}
