/**
 * Hand-computed behaviour of the COCO bbox suite (each expectation worked out below from
 * pycocotools' evaluateImg / accumulate rules). Conformance against the reference numbers
 * is in `coco-conformance.test.ts`.
 */
import { describe, expect, it } from "vitest";

import { type CocoDetection, type CocoGroundTruth, cocoDetectionEval } from "./coco-detection";
import { COCO_IOU_THRESHOLDS, COCO_RECALL_THRESHOLDS } from "./coco-params";

type Box = [number, number, number, number];
/** `np.spacing(1)`: accumulate divides by `tp + fp + eps`, so one lone hit has precision P1. */
const EPS = 2 ** -52;
const P1 = 1 / (1 + EPS);

function dataset(imageIds: number[], categoryIds: number[], anns: [number, number, Box, (0 | 1)?][]): CocoGroundTruth {
  return {
    images: imageIds.map((id) => ({ id })),
    categories: categoryIds.map((id) => ({ id })),
    annotations: anns.map(([image_id, category_id, bbox, iscrowd], i) => ({
      id: i + 1,
      image_id,
      category_id,
      bbox,
      area: bbox[2] * bbox[3],
      iscrowd: iscrowd ?? 0,
    })),
  };
}
const det = (image_id: number, category_id: number, bbox: Box, score: number): CocoDetection => ({ image_id, category_id, bbox, score });

describe("COCO parameters", () => {
  it("uses np.linspace values, not decimal literals", () => {
    expect(COCO_IOU_THRESHOLDS.length).toBe(10);
    expect(COCO_IOU_THRESHOLDS[5]).toBe(0.75); // found by `np.where(.75 == iouThrs)` for AP75
    expect(COCO_IOU_THRESHOLDS[8]).toBe(0.8999999999999999);
    expect(COCO_RECALL_THRESHOLDS.length).toBe(101);
    expect(COCO_RECALL_THRESHOLDS[100]).toBe(1);
  });
});

describe("cocoDetectionEval", () => {
  it("scores perfect detections 1 (two hits per class, so eps washes out)", () => {
    // Per class: pr = [1/(1+eps), 2/(2+eps)] = [P1, 1] -> made monotone -> [1, 1].
    const gt = dataset([1, 2], [1, 2], [[1, 1, [0, 0, 20, 20]], [2, 1, [5, 5, 20, 20]], [1, 2, [30, 30, 10, 10]], [2, 2, [0, 30, 10, 10]]]);
    const dets = gt.annotations.map((a, i) => det(a.image_id, a.category_id, a.bbox, 0.9 - i * 0.1));
    const s = cocoDetectionEval(gt, dets);
    expect([s.AP, s.AP50, s.AP75, s.APs, s.AR1, s.AR10, s.AR100, s.ARs]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // all boxes are small (<= 32^2): no medium or large ground truth, so those are undefined
    expect([s.APm, s.APl, s.ARm, s.ARl]).toEqual([-1, -1, -1, -1]);
  });

  it("keeps np.spacing(1) in precision: one lone hit gives 1/(1+2^-52)", () => {
    const gt = dataset([1], [1], [[1, 1, [10, 10, 20, 20]]]);
    const s = cocoDetectionEval(gt, [det(1, 1, [10, 10, 20, 20], 0.9)]);
    expect(s.AP).toBeLessThan(1);
    expect(Math.abs(s.AP - P1)).toBeLessThan(1e-15);
    expect(s.AR100).toBe(1);
  });

  it("gives 0 where ground truth exists and -1 where a range has none, with no detections", () => {
    const gt = dataset([1, 2], [1], [[1, 1, [0, 0, 50, 50]], [2, 1, [10, 10, 50, 50]]]); // area 2500: medium
    expect(cocoDetectionEval(gt, [])).toEqual({
      AP: 0, AP50: 0, AP75: 0, APs: -1, APm: 0, APl: -1, AR1: 0, AR10: 0, AR100: 0, ARs: -1, ARm: 0, ARl: -1,
    });
  });

  it("leaves a class without ground truth out of the means, and drops unknown categories", () => {
    const gt = dataset([1, 2], [1, 2], [[1, 1, [0, 0, 20, 20]], [2, 1, [0, 0, 20, 20]]]);
    const hits = [det(1, 1, [0, 0, 20, 20], 0.9), det(2, 1, [0, 0, 20, 20], 0.8)];
    const base = cocoDetectionEval(gt, hits);
    expect(base.AP).toBe(1);
    // class 2 has no ground truth (npig = 0: skipped); class 7 is not a category at all
    const noisy = [...hits, det(1, 2, [50, 50, 10, 10], 0.99), det(2, 7, [0, 0, 20, 20], 0.99)];
    expect(cocoDetectionEval(gt, noisy)).toEqual(base);
  });

  it("lets a crowd region absorb any number of detections, ignored, and not count as a miss", () => {
    const anns: [number, number, Box, (0 | 1)?][] = [[1, 1, [0, 0, 10, 10]], [1, 1, [50, 50, 40, 40], 1]];
    const dets = [det(1, 1, [0, 0, 10, 10], 0.9), det(1, 1, [52, 52, 10, 10], 0.8), det(1, 1, [70, 70, 10, 10], 0.7)];
    // Crowd IoU = intersection / detection area = 100 / 100 = 1: both inner boxes match the
    // (ignored) crowd region, so they are ignored; npig = 1 and the one hit has precision P1.
    const crowd = cocoDetectionEval(dataset([1], [1], anns), dets);
    expect(crowd.AP).toBeCloseTo(P1, 15);
    expect(crowd.AR100).toBe(1);
    // As a regular box, IoU = 100 / 1600 < .5: two false positives and a missed box.
    // rc = [.5, .5, .5], pr = [P1, 1/2, 1/3]; the 51 thresholds 0..0.50 read P1, the rest 0.
    const plain = cocoDetectionEval(dataset([1], [1], [anns[0]!, [1, 1, [50, 50, 40, 40], 0]]), dets);
    expect(plain.AP).toBeCloseTo((51 / 101) * P1, 15);
    expect(plain.AR100).toBe(0.5);
  });

  it("splits by area: ignores detections matched to out-of-range boxes and unmatched ones outside the range", () => {
    // Ground truth small (400), medium (2500), large (10000); a 4x4 false positive scores highest.
    const gt = dataset([1], [1], [[1, 1, [0, 0, 20, 20]], [1, 1, [100, 0, 50, 50]], [1, 1, [200, 0, 100, 100]]]);
    const dets = [det(1, 1, [400, 400, 4, 4], 0.95), det(1, 1, [100, 0, 50, 50], 0.9), det(1, 1, [200, 0, 100, 100], 0.8)];
    const s = cocoDetectionEval(gt, dets);
    // all: order fp, tp, tp -> rc = [0, 1/3, 2/3], pr = [0, 1/2, 2/3] -> monotone [2/3, 2/3, 2/3];
    // recall thresholds 0.00..0.66 (67 of them) read 2/3, 0.67..1 read 0.
    expect(s.AP).toBeCloseTo(((67 / 101) * 2) / 3, 14);
    expect(s.AR100).toBeCloseTo(2 / 3, 15);
    expect(s.AR1).toBe(0); // one detection per image: only the false positive
    // small: the two hits matched ignored (medium, large) boxes -> ignored; the 4x4 is a plain fp.
    expect([s.APs, s.ARs]).toEqual([0, 0]);
    // medium: the 4x4 is unmatched and outside [32^2, 96^2] -> ignored; the large hit matched an
    // ignored box -> ignored; left: one hit, precision P1 at every threshold.
    expect(s.APm).toBeCloseTo(P1, 15);
    expect(s.APl).toBeCloseTo(P1, 15);
    expect([s.ARm, s.ARl]).toEqual([1, 1]);
  });

  it("breaks score ties across images by image id (stable mergesort order)", () => {
    const anns: [number, number, Box][] = [[1, 1, [0, 0, 10, 10]], [2, 1, [0, 0, 10, 10]]];
    const dets = [det(1, 1, [0, 0, 10, 10], 0.5), det(2, 1, [50, 50, 10, 10], 0.5)];
    // hit first: rc = [.5, .5], pr = [P1, .5] -> thresholds 0..0.50 read P1
    expect(cocoDetectionEval(dataset([1, 2], [1], anns), dets).AP).toBeCloseTo((51 / 101) * P1, 15);
    // the miss on the lower image id first: rc = [0, .5], pr = [0, .5] -> monotone [.5, .5]
    const swapped = dets.map((d) => ({ ...d, image_id: 3 - d.image_id }));
    expect(cocoDetectionEval(dataset([1, 2], [1], anns.map(([i, c, b]) => [3 - i, c, b])), swapped).AP).toBeCloseTo(
      (51 / 101) * 0.5,
      15,
    );
  });

  it("interpolates precision at 101 recall points (worked example)", () => {
    // 3 ground truths; detections by score: hit, miss, hit, miss (hits exact, misses far away).
    // tp = [1, 1, 2, 2], fp = [0, 1, 1, 2], rc = tp/3 = [1/3, 1/3, 2/3, 2/3]
    // pr = tp/(tp+fp+eps) = [P1, 1/2, 2/3, 1/2] -> monotone from the right -> [P1, 2/3, 2/3, 1/2]
    // recall thresholds 0.00..0.33 (34): first rc >= r is index 0 -> P1
    //                   0.34..0.66 (33): index 2 -> 2/3
    //                   0.67..1.00 (34): past the end -> 0
    // AP = (34 * P1 + 33 * 2/3) / 101 = (34 P1 + 22) / 101 ~= 56/101, at every IoU threshold.
    const gt = dataset([1], [1], [[1, 1, [0, 0, 10, 10]], [1, 1, [20, 0, 10, 10]], [1, 1, [40, 0, 10, 10]]]);
    const dets = [det(1, 1, [0, 0, 10, 10], 0.9), det(1, 1, [0, 50, 10, 10], 0.8), det(1, 1, [20, 0, 10, 10], 0.7), det(1, 1, [20, 50, 10, 10], 0.6)];
    const s = cocoDetectionEval(gt, dets);
    const ap = (34 * P1 + 22) / 101;
    for (const v of [s.AP, s.AP50, s.AP75, s.APs]) expect(v).toBeCloseTo(ap, 14);
    expect(s.AR1).toBeCloseTo(1 / 3, 15);
    expect(s.AR10).toBeCloseTo(2 / 3, 15);
  });

  it("keeps at most 100 detections per image and category", () => {
    const gt = dataset([1], [1], [[1, 1, [0, 0, 10, 10]]]);
    const misses = (n: number) => Array.from({ length: n }, (_, i) => det(1, 1, [20 + i, 20, 5, 5], 0.9));
    const hit = det(1, 1, [0, 0, 10, 10], 0.5);
    // 99 misses then the hit: 100 kept. pr at the end = 1/100, monotone -> 1/100 everywhere.
    const kept = cocoDetectionEval(gt, [...misses(99), hit]);
    expect(kept.AP).toBeCloseTo(0.01, 15);
    expect([kept.AR10, kept.AR100]).toEqual([0, 1]);
    // 100 misses score higher: the hit is the 101st and is cut.
    const cut = cocoDetectionEval(gt, [hit, ...misses(100)]);
    expect([cut.AP, cut.AR100]).toEqual([0, 0]);
  });

  it("never matches zero-area boxes (maskApi returns 0 before dividing)", () => {
    const gt = dataset([1], [1], [[1, 1, [0, 0, 10, 10]], [1, 1, [5, 5, 0, 0]]]);
    const s = cocoDetectionEval(gt, [det(1, 1, [0, 0, 0, 10], 0.9), det(1, 1, [5, 5, 0, 0], 0.8)]);
    expect([s.AP, s.AR100]).toEqual([0, 0]);
  });

  it("reads a match to annotation id 0 as no match, as pycocotools does (dtMatches holds the id)", () => {
    const gt = dataset([1], [1], [[1, 1, [0, 0, 10, 10]]]);
    const hit = [det(1, 1, [0, 0, 10, 10], 0.9)];
    expect(cocoDetectionEval(gt, hit).AR100).toBe(1);
    const zero = { ...gt, annotations: gt.annotations.map((a) => ({ ...a, id: 0 })) };
    expect([cocoDetectionEval(zero, hit).AP, cocoDetectionEval(zero, hit).AR100]).toEqual([0, 0]);
  });

  it("throws on a detection for an image that is not in the ground truth", () => {
    const gt = dataset([1], [1], [[1, 1, [0, 0, 10, 10]]]);
    expect(() => cocoDetectionEval(gt, [det(42, 1, [0, 0, 10, 10], 0.9)])).toThrow(/image_id 42/);
  });
});
