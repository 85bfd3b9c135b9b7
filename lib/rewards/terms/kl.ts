import { z } from "zod";
import { defineTerm } from "./define";

export const klTerm = defineTerm({
  task: "any",
  label: "KL to the MLE model",
  description:
    "The trainer's per-sample estimate log p(y|x) - log p_mle(y|x). Logged, or weighted negatively as a term; " +
    "`kl.beta` in the spec folds it into the reward instead (as TRL's RLOO does).",
  kind: "trainer",
  direction: "minimize",
  range: [-Infinity, Infinity],
  params: z.object({}).strict(),
  score: (sample) => {
    if (sample.kl === undefined) throw new Error("term kl needs the trainer's per-sample KL (sample.kl)");
    return { value: sample.kl };
  },
});
