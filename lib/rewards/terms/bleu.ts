import { z } from "zod";
import { sentenceBleu } from "../metrics/bleu";
import { defineTerm } from "./define";

export const bleuTerm = defineTerm({
  task: "captioning",
  label: "BLEU-n",
  description: "Per-image BLEU-n against the reference captions, as pycocoevalcap scores one image (n = 1..4).",
  kind: "metric",
  direction: "maximize",
  range: [0, 1],
  params: z.object({ n: z.number().int().min(1).max(4).default(4) }).strict(),
  score: (sample, target, params) => {
    const scores = sentenceBleu(sample.output.text, target.references);
    return { value: scores[`Bleu_${params.n as 1 | 2 | 3 | 4}`] };
  },
});
