import { z } from "zod";
import { groundingShares } from "@/lib/data";
import { defineTerm, groundedCaption } from "./define";

export const countAccuracyTerm = defineTerm({
  task: "captioning",
  label: "Count accuracy",
  description:
    "Share of the counts the caption states that are right (\"two red circles\", \"three shapes\", \"both\", \"no shapes\"; " +
    "\"a\" is not a count); 1 when it states none, so it never pays to state a wrong one.",
  kind: "guardrail",
  direction: "maximize",
  range: [0, 1],
  params: z.object({}).strict(),
  score: (sample, target) => {
    const g = groundedCaption(sample.output, target, "count_accuracy");
    return { value: groundingShares(g).countAccuracy, aux: { stated: g.stated, right: g.rightCounts } };
  },
});
