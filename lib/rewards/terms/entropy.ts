import { z } from "zod";
import { defineTerm } from "./define";

export const entropyTerm = defineTerm({
  task: "any",
  label: "Policy entropy",
  description: "The trainer's per-sample entropy of the policy; a positive weight is an entropy bonus against diversity collapse.",
  kind: "trainer",
  direction: "maximize",
  range: [0, Infinity],
  params: z.object({}).strict(),
  score: (sample) => {
    if (sample.entropy === undefined) throw new Error("term entropy needs the trainer's per-sample entropy (sample.entropy)");
    return { value: sample.entropy };
  },
});
