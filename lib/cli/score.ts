import type { z } from "zod";
import {
  bleu, ciderD, cocoDetectionEval, colorfulness, panopticQuality,
  type CocoDetection, type CocoGroundTruth, type PanopticCategory, type PanopticImage,
} from "@/lib/rewards";
import { CaptionInput, CocoDetectionInput, ColorfulnessInput, PanopticInput } from "./score-inputs";

interface ScoreMetric<S extends z.ZodType> {
  input: S;
  run(input: z.infer<S>): unknown;
}

const metric = <S extends z.ZodType>(m: ScoreMetric<S>) => m;

/** `reward-studio score <metric>`: each metric's input schema and its computation. */
export const SCORE_METRICS = {
  bleu: metric({ input: CaptionInput, run: (v) => bleu(v) }),
  "cider-d": metric({ input: CaptionInput, run: (v) => ciderD(v) }),
  "coco-detection": metric({
    input: CocoDetectionInput,
    run: (v) => cocoDetectionEval(v.groundTruth as CocoGroundTruth, v.detections as CocoDetection[]),
  }),
  "panoptic-quality": metric({
    input: PanopticInput,
    run: (v) => panopticQuality(v.categories as PanopticCategory[], v.images as PanopticImage[]),
  }),
  colorfulness: metric({
    input: ColorfulnessInput,
    run: (v) => ({
      perImage: v.images.map((img, i) => {
        if (img.rgb.length !== img.width * img.height * 3) {
          throw new Error(`images[${i}].rgb: expected ${img.width * img.height * 3} values (width x height x 3), got ${img.rgb.length}`);
        }
        return colorfulness(img.rgb, img.width, img.height);
      }),
    }),
  }),
} as const;

export type ScoreMetricId = keyof typeof SCORE_METRICS;
export const SCORE_METRIC_IDS = Object.keys(SCORE_METRICS) as ScoreMetricId[];
