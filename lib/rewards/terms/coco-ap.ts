import { z } from "zod";
import { cocoDetectionEval } from "../metrics/coco-detection";
import { defineTerm } from "./define";

/**
 * COCO AP of one image, as COCOeval computes it with that image alone. Boxes without a score
 * are ranked in output order (the sequence model emits its most confident boxes first).
 */
export const cocoApTerm = defineTerm({
  task: "detection",
  label: "COCO AP (per image)",
  description: "AP@[.50:.95] (or AP50 / AP75) of this image's boxes, pycocotools COCOeval on the one image; 0 when the image has no ground truth.",
  kind: "metric",
  direction: "maximize",
  range: [0, 1],
  params: z.object({ stat: z.enum(["AP", "AP50", "AP75"]).default("AP") }).strict(),
  score: (sample, target, params) => {
    const boxes = sample.output.boxes;
    const categories = new Set<number>([...target.boxes.map((b) => b.categoryId), ...boxes.map((b) => b.categoryId)]);
    const stats = cocoDetectionEval(
      {
        images: [{ id: 1, width: target.width, height: target.height }],
        annotations: target.boxes.map((b, i) => ({
          id: i + 1, image_id: 1, category_id: b.categoryId, bbox: b.box, area: b.area ?? b.box[2] * b.box[3], iscrowd: b.iscrowd ?? 0,
        })),
        categories: [...categories].sort((a, b) => a - b).map((id) => ({ id })),
      },
      boxes.map((b, i) => ({ image_id: 1, category_id: b.categoryId, bbox: b.box, score: b.score ?? 1 - i / (boxes.length + 1) })),
    );
    const value = stats[params.stat];
    return { value: value < 0 ? 0 : value, aux: { undefined: value < 0 ? 1 : 0 } };
  },
});
