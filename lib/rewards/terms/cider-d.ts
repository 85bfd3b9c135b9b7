import { z } from "zod";
import { defineTerm } from "./define";

export const ciderDTerm = defineTerm({
  task: "captioning",
  label: "CIDEr-D",
  description:
    "Consensus with the reference captions (pycocoevalcap's Cider: n = 1..4, sigma 6, clipped counts, x10). " +
    "The paper's captioning reward. idf comes from the run's reference corpus.",
  kind: "metric",
  direction: "maximize",
  range: [0, Infinity],
  params: z.object({}).strict(),
  score: (sample, target, _params, ctx) => ({ value: ctx.ciderScorer().score(sample.output.text, target.references) }),
});
