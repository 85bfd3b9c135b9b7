// Conformance of cocoDetectionEval with pycocotools on the cross-checked cases of
// coco-conformance-cases.ts (how their numbers were made is documented there), and the
// example file examples/score/coco-detection.json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { CAP_CASE_EXPECTED, COCO_CONFORMANCE_CASES, capCase } from "./coco-conformance-cases";
import { type CocoDetection, type CocoGroundTruth, type CocoStats, cocoDetectionEval } from "./coco-detection";

const KEYS: readonly (keyof CocoStats)[] = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"];

/** Relative 1e-9 (absolute near 0): the only differences left are in the final means' rounding. */
function expectStats(stats: CocoStats, expected: readonly number[]) {
  KEYS.forEach((key, i) => {
    const e = expected[i] as number;
    expect(Math.abs(stats[key] - e), `${key}: got ${stats[key]}, expected ${e}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e)));
  });
}

describe("cocoDetectionEval against pycocotools", () => {
  for (const c of COCO_CONFORMANCE_CASES) {
    it(c.name, () => expectStats(cocoDetectionEval(c.groundTruth, c.detections), c.expected));
  }

  it("matches the 3-decimal printout of the real pycocotools on the torchmetrics case", () => {
    const c = COCO_CONFORMANCE_CASES.find((x) => x.name.startsWith("torchmetrics"));
    const stats = cocoDetectionEval(c!.groundTruth, c!.detections);
    // torchmetrics tests/detection/test_map.py, `_compare_fn` docstring ("Official pycocotools results")
    const printed = [0.706, 0.901, 0.846, 0.689, 0.8, 0.701, 0.592, 0.716, 0.716, 0.767, 0.8, 0.7];
    KEYS.forEach((key, i) => expect(stats[key]).toBeCloseTo(printed[i] as number, 3));
  });

  it("applies the 100-detection cap after a stable sort (capCase)", () => {
    const { groundTruth, detections } = capCase();
    expectStats(cocoDetectionEval(groundTruth, detections), CAP_CASE_EXPECTED);
  });
});

describe("examples/score/coco-detection.json", () => {
  const example = JSON.parse(readFileSync(new URL("../../../examples/score/coco-detection.json", import.meta.url), "utf8")) as {
    groundTruth: CocoGroundTruth;
    detections: CocoDetection[];
  };

  it("scores the ShapeWorld example as pycocotools does", () => {
    // 4 images of 64x64: a crowd circle region absorbing two detections, a duplicate square,
    // a wrong-class square, a missed triangle, a tie at 0.92 between two circles; nothing
    // is large (APl, ARl = -1). Expected numbers: cocoeval_ref.py (see coco-conformance-cases.ts).
    const expected = [
      0.6258525852585258, 0.834983498349835, 0.6864686468646863, 0.5407040704070407, 0.7499999999999999, -1, 0.55,
      0.6388888888888888, 0.6388888888888888, 0.5555555555555555, 0.75, -1,
    ];
    expectStats(cocoDetectionEval(example.groundTruth, example.detections), expected);
  });
});
