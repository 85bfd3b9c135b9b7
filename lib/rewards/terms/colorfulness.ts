import { z } from "zod";
import { colorfulness } from "../metrics/colorfulness";
import { defineTerm } from "./define";

export const colorfulnessTerm = defineTerm({
  task: "colorization",
  label: "Colorfulness",
  description: "Hasler & Süsstrunk colourfulness M = sigma_rgyb + 0.3 mu_rgyb of the output image: the paper's colorization reward.",
  kind: "metric",
  direction: "maximize",
  range: [0, Infinity],
  params: z.object({}).strict(),
  score: (sample, target) => {
    const c = colorfulness(sample.output.rgb, target.width, target.height);
    return { value: c.colorfulness, aux: { sigmaRgyb: c.sigmaRgyb, muRgyb: c.muRgyb } };
  },
});
