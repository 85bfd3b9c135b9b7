import { STUFF_CATEGORIES } from "@/lib/data";
import { chromaErrorByCategory, colorfulness, fidelityOfError } from "@/lib/rewards";
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
    // (MLE colorization tends to come out below it), and the fidelity guardrail; then the chroma
    // error by region. One a*b* pass per image gives all the chroma numbers.
    const chroma = outputs.map((o, i) => {
      const s = scenes[i]!;
      return chromaErrorByCategory(o.rgb, s.rgb, s.width, s.height, s.panoptic.segmentIds, new Map(s.panoptic.segments.map((g) => [g.id, g.category_id])));
    });
    const errors = chroma.map((c, i) => c.total / (scenes[i]!.width * scenes[i]!.height));
    return {
      colorfulness: mean(outputs.map((o, i) => colorfulness(o.rgb, scenes[i]!.width, scenes[i]!.height).colorfulness)),
      colorfulness_gt: mean(scenes.map((s) => colorfulness(s.rgb, s.width, s.height).colorfulness)),
      chroma_fidelity: mean(errors.map(fidelityOfError)),
      chroma_error: mean(errors),
      ...chromaErrorByRegion(chroma.map((c) => c.byCategory)),
    };
  },
};

const REGION_OF = new Map<number, string>(STUFF_CATEGORIES.map((c) => [c.id, c.name]));

/**
 * Chroma error (CIELAB a*b*) over the corpus's pixels of each background class, and of all
 * objects together: chroma_error_sky is "is the sky still blue?". Per pixel, not per image, so a
 * scene with more sky weighs more; a class no evaluated scene shows is left out.
 */
function chromaErrorByRegion(perImage: readonly ReadonlyMap<number, { sum: number; pixels: number }>[]): Record<string, number> {
  const totals = new Map<string, { sum: number; pixels: number }>();
  for (const byCategory of perImage) {
    for (const [cat, v] of byCategory) {
      const name = REGION_OF.get(cat) ?? "objects";
      const acc = totals.get(name) ?? { sum: 0, pixels: 0 };
      acc.sum += v.sum;
      acc.pixels += v.pixels;
      totals.set(name, acc);
    }
  }
  const names = [...STUFF_CATEGORIES.map((c) => c.name as string), "objects"].filter((n) => totals.has(n));
  return Object.fromEntries(names.map((n) => [`chroma_error_${n}`, totals.get(n)!.sum / totals.get(n)!.pixels]));
}
