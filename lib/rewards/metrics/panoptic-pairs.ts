/**
 * Pixel pairing of one image: panopticapi's `gt_pred_map`, the counts of
 * `np.unique(pan_gt * OFFSET + pan_pred)`, plus the segment areas it implies
 * (`np.unique(pan_pred, return_counts=True)` for predictions). One pass over the pixels.
 */
import { VOID, type PanopticImage } from "./panoptic-types";

/** Segments of one side, indexed 1..k in list order (index 0 = VOID). */
export interface SegmentTable {
  ids: number[];
  categories: number[];
  crowd: boolean[];
  /** segment id -> index */
  indexOf: Map<number, number>;
}

/** Pair counts between ground-truth index g and prediction index p (0 = VOID on both sides). */
export interface PairCounts {
  /** Shape [gt segments + 1]: pixels per ground-truth index. */
  gtArea: Float64Array;
  /** Shape [pred segments + 1]: pixels per prediction index. */
  predArea: Float64Array;
  /** Pixels labelled g in the ground truth and p in the prediction. */
  count(g: number, p: number): number;
  /** The [p, count] pairs with count > 0 of ground-truth index g. */
  rowOf(g: number): [number, number][];
}

/** Looks ids up, remembering the last one: maps are mostly runs of one id. */
function indexer(table: SegmentTable, field: string, tag: string): (id: number, pixel: number) => number {
  let lastId = NaN;
  let lastIndex = 0;
  return (id, pixel) => {
    if (id === lastId) return lastIndex;
    const index = id === VOID ? 0 : table.indexOf.get(id);
    if (index === undefined) {
      throw new Error(`${field}[${pixel}]: segment id ${id} is not listed in segments${tag}`);
    }
    lastId = id;
    lastIndex = index;
    return index;
  };
}

/** Counts (gt, pred) pairs; throws on a length mismatch or an unlisted non-VOID id. */
export function countPairs(
  image: PanopticImage,
  gt: SegmentTable,
  pred: SegmentTable,
  where: string,
  tag: string,
): PairCounts {
  const n = image.height * image.width;
  const gtMap = image.groundTruth.segmentIds;
  const predMap = image.prediction.segmentIds;
  for (const [name, map] of [["groundTruth", gtMap], ["prediction", predMap]] as const) {
    if (map?.length !== n) {
      throw new Error(`${where}.${name}.segmentIds: length ${map?.length} != height * width = ${n}${tag}`);
    }
  }
  const nG = gt.ids.length;
  const nP = pred.ids.length;
  const gtIndex = indexer(gt, `${where}.groundTruth.segmentIds`, tag);
  const predIndex = indexer(pred, `${where}.prediction.segmentIds`, tag);
  // Dense table when it is no bigger than the image, else a Map keyed by g * nP + p.
  const dense = nG * nP <= Math.max(n, 1 << 16) ? new Uint32Array(nG * nP) : undefined;
  const sparse = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const cell = gtIndex(gtMap[i] as number, i) * nP + predIndex(predMap[i] as number, i);
    if (dense) dense[cell]! += 1;
    else sparse.set(cell, (sparse.get(cell) ?? 0) + 1);
  }

  const rows: [number, number][][] = Array.from({ length: nG }, () => []);
  const gtArea = new Float64Array(nG);
  const predArea = new Float64Array(nP);
  const add = (cell: number, c: number): void => {
    const g = Math.floor(cell / nP);
    const p = cell - g * nP;
    rows[g]!.push([p, c]);
    gtArea[g]! += c;
    predArea[p]! += c;
  };
  if (dense) dense.forEach((c, cell) => c > 0 && add(cell, c));
  else [...sparse.keys()].sort((a, b) => a - b).forEach((cell) => add(cell, sparse.get(cell)!));

  const count = dense
    ? (g: number, p: number) => dense[g * nP + p] ?? 0
    : (g: number, p: number) => sparse.get(g * nP + p) ?? 0;
  return { gtArea, predArea, count, rowOf: (g) => rows[g] ?? [] };
}
