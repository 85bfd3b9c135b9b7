import { describe, expect, it } from "vitest";

import { type CocoDetection, type CocoGroundTruth, cocoDetectionEval } from "./coco-detection";

/** 500 images, 6 classes, 15 objects and ~21 detections per image (deterministic LCG). */
function bigCase(): { gt: CocoGroundTruth; dets: CocoDetection[] } {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const gt: CocoGroundTruth = { images: [], annotations: [], categories: [1, 2, 3, 4, 5, 6].map((id) => ({ id })) };
  const dets: CocoDetection[] = [];
  for (let i = 1; i <= 500; i++) {
    gt.images.push({ id: i, width: 640, height: 480 });
    for (let j = 0; j < 15; j++) {
      const bbox: [number, number, number, number] = [rnd() * 500, rnd() * 400, 5 + rnd() * 150, 5 + rnd() * 150];
      const category_id = 1 + Math.floor(rnd() * 6);
      const iscrowd = rnd() < 0.05 ? 1 : 0;
      gt.annotations.push({ id: gt.annotations.length + 1, image_id: i, category_id, bbox, area: bbox[2] * bbox[3], iscrowd });
      if (rnd() < 0.9) dets.push({ image_id: i, category_id, bbox: [bbox[0] + rnd() * 6 - 3, bbox[1] + rnd() * 6 - 3, bbox[2], bbox[3]], score: rnd() });
    }
    for (let j = 0; j < 7; j++) dets.push({ image_id: i, category_id: 1 + Math.floor(rnd() * 6), bbox: [rnd() * 500, rnd() * 400, 20, 20], score: rnd() });
  }
  return { gt, dets };
}

describe("cocoDetectionEval performance", () => {
  it("evaluates 500 images x ~20 detections in well under a second", () => {
    const { gt, dets } = bigCase();
    expect(dets.length).toBeGreaterThan(10_000);
    const t0 = performance.now();
    const stats = cocoDetectionEval(gt, dets);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(1000);
    // The same case through cocoeval_ref.py (see coco-conformance-cases.ts), AP ... ARl:
    const expected = [
      0.42500030045380344, 0.5786816248426687, 0.48134378738437433, 0.07353552418691175, 0.6667435929443252,
      0.8250401948708131, 0.20739050226993905, 0.7203923375632616, 0.7203923375632616, 0.4146739726834309,
      0.7282407582794803, 0.8497440807686039,
    ];
    const keys = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"] as const;
    keys.forEach((key, i) => expect(Math.abs(stats[key] - (expected[i] as number))).toBeLessThan(1e-9));
  });
});
