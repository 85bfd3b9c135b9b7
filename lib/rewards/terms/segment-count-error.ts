import { z } from "zod";
import { defineTerm } from "./define";

export const segmentCountErrorTerm = defineTerm({
  task: "panoptic",
  label: "Segment count error",
  description: "|predicted segments - ground-truth segments| (VOID excluded). Catches over- and under-segmentation. Use a negative weight.",
  kind: "guardrail",
  direction: "minimize",
  range: [0, Infinity],
  params: z.object({}).strict(),
  score: (sample, target) => {
    const predicted = sample.output.segments.length;
    const expected = target.segments.length;
    return { value: Math.abs(predicted - expected), aux: { predicted, expected } };
  },
});
