/**
 * One image of panoptic quality: the body of the per-image loop of `pq_compute_single_core`
 * in cocodataset/panopticapi `panopticapi/evaluation.py`, on integer segment-id maps.
 */
import { VOID, type PanopticAnnotation, type PanopticImage, type PQStatCat } from "./panoptic-types";
import { countPairs, type PairCounts, type SegmentTable } from "./panoptic-pairs";

/** What one image adds: counters per category id, and where each category id is used. */
export interface ImageStat {
  perCategory: Map<number, PQStatCat>;
  /** category id -> error message to raise if it turns out not to be a known category. */
  categoryUses: Map<number, string>;
}

function readSegments(ann: PanopticAnnotation, path: string, uses: Map<number, string>, tag: string): SegmentTable {
  const table: SegmentTable = { ids: [VOID], categories: [-1], crowd: [false], indexOf: new Map() };
  if (!Array.isArray(ann.segments)) throw new Error(`${path}.segments: expected an array${tag}`);
  ann.segments.forEach((s, j) => {
    const at = `${path}.segments[${j}]`;
    if (!Number.isSafeInteger(s.id) || s.id <= 0) {
      throw new Error(`${at}.id: ${String(s.id)} is not a positive integer (0 is VOID)${tag}`);
    }
    if (table.indexOf.has(s.id)) throw new Error(`${at}.id: segment id ${s.id} is listed twice${tag}`);
    if (!Number.isSafeInteger(s.category_id)) {
      throw new Error(`${at}.category_id: ${String(s.category_id)} is not an integer${tag}`);
    }
    if (s.iscrowd !== undefined && s.iscrowd !== 0 && s.iscrowd !== 1) {
      throw new Error(`${at}.iscrowd: ${String(s.iscrowd)} is not 0 or 1${tag}`);
    }
    table.indexOf.set(s.id, table.ids.length);
    table.ids.push(s.id);
    table.categories.push(s.category_id);
    table.crowd.push(s.iscrowd === 1);
    if (!uses.has(s.category_id)) {
      uses.set(s.category_id, `${at}.category_id: ${s.category_id} is not a known category${tag}`);
    }
  });
  return table;
}

/** panopticapi raises for prediction ids listed but absent; we hold ground truth to it too. */
function checkPresent(table: SegmentTable, area: Float64Array, path: string, tag: string): void {
  for (let k = 1; k < table.ids.length; k++) {
    if (area[k] === 0) {
      const id = table.ids[k];
      throw new Error(`${path}.segments[${k - 1}].id: segment ${id} is listed but absent from ${path}.segmentIds${tag}`);
    }
  }
}

/**
 * Validates one image and counts its TP / FP / FN and TP IoU per category.
 * @param where path prefix for error messages, e.g. `images[2]`.
 */
export function matchImage(image: PanopticImage, where: string): ImageStat {
  const tag = ` (image id ${JSON.stringify(image.id)})`;
  const { height, width } = image;
  if (!Number.isSafeInteger(height) || height <= 0 || !Number.isSafeInteger(width) || width <= 0) {
    throw new Error(`${where}: height ${height} and width ${width} must be positive integers${tag}`);
  }
  const categoryUses = new Map<number, string>();
  const gt = readSegments(image.groundTruth, `${where}.groundTruth`, categoryUses, tag);
  const pred = readSegments(image.prediction, `${where}.prediction`, categoryUses, tag);
  const pairs = countPairs(image, gt, pred, where, tag);
  checkPresent(gt, pairs.gtArea, `${where}.groundTruth`, tag);
  checkPresent(pred, pairs.predArea, `${where}.prediction`, tag);
  return { perCategory: countMatches(gt, pred, pairs), categoryUses };
}

function countMatches(gt: SegmentTable, pred: SegmentTable, pairs: PairCounts): Map<number, PQStatCat> {
  const stats = new Map<number, PQStatCat>();
  const stat = (category: number): PQStatCat => {
    let s = stats.get(category);
    if (!s) stats.set(category, (s = { iou: 0, tp: 0, fp: 0, fn: 0 }));
    return s;
  };
  const { gtArea, predArea, count } = pairs;
  const gtMatched = new Uint8Array(gt.ids.length);
  const predMatched = new Uint8Array(pred.ids.length);
  // "count all matched pairs": panopticapi walks np.unique(gt * OFFSET + pred), i.e. gt id
  // ascending; walking in that order keeps each category's IoU sum bit-identical.
  const byId = gt.ids.map((_, k) => k).slice(1).sort((a, b) => gt.ids[a]! - gt.ids[b]!);
  for (const g of byId) {
    if (gt.crowd[g]) continue;
    for (const [p, intersection] of pairs.rowOf(g)) {
      if (p === 0 || gt.categories[g] !== pred.categories[p]) continue;
      const union = predArea[p]! + gtArea[g]! - intersection - count(0, p);
      const iou = intersection / union;
      if (iou > 0.5) {
        const s = stat(gt.categories[g]!);
        s.tp += 1;
        s.iou += iou;
        gtMatched[g] = 1;
        predMatched[p] = 1;
      }
    }
  }
  // False negatives; the LAST crowd segment of a category is its crowd region
  // (`crowd_labels_dict[category_id] = gt_label` overwrites).
  const crowdOf = new Map<number, number>();
  for (let g = 1; g < gt.ids.length; g++) {
    if (gtMatched[g]) continue;
    if (gt.crowd[g]) crowdOf.set(gt.categories[g]!, g);
    else stat(gt.categories[g]!).fn += 1;
  }
  // False positives: an unmatched prediction is ignored when more than half of it lies in
  // VOID or in the crowd region of its own category.
  for (let p = 1; p < pred.ids.length; p++) {
    if (predMatched[p]) continue;
    let intersection = count(0, p);
    const crowd = crowdOf.get(pred.categories[p]!);
    if (crowd !== undefined) intersection += count(crowd, p);
    if (intersection / predArea[p]! > 0.5) continue;
    stat(pred.categories[p]!).fp += 1;
  }
  return stats;
}
