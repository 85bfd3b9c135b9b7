/**
 * Input schemas of `reward-studio score <metric>`, in the community formats so numbers can be
 * checked against the reference tools. Extra keys (COCO's info, licenses, segmentation...) are
 * allowed; wrong types and missing fields are refused with their JSON path.
 */
import { z } from "zod";

const num = z.number().refine(Number.isFinite, "expected a finite number");
const id = z.number().int("expected an integer id");
const bbox = z.tuple([num, num, num, num], { error: "expected [x, y, width, height]" });

export const CaptionInput = z.object({
  references: z.record(z.string(), z.array(z.string()).min(1, "expected at least one reference caption")),
  candidates: z.record(z.string(), z.string()),
}).superRefine((v, ctx) => {
  for (const key of Object.keys(v.references)) {
    if (!Object.hasOwn(v.candidates, key)) ctx.addIssue({ code: "custom", path: ["candidates", key], message: "missing: every image with references needs a candidate" });
  }
  for (const key of Object.keys(v.candidates)) {
    if (!Object.hasOwn(v.references, key)) ctx.addIssue({ code: "custom", path: ["references", key], message: "missing: every candidate needs reference captions" });
  }
  if (Object.keys(v.references).length === 0) ctx.addIssue({ code: "custom", path: ["references"], message: "expected at least one image" });
});

export const CocoDetectionInput = z.object({
  groundTruth: z.looseObject({
    images: z.array(z.looseObject({ id, width: num.optional(), height: num.optional() })),
    annotations: z.array(z.looseObject({ id, image_id: id, category_id: id, bbox, area: num, iscrowd: z.union([z.literal(0), z.literal(1)]).optional() })),
    categories: z.array(z.looseObject({ id, name: z.string().optional() })),
  }),
  detections: z.array(z.looseObject({ image_id: id, category_id: id, bbox, score: num })),
});

const segmentIds = z.array(z.number().int("expected integer segment ids").min(0, "expected segment ids >= 0"));
export const PanopticInput = z.object({
  categories: z.array(z.looseObject({ id, name: z.string().optional(), isthing: z.union([z.literal(0), z.literal(1), z.boolean()]) })).min(1),
  images: z.array(z.looseObject({
    id: z.union([id, z.string()]),
    height: z.number().int().positive(),
    width: z.number().int().positive(),
    groundTruth: z.object({ segmentIds, segments: z.array(z.looseObject({ id, category_id: id, iscrowd: z.union([z.literal(0), z.literal(1)]).optional() })) }),
    prediction: z.object({ segmentIds, segments: z.array(z.looseObject({ id, category_id: id })) }),
  })),
});

export const ColorfulnessInput = z.object({
  images: z.array(z.looseObject({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    rgb: z.array(z.number().min(0, "expected 0..255").max(255, "expected 0..255")),
  })).min(1, "expected at least one image"),
});
