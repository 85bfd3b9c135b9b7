import { THING_CATEGORIES, type Scene } from "@/lib/data";
import { cocoDetectionEval, detectionErrors, type CocoDetection, type CocoGroundTruth, type DetectionErrors, type DetectionOutput } from "@/lib/rewards";
import type { TaskDefinition } from "../task";
import { createDetectionPolicy } from "./index";
import { DETECTION_SIZES, type DetectionConfig } from "./model";

/** The evaluated scenes as a COCO ground-truth dict: image id = index, area = visible pixels. */
export function cocoGroundTruth(scenes: readonly Scene[]): CocoGroundTruth {
  let id = 0;
  return {
    images: scenes.map((s, i) => ({ id: i, width: s.width, height: s.height })),
    annotations: scenes.flatMap((s, i) =>
      s.objects.map((o) => ({ id: ++id, image_id: i, category_id: o.categoryId, bbox: [...o.bbox] as CocoDetection["bbox"], area: o.area, iscrowd: 0 as const })),
    ),
    categories: THING_CATEGORIES.map((c) => ({ id: c.id, name: c.name })),
  };
}

/** Outputs as COCO results; a box without a score ranks by its place in the list. */
export function cocoDetections(outputs: readonly DetectionOutput[]): CocoDetection[] {
  return outputs.flatMap((o, i) =>
    o.boxes.map((b, j) => ({ image_id: i, category_id: b.categoryId, bbox: [...b.box] as CocoDetection["bbox"], score: b.score ?? 1 - j / (o.boxes.length + 1) })),
  );
}

export const detectionTask: TaskDefinition<"detection"> = {
  id: "detection",
  createPolicy: (size, seed) => createDetectionPolicy(DETECTION_SIZES[size], seed),
  fromArchitecture: (a) => createDetectionPolicy(a.config as unknown as DetectionConfig, 0),
  evalMetrics(outputs, scenes) {
    // The COCO AP suite over the evaluated images, as pycocotools COCOeval scores a test set
    // (ShapeWorld objects are all "small": APm / APl are -1, pycocotools' "undefined").
    const s = cocoDetectionEval(cocoGroundTruth(scenes), cocoDetections(outputs));
    const counts = outputs.map((o) => o.boxes.length);
    const errors = outputs.map((o, i) => Math.abs(o.boxes.length - (scenes[i]?.objects.length ?? 0)));
    const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
    return {
      AP: s.AP, AP50: s.AP50, AP75: s.AP75, APs: s.APs, APm: s.APm, APl: s.APl, AR100: s.AR100,
      boxes_per_image: mean(counts),
      box_count_error: mean(errors),
      ...errorsPerImage(outputs, scenes),
    };
  },
};

/** What AP folds together, per image: boxes on an object with the wrong class, second boxes on a found object, boxes on nothing. */
function errorsPerImage(outputs: readonly DetectionOutput[], scenes: readonly Scene[]): Record<string, number> {
  const e = outputs.map((o, i) => detectionErrors(o.boxes, scenes[i]?.objects.map((g) => ({ box: g.bbox, categoryId: g.categoryId })) ?? []));
  const perImage = (k: keyof DetectionErrors) => e.reduce((a, x) => a + x[k], 0) / Math.max(1, e.length);
  return { wrong_class_per_image: perImage("wrongClass"), duplicates_per_image: perImage("duplicates"), background_boxes_per_image: perImage("background") };
}
