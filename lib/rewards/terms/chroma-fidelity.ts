import { z } from "zod";
import { chromaFidelity } from "../metrics/chroma-fidelity";
import { defineTerm } from "./define";

export const chromaFidelityTerm = defineTerm({
  task: "colorization",
  label: "Chroma fidelity",
  description:
    "1 - mean CIELAB a*b* distance to the ground-truth colours / the sRGB a*b* diameter: keeps colours true while colourfulness " +
    "pulls toward saturation.",
  kind: "guardrail",
  direction: "maximize",
  range: [0, 1],
  params: z.object({}).strict(),
  score: (sample, target) => ({ value: chromaFidelity(sample.output.rgb, target.rgb, target.width, target.height) }),
});
