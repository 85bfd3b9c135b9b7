import { z } from "zod";
import { AB_DIAMETER } from "../metrics/chroma-fidelity";
import { chromaError } from "../metrics/chroma-fidelity";
import { defineTerm, requireMle } from "./define";

export const chromaDriftTerm = defineTerm({
  task: "colorization",
  label: "Drift from the MLE colours",
  description: "Mean CIELAB a*b* distance to the MLE model's colorization of the same image, over the sRGB a*b* diameter (0 = unchanged).",
  kind: "shaping",
  direction: "minimize",
  range: [0, 1],
  params: z.object({}).strict(),
  needs: { mleOutput: true },
  score: (sample, target) => {
    const mle = requireMle(sample.mle, "chroma_drift");
    return { value: chromaError(sample.output.rgb, mle.rgb, target.width, target.height) / AB_DIAMETER };
  },
});
