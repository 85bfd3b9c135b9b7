import { z } from "zod";
import { sentenceBleu } from "../metrics/bleu";
import { defineTerm, requireMle } from "./define";

export const captionDriftTerm = defineTerm({
  task: "captioning",
  label: "Drift from the MLE caption",
  description: "1 - BLEU-n of the caption against the MLE model's caption for the same image: 0 = unchanged, 1 = nothing shared.",
  kind: "shaping",
  direction: "minimize",
  range: [0, 1],
  params: z.object({ n: z.number().int().min(1).max(4).default(2) }).strict(),
  needs: { mleOutput: true },
  score: (sample, _target, params) => {
    const mle = requireMle(sample.mle, "caption_drift");
    return { value: 1 - sentenceBleu(sample.output.text, [mle.text])[`Bleu_${params.n as 1 | 2 | 3 | 4}`] };
  },
});
