import { chromaError, chromaFidelity, colorfulness } from "@/lib/rewards";
import type { TaskDefinition } from "../task";
import { createColorizationPolicy } from "./index";
import { COLORIZATION_SIZES, type ColorizationConfig } from "./model";

const mean = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);

export const colorizationTask: TaskDefinition<"colorization"> = {
  id: "colorization",
  createPolicy: (size, seed) => createColorizationPolicy(COLORIZATION_SIZES[size], seed),
  fromArchitecture: (a) => createColorizationPolicy(a.config as unknown as ColorizationConfig, 0),
  evalMetrics(outputs, scenes) {
    if (outputs.length !== scenes.length) throw new Error(`colorization evalMetrics: ${outputs.length} outputs for ${scenes.length} scenes`);
    // Means over images: the reward (colourfulness), the same of the true images for reference
    // (MLE colorization tends to come out below it), and the fidelity guardrail.
    return {
      colorfulness: mean(outputs.map((o, i) => colorfulness(o.rgb, scenes[i]!.width, scenes[i]!.height).colorfulness)),
      colorfulness_gt: mean(scenes.map((s) => colorfulness(s.rgb, s.width, s.height).colorfulness)),
      chroma_fidelity: mean(outputs.map((o, i) => chromaFidelity(o.rgb, scenes[i]!.rgb, scenes[i]!.width, scenes[i]!.height))),
      chroma_error: mean(outputs.map((o, i) => chromaError(o.rgb, scenes[i]!.rgb, scenes[i]!.width, scenes[i]!.height))),
    };
  },
};
