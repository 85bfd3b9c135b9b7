import { z } from "zod";
import { tokenize } from "../metrics/ngrams";
import { defineTerm } from "./define";

export const repetitionTerm = defineTerm({
  task: "captioning",
  label: "Repetition",
  description: "Fraction of the caption's n-grams that repeat an earlier n-gram of the same caption (0 = none). Use a negative weight.",
  kind: "guardrail",
  direction: "minimize",
  range: [0, 1],
  params: z.object({ n: z.number().int().min(1).max(4).default(2) }).strict(),
  score: (sample, _target, params) => {
    const tokens = tokenize(sample.output.text);
    const total = tokens.length - params.n + 1;
    if (total <= 0) return { value: 0, aux: { ngrams: 0 } };
    const seen = new Set<string>();
    let repeats = 0;
    for (let i = 0; i < total; i++) {
      const key = tokens.slice(i, i + params.n).join(" ");
      if (seen.has(key)) repeats++;
      else seen.add(key);
    }
    return { value: repeats / total, aux: { ngrams: total } };
  },
});
