import { z } from "zod";
import { defineTerm } from "./define";

export const boxCountErrorTerm = defineTerm({
  task: "detection",
  label: "Box count error",
  description: "|predicted boxes - ground-truth boxes|: catches box lists that collapse or balloon under tuning. Use a negative weight.",
  kind: "guardrail",
  direction: "minimize",
  range: [0, Infinity],
  params: z.object({}).strict(),
  score: (sample, target) => {
    const predicted = sample.output.boxes.length;
    const expected = target.boxes.filter((b) => !b.iscrowd).length;
    return { value: Math.abs(predicted - expected), aux: { predicted, expected } };
  },
});
