/**
 * Panoptic quality (Kirillov et al., CVPR 2019) exactly as cocodataset/panopticapi
 * `panopticapi/evaluation.py` computes it: `PQStat` accumulates per-category TP / FP / FN
 * and TP IoU over images (pq_compute_single_core), then `pq_average` averages per-class
 * PQ, SQ, RQ over the categories that occur. Inputs are integer segment-id maps instead of
 * RGB PNGs (id = R + 256 G + 256^2 B there). Deliberate differences:
 *  - panopticapi's KeyErrors for predictions (unknown category, id in the map but not listed,
 *    listed id absent from the map) apply to ground truth too (panopticapi ignores unlisted
 *    ground-truth ids and takes ground-truth areas from the JSON);
 *  - duplicate segment ids and a listed id 0 (VOID) are errors;
 *  - an average over no occurring category is 0 with n = 0, where panopticapi raises.
 * Checked against a transliteration of evaluation.py on 3000 random cases: identical to the
 * last bit with its 16-core split, within 4e-16 relative of a single core.
 */
import { matchImage } from "./panoptic-match";
import type {
  PanopticCategory,
  PanopticImage,
  PanopticResult,
  PQ,
  PQClass,
  PQStatCat,
} from "./panoptic-types";

export { VOID } from "./panoptic-types";
export type {
  PanopticAnnotation,
  PanopticCategory,
  PanopticImage,
  PanopticResult,
  PanopticSegmentInfo,
  PQ,
  PQClass,
  PQStatCat,
} from "./panoptic-types";

function checkCategories(categories: readonly PanopticCategory[]): Map<number, PanopticCategory> {
  const byId = new Map<number, PanopticCategory>();
  categories.forEach((c, i) => {
    if (!Number.isSafeInteger(c.id)) throw new Error(`categories[${i}].id: ${String(c.id)} is not an integer`);
    if (byId.has(c.id)) throw new Error(`categories[${i}].id: category ${c.id} is listed twice`);
    if (![0, 1, true, false].includes(c.isthing)) {
      throw new Error(`categories[${i}].isthing: ${String(c.isthing)} is not 0, 1 or a boolean`);
    }
    byId.set(c.id, c);
  });
  return byId;
}

/**
 * panopticapi `PQStat.pq_average`. Deliberate difference: with no category occurring
 * (n = 0) panopticapi divides by zero and raises (panopticapi issue #54); we return 0s.
 */
function pqAverage(stat: PQStat, categories: readonly PanopticCategory[], isthing: boolean | undefined) {
  let pq = 0;
  let sq = 0;
  let rq = 0;
  let n = 0;
  const perClass: Record<string, PQClass> = {};
  for (const c of categories) {
    // `label_info['isthing'] == 1` is True for 1 and for True.
    if (isthing !== undefined && (c.isthing === 1 || c.isthing === true) !== isthing) continue;
    const { iou, tp, fp, fn } = stat.get(c.id);
    if (tp + fp + fn === 0) {
      perClass[String(c.id)] = { PQ: 0, SQ: 0, RQ: 0 };
      continue;
    }
    n += 1;
    const pqClass = iou / (tp + 0.5 * fp + 0.5 * fn);
    const sqClass = tp !== 0 ? iou / tp : 0;
    const rqClass = tp / (tp + 0.5 * fp + 0.5 * fn);
    perClass[String(c.id)] = { PQ: pqClass, SQ: sqClass, RQ: rqClass };
    pq += pqClass;
    sq += sqClass;
    rq += rqClass;
  }
  const avg: PQ = n === 0 ? { PQ: 0, SQ: 0, RQ: 0, n } : { PQ: pq / n, SQ: sq / n, RQ: rq / n, n };
  return { avg, perClass };
}

/**
 * Per-category counters accumulated one image at a time (panopticapi `PQStat`), so a
 * trainer can score images as they come and combine workers with `merge`.
 */
export class PQStat {
  private readonly perCategory = new Map<number, PQStatCat>();
  /** First use of each category id, checked against the categories when they are known. */
  private readonly categoryUses = new Map<number, string>();
  private readonly known: Map<number, PanopticCategory> | undefined;

  /** @param categories when given, `add` rejects unknown category ids at once. */
  constructor(private readonly categories?: readonly PanopticCategory[]) {
    this.known = categories ? checkCategories(categories) : undefined;
  }

  /**
   * Adds one image's TP / FP / FN / IoU (one iteration of pq_compute_single_core). The
   * image's IoU sum is added as a whole, as pq_compute_multi_core does with one image per
   * core; a single core's running sum can differ in the last bit.
   * @param where path prefix for error messages, e.g. `images[2]`.
   */
  add(image: PanopticImage, where = "image"): this {
    const { perCategory, categoryUses } = matchImage(image, where);
    if (this.known) this.checkKnown(categoryUses, this.known);
    for (const [id, message] of categoryUses) if (!this.categoryUses.has(id)) this.categoryUses.set(id, message);
    for (const [id, s] of perCategory) this.addCat(id, s);
    return this;
  }

  /** Adds another stat's counters (panopticapi `PQStat.__iadd__`). */
  merge(other: PQStat): this {
    for (const [id, message] of other.categoryUses) if (!this.categoryUses.has(id)) this.categoryUses.set(id, message);
    for (const [id, s] of other.perCategory) this.addCat(id, s);
    return this;
  }

  /** Counters of one category (all 0 if it never occurred). */
  get(categoryId: number): PQStatCat {
    const s = this.perCategory.get(categoryId);
    return s ? { ...s } : { iou: 0, tp: 0, fp: 0, fn: 0 };
  }

  /**
   * All / Things / Stuff averages and per-class scores, as pq_compute's `results`.
   * @param categories defaults to the constructor's; throws if a segment used an unknown one.
   */
  average(categories: readonly PanopticCategory[] | undefined = this.categories): PanopticResult {
    if (!categories) throw new Error("PQStat.average: no categories given");
    this.checkKnown(this.categoryUses, checkCategories(categories));
    const all = pqAverage(this, categories, undefined);
    return {
      All: all.avg,
      Things: pqAverage(this, categories, true).avg,
      Stuff: pqAverage(this, categories, false).avg,
      perClass: all.perClass,
    };
  }

  private addCat(id: number, s: PQStatCat): void {
    const t = this.perCategory.get(id);
    if (!t) {
      this.perCategory.set(id, { ...s });
      return;
    }
    t.iou += s.iou;
    t.tp += s.tp;
    t.fp += s.fp;
    t.fn += s.fn;
  }

  private checkKnown(uses: Map<number, string>, known: Map<number, PanopticCategory>): void {
    for (const [id, message] of uses) if (!known.has(id)) throw new Error(message);
  }
}

/**
 * Panoptic quality of `images` over `categories` (panopticapi `pq_compute`).
 * @param images each with `segmentIds` of shape [height, width] on both sides.
 * @returns PQ / SQ / RQ / n for All, Things (isthing 1) and Stuff (isthing 0), and per class.
 */
export function panopticQuality(
  categories: readonly PanopticCategory[],
  images: readonly PanopticImage[],
): PanopticResult {
  const stat = new PQStat(categories);
  images.forEach((image, i) => stat.add(image, `images[${i}]`));
  return stat.average();
}
