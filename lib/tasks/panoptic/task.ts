import { CATEGORIES, type Scene } from "@/lib/data";
import { panopticObjectErrors, panopticQuality, type PanopticCategory, type PanopticOutput } from "@/lib/rewards";
import type { TaskDefinition } from "../task";
import { createPanopticPolicy } from "./index";
import { PANOPTIC_SIZES, type PanopticConfig } from "./model";

/** ShapeWorld's categories as panopticapi reads them. */
const PQ_CATEGORIES: PanopticCategory[] = CATEGORIES.map((c) => ({ id: c.id, name: c.name, isthing: c.isthing ? 1 : 0 }));

export const panopticTask: TaskDefinition<"panoptic"> = {
  id: "panoptic",
  createPolicy: (size, seed) => createPanopticPolicy(PANOPTIC_SIZES[size], seed),
  fromArchitecture: (a) => createPanopticPolicy(a.config as unknown as PanopticConfig, 0),
  evalMetrics(outputs, scenes) {
    // PQ over the evaluated images together, as panopticapi's pq_compute scores a test set.
    if (outputs.length !== scenes.length) throw new Error(`evalMetrics: ${outputs.length} outputs for ${scenes.length} scenes`);
    const r = panopticQuality(PQ_CATEGORIES, scenes.map((s, i) => ({
      id: i,
      width: s.width,
      height: s.height,
      groundTruth: { segmentIds: s.panoptic.segmentIds, segments: s.panoptic.segments },
      prediction: outputs[i] as (typeof outputs)[number],
    })));
    const count = Math.max(1, outputs.length);
    const predicted = outputs.map((o) => o.segments.length);
    return {
      PQ: r.All.PQ,
      SQ: r.All.SQ,
      RQ: r.All.RQ,
      PQ_things: r.Things.PQ,
      PQ_stuff: r.Stuff.PQ,
      segments_per_image: predicted.reduce((a, x) => a + x, 0) / count,
      segment_count_error: predicted.reduce((a, x, i) => a + Math.abs(x - (scenes[i]?.panoptic.segments.length ?? 0)), 0) / count,
      ...objectErrorsPerImage(outputs, scenes),
    };
  },
};

const THING_IDS = new Set(PQ_CATEGORIES.filter((c) => c.isthing).map((c) => c.id));

/** What PQ folds together, per image: objects segmented with another class, objects not segmented at all. */
function objectErrorsPerImage(outputs: readonly PanopticOutput[], scenes: readonly Scene[]): Record<string, number> {
  const e = outputs.map((o, i) => panopticObjectErrors(scenes[i]!.panoptic, o, (id) => THING_IDS.has(id)));
  const count = Math.max(1, e.length);
  return { wrong_class_objects_per_image: e.reduce((a, x) => a + x.wrongClass, 0) / count, missed_objects_per_image: e.reduce((a, x) => a + x.missed, 0) / count };
}
