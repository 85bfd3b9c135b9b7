// Hand-computed panoptic quality cases. IoU = |g ∩ p| / (|p| + |g| - |g ∩ p| - |VOID ∩ p|)
// and a match needs IoU > 0.5 (panopticapi evaluation.py); PQ = iou / (tp + fp/2 + fn/2).
import { describe, expect, it } from "vitest";
import { panopticQuality, PQStat, type PanopticCategory, type PanopticImage } from "./panoptic-quality";

const CATS: PanopticCategory[] = [
  { id: 1, name: "circle", isthing: 1 },
  { id: 2, name: "square", isthing: true },
  { id: 7, name: "sky", isthing: 0 },
  { id: 9, name: "sand", isthing: false }, // occurs nowhere
];
type Seg = { id: number; category_id: number; iscrowd?: 0 | 1 };
function image(gt: number[][], gtSegs: Seg[], pred: number[][], predSegs: Seg[], id: number | string = 0): PanopticImage {
  const [height, width] = [gt.length, gt[0]?.length ?? 0];
  return { id, height, width, groundTruth: { segmentIds: gt.flat(), segments: gtSegs }, prediction: { segmentIds: pred.flat(), segments: predSegs } };
}
const zero = { PQ: 0, SQ: 0, RQ: 0 };

describe("panopticQuality", () => {
  it("scores a perfect prediction 1 and leaves absent classes out of n", () => {
    const im = image([[1, 1, 2, 2], [1, 1, 2, 2]], [{ id: 1, category_id: 7 }, { id: 2, category_id: 1 }],
      [[5, 5, 6, 6], [5, 5, 6, 6]], [{ id: 5, category_id: 7 }, { id: 6, category_id: 1 }]);
    const r = panopticQuality(CATS, [im]);
    expect(r.All).toEqual({ PQ: 1, SQ: 1, RQ: 1, n: 2 });
    expect(r.Things).toEqual({ PQ: 1, SQ: 1, RQ: 1, n: 1 });
    expect(r.Stuff).toEqual({ PQ: 1, SQ: 1, RQ: 1, n: 1 });
    expect(r.perClass).toEqual({ "1": { PQ: 1, SQ: 1, RQ: 1 }, "2": zero, "7": { PQ: 1, SQ: 1, RQ: 1 }, "9": zero });
  });

  it("counts a missed segment as FN and splits things from stuff", () => {
    // sky g1 = 6 px, circle g2 = 2 px; one sky prediction p5 = all 8 px.
    // IoU(g1, p5) = 6 / (8 + 6 - 6 - 0) = 0.75 -> TP; g2 unmatched -> FN of circle.
    const im = image([[1, 1, 1, 2], [1, 1, 1, 2]], [{ id: 1, category_id: 7 }, { id: 2, category_id: 1 }],
      [[5, 5, 5, 5], [5, 5, 5, 5]], [{ id: 5, category_id: 7 }]);
    const r = panopticQuality(CATS, [im]);
    expect(r.perClass["7"]).toEqual({ PQ: 0.75, SQ: 0.75, RQ: 1 });
    expect(r.perClass["1"]).toEqual(zero); // tp 0, fn 1: counted in n with 0s
    expect(r.All).toEqual({ PQ: 0.375, SQ: 0.375, RQ: 0.5, n: 2 });
    expect(r.Things).toEqual({ PQ: 0, SQ: 0, RQ: 0, n: 1 });
    expect(r.Stuff).toEqual({ PQ: 0.75, SQ: 0.75, RQ: 1, n: 1 });
  });

  it("counts an unmatched prediction as FP", () => {
    // sky g1 = 4 px; p5 sky 3 px: IoU = 3 / (3 + 4 - 3) = 0.75 -> TP.
    // p6 circle 1 px lies on sky (other category), not VOID or crowd -> FP of circle.
    const im = image([[1, 1, 1, 1]], [{ id: 1, category_id: 7 }], [[5, 5, 5, 6]], [{ id: 5, category_id: 7 }, { id: 6, category_id: 1 }]);
    const stat = new PQStat(CATS).add(im);
    expect(stat.get(1)).toEqual({ iou: 0, tp: 0, fp: 1, fn: 0 });
    expect(stat.get(7)).toEqual({ iou: 0.75, tp: 1, fp: 0, fn: 0 });
    expect(stat.average().All).toEqual({ PQ: 0.375, SQ: 0.375, RQ: 0.5, n: 2 });
  });

  it("does not match at IoU exactly 0.5, matches just above", () => {
    // circle g1 = 2 px, p5 covers 1 of them: IoU = 1 / (1 + 2 - 1) = 0.5 -> FN + FP.
    const half = image([[1, 1, 2, 2]], [{ id: 1, category_id: 1 }, { id: 2, category_id: 7 }], [[5, 0, 0, 0]], [{ id: 5, category_id: 1 }]);
    expect(new PQStat().add(half).get(1)).toEqual({ iou: 0, tp: 0, fp: 1, fn: 1 });
    // circle g1 = 3 px, p5 covers 2: IoU = 2 / (2 + 3 - 2) = 2/3 -> TP.
    const above = image([[1, 1, 1, 2]], [{ id: 1, category_id: 1 }, { id: 2, category_id: 7 }], [[5, 5, 0, 0]], [{ id: 5, category_id: 1 }]);
    expect(new PQStat().add(above).get(1)).toEqual({ iou: 2 / 3, tp: 1, fp: 0, fn: 0 });
  });

  it("takes the prediction's VOID pixels out of the union", () => {
    // circle g1 = 2 px next to 2 VOID px; p5 = all 4 px. Intersection 2, VOID ∩ p5 = 2:
    // union = 4 + 2 - 2 - 2 = 2, IoU = 1 (without the VOID term it would be 0.5, no match).
    const im = image([[0, 0, 1, 1]], [{ id: 1, category_id: 1 }], [[5, 5, 5, 5]], [{ id: 5, category_id: 1 }]);
    expect(new PQStat().add(im).get(1)).toEqual({ iou: 1, tp: 1, fp: 0, fn: 0 });
  });

  it("ignores an unmatched prediction lying mostly in VOID", () => {
    // p6 = 3 px, 2 on VOID: 2/3 > 0.5 -> ignored. p7 = 2 px, 1 on VOID: 1/2 -> FP.
    const im = image([[0, 0, 1, 1, 1, 0]], [{ id: 1, category_id: 7 }], [[6, 6, 6, 7, 7, 0]], [{ id: 6, category_id: 1 }, { id: 7, category_id: 2 }]);
    const stat = new PQStat().add(im);
    expect(stat.get(1).fp).toBe(0);
    expect(stat.get(2).fp).toBe(1);
    expect(stat.get(7).fn).toBe(1);
  });

  it("lets a crowd region of the same category absorb a FP", () => {
    // g1 circle 2 px, g2 circle crowd 4 px. p5 matches g1 (IoU 1). p6 circle 3 px inside
    // the crowd: (0 VOID + 3 crowd) / 3 > 0.5 -> ignored; the crowd itself is no FN.
    const gt = [[1, 1, 2, 2, 2, 2]];
    const gtSegs: Seg[] = [{ id: 1, category_id: 1 }, { id: 2, category_id: 1, iscrowd: 1 }];
    const same = image(gt, gtSegs, [[5, 5, 6, 6, 6, 0]], [{ id: 5, category_id: 1 }, { id: 6, category_id: 1 }]);
    expect(panopticQuality(CATS, [same]).Things).toEqual({ PQ: 1, SQ: 1, RQ: 1, n: 1 });
    // A square there is not absorbed (crowd of another category): FP of square.
    const other = image(gt, gtSegs, [[5, 5, 6, 6, 6, 0]], [{ id: 5, category_id: 1 }, { id: 6, category_id: 2 }]);
    expect(panopticQuality(CATS, [other]).Things).toEqual({ PQ: 0.5, SQ: 0.5, RQ: 0.5, n: 2 });
  });

  it("uses only the last crowd segment of a category, as crowd_labels_dict does", () => {
    // Crowds g1 and g2, both circle; p5 circle lies in g1. Listed [g1, g2] -> dict keeps g2,
    // p5 ∩ g2 = 0 -> FP. Listed [g2, g1] -> dict keeps g1, 2/2 > 0.5 -> ignored.
    const c1 = { id: 1, category_id: 1, iscrowd: 1 as const };
    const c2 = { id: 2, category_id: 1, iscrowd: 1 as const };
    const pred = [[5, 5, 0, 0]];
    expect(new PQStat().add(image([[1, 1, 2, 2]], [c1, c2], pred, [{ id: 5, category_id: 1 }])).get(1).fp).toBe(1);
    expect(new PQStat().add(image([[1, 1, 2, 2]], [c2, c1], pred, [{ id: 5, category_id: 1 }])).get(1).fp).toBe(0);
  });

  it("accumulates TP / FP / FN over images before averaging", () => {
    // Image A as in "missed segment": sky tp 1 (iou 0.75), circle fn 1.
    // Image B: circle matched with IoU 1. Pooled circle: iou 1, tp 1, fn 1 ->
    // PQ = 1 / 1.5 = 2/3, SQ = 1, RQ = 2/3. All = mean over circle and sky:
    // PQ = (2/3 + 0.75) / 2 = 17/24, SQ = (1 + 0.75) / 2 = 0.875, RQ = (2/3 + 1) / 2 = 5/6.
    const a = image([[1, 1, 1, 2], [1, 1, 1, 2]], [{ id: 1, category_id: 7 }, { id: 2, category_id: 1 }],
      [[5, 5, 5, 5], [5, 5, 5, 5]], [{ id: 5, category_id: 7 }], "a");
    const b = image([[3, 3]], [{ id: 3, category_id: 1 }], [[4, 4]], [{ id: 4, category_id: 1 }], "b");
    const r = panopticQuality(CATS, [a, b]);
    expect(r.perClass["1"]).toEqual({ PQ: 1 / 1.5, SQ: 1, RQ: 1 / 1.5 });
    expect(r.All.PQ).toBeCloseTo(17 / 24, 15);
    expect(r.All.SQ).toBe(0.875);
    expect(r.All.RQ).toBeCloseTo(5 / 6, 15);
    // Averaging per-image scores instead would give (0.375 + 1) / 2 = 0.6875.
    const merged = new PQStat().add(a).merge(new PQStat().add(b)).average(CATS);
    expect(merged).toEqual(r);
  });

  it("scores an empty prediction 0 and an all-VOID image with n = 0", () => {
    const gt = [[1, 1, 2, 2]];
    const segs: Seg[] = [{ id: 1, category_id: 1 }, { id: 2, category_id: 7 }];
    const r = panopticQuality(CATS, [image(gt, segs, [[0, 0, 0, 0]], [])]);
    expect(r.All).toEqual({ PQ: 0, SQ: 0, RQ: 0, n: 2 });
    // Nothing anywhere: panopticapi divides by n = 0 and raises (issue #54); we return 0s.
    const empty = panopticQuality(CATS, [image([[0, 0]], [], [[0, 0]], [])]);
    expect(empty.All).toEqual({ PQ: 0, SQ: 0, RQ: 0, n: 0 });
    expect(panopticQuality(CATS, []).Stuff).toEqual({ PQ: 0, SQ: 0, RQ: 0, n: 0 });
  });
});
