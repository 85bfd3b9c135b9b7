/**
 * What happened to each object of a panoptic ground truth, beyond PQ: found with its class, found
 * with another class, or missed. PQ counts a wrong-class segment as both a false positive and a
 * false negative and averages over classes, so a tuned model that drops small objects while
 * sharpening the sky can still gain; these counts show it.
 *
 * Per image and ground-truth thing segment: the predicted segment (of any class) with IoU > 0.5
 * over pixels, unique when it exists (two segments cannot both cover more than half of the
 * union, the argument PQ's matching rests on). None is a missed object; one of another category
 * is a wrong class. VOID (id 0) prediction pixels belong to no segment.
 */
export interface PanopticImageErrors {
  /** Ground-truth thing segments. */
  objects: number;
  found: number;
  wrongClass: number;
  missed: number;
}

/** The fate of each ground-truth thing in one image. */
export function panopticObjectErrors(
  groundTruth: { segmentIds: ArrayLike<number>; segments: readonly { id: number; category_id: number }[] },
  prediction: { segmentIds: ArrayLike<number>; segments: readonly { id: number; category_id: number }[] },
  isThing: (categoryId: number) => boolean,
): PanopticImageErrors {
  if (groundTruth.segmentIds.length !== prediction.segmentIds.length) {
    throw new Error(`panopticObjectErrors: ${prediction.segmentIds.length} predicted pixels for ${groundTruth.segmentIds.length} ground-truth pixels`);
  }
  const gtArea = new Map<number, number>();
  const predArea = new Map<number, number>();
  const overlap = new Map<string, number>();
  for (let i = 0; i < groundTruth.segmentIds.length; i++) {
    const g = groundTruth.segmentIds[i] as number;
    const p = prediction.segmentIds[i] as number;
    gtArea.set(g, (gtArea.get(g) ?? 0) + 1);
    if (p === 0) continue;
    predArea.set(p, (predArea.get(p) ?? 0) + 1);
    overlap.set(`${g} ${p}`, (overlap.get(`${g} ${p}`) ?? 0) + 1);
  }
  const predCategory = new Map(prediction.segments.map((s) => [s.id, s.category_id]));
  const out: PanopticImageErrors = { objects: 0, found: 0, wrongClass: 0, missed: 0 };
  for (const g of groundTruth.segments) {
    if (!isThing(g.category_id)) continue;
    out.objects++;
    let match: number | undefined;
    for (const [p, area] of predArea) {
      const inter = overlap.get(`${g.id} ${p}`) ?? 0;
      if (inter > 0 && inter / ((gtArea.get(g.id) ?? 0) + area - inter) > 0.5) match = p;
    }
    if (match === undefined) out.missed++;
    else if (predCategory.get(match) === g.category_id) out.found++;
    else out.wrongClass++;
  }
  return out;
}
