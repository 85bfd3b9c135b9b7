import { describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import type { DetectionOutput } from "@/lib/rewards";
import { cocoGroundTruth, detectionTask } from "./task";

const scenes = Array.from({ length: 20 }, (_, i) => sceneAt("val", i));
const perfect: DetectionOutput[] = scenes.map((s) => ({ boxes: s.objects.map((o) => ({ box: o.bbox, categoryId: o.categoryId, score: 0.9 })) }));

describe("detection eval metrics", () => {
  it("builds the COCO ground truth from the scenes: image id = index, unique annotation ids, visible-pixel areas", () => {
    const gt = cocoGroundTruth(scenes);
    expect(gt.images.map((i) => i.id)).toEqual(scenes.map((_, i) => i));
    const total = scenes.reduce((n, s) => n + s.objects.length, 0);
    expect(gt.annotations).toHaveLength(total);
    expect(new Set(gt.annotations.map((a) => a.id)).size).toBe(total);
    expect(gt.annotations[0]!.area).toBe(scenes.find((s) => s.objects.length > 0)!.objects[0]!.area);
    expect(gt.categories.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("ground truth as predictions scores AP 1 and no count error", () => {
    const m = detectionTask.evalMetrics(perfect, scenes);
    expect(m.AP).toBeCloseTo(1, 10);
    expect(m.AP50).toBeCloseTo(1, 10);
    expect(m.AR100).toBeCloseTo(1, 10);
    expect(m.APm).toBe(-1); // ShapeWorld objects are all "small": pycocotools' undefined
    expect(m.box_count_error).toBe(0);
    expect(m.boxes_per_image).toBe(perfect.reduce((n, o) => n + o.boxes.length, 0) / 20);
  });

  it("empty predictions score AP 0 and count every missing box", () => {
    const m = detectionTask.evalMetrics(scenes.map(() => ({ boxes: [] })), scenes);
    expect(m.AP).toBe(0);
    expect(m.boxes_per_image).toBe(0);
    expect(m.box_count_error).toBe(scenes.reduce((n, s) => n + s.objects.length, 0) / 20);
  });

  it("a box shifted by 2 px counts at IoU 0.50..0.60 only (AP50 1, AP75 0, AP 0.3)", () => {
    const one = [sceneAt("train", 0)];
    const [x, y, w, h] = one[0]!.objects[0]!.bbox;
    expect([w, h]).toEqual([9, 9]);
    // IoU = (7 x 9) / (81 + 81 - 63) = 0.636: matched at thresholds 0.50, 0.55, 0.60 of ten.
    const m = detectionTask.evalMetrics([{ boxes: [{ box: [x + 2, y, w, h], categoryId: one[0]!.objects[0]!.categoryId, score: 1 }] }], one);
    expect(m.AP50).toBeCloseTo(1, 10);
    expect(m.AP75).toBe(0);
    expect(m.AP).toBeCloseTo(0.3, 10);
  });
});
