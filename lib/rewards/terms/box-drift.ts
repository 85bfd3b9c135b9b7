import { z } from "zod";
import { boxIou } from "../metrics/box-iou";
import { defineTerm, requireMle } from "./define";

export const boxDriftTerm = defineTerm({
  task: "detection",
  label: "Drift from the MLE boxes",
  description:
    "1 - mean over the MLE model's boxes of the best IoU with a same-class box of this output (0 = the MLE boxes are all kept; " +
    "0 too when the MLE model found nothing and neither does this output).",
  kind: "shaping",
  direction: "minimize",
  range: [0, 1],
  params: z.object({}).strict(),
  needs: { mleOutput: true },
  score: (sample) => {
    const mle = requireMle(sample.mle, "box_drift").boxes;
    const out = sample.output.boxes;
    if (mle.length === 0) return { value: out.length === 0 ? 0 : 1 };
    let sum = 0;
    for (const m of mle) {
      let best = 0;
      for (const o of out) if (o.categoryId === m.categoryId) best = Math.max(best, boxIou(o.box, m.box));
      sum += best;
    }
    return { value: 1 - sum / mle.length };
  },
});
