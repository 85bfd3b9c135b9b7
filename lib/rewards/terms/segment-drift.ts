import { z } from "zod";
import { defineTerm, requireMle } from "./define";

/** Category of each pixel of a panoptic output (0 for VOID). */
function pixelCategories(out: { segmentIds: ArrayLike<number>; segments: readonly { id: number; category_id: number }[] }): Int32Array {
  const byId = new Map(out.segments.map((s) => [s.id, s.category_id]));
  const cats = new Int32Array(out.segmentIds.length);
  for (let p = 0; p < cats.length; p++) cats[p] = byId.get(out.segmentIds[p] ?? 0) ?? 0;
  return cats;
}

export const segmentDriftTerm = defineTerm({
  task: "panoptic",
  label: "Drift from the MLE segmentation",
  description: "Fraction of pixels whose class differs from the MLE model's segmentation of the same image (0 = unchanged).",
  kind: "shaping",
  direction: "minimize",
  range: [0, 1],
  params: z.object({}).strict(),
  needs: { mleOutput: true },
  score: (sample) => {
    const mle = pixelCategories(requireMle(sample.mle, "segment_drift"));
    const out = pixelCategories(sample.output);
    if (mle.length !== out.length) throw new Error("segment_drift: output and MLE maps differ in size");
    let changed = 0;
    for (let p = 0; p < out.length; p++) if (out[p] !== mle[p]) changed++;
    return { value: out.length === 0 ? 0 : changed / out.length };
  },
});
