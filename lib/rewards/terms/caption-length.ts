import { z } from "zod";
import { tokenize } from "../metrics/ngrams";
import { defineTerm } from "./define";

export const captionLengthTerm = defineTerm({
  task: "captioning",
  label: "Caption length outside bounds",
  description:
    "How many tokens the caption falls short of `min` or runs past `max` (0 inside). Guards against the " +
    "early end-of-sequence that reward tuning tends to cause; use a negative weight.",
  kind: "guardrail",
  direction: "minimize",
  range: [0, Infinity],
  params: z
    .object({ min: z.number().int().min(0).default(4), max: z.number().int().min(1).default(24) })
    .strict()
    .refine((p) => p.min <= p.max, { message: "expected min <= max", path: ["min"] }),
  score: (sample, _target, params) => {
    const tokens = tokenize(sample.output.text).length;
    return { value: Math.max(0, params.min - tokens, tokens - params.max), aux: { tokens } };
  },
});
