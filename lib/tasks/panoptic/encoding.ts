/**
 * Panoptic maps as per-location categorical labels and back (UViM-like outputs, Kolesnikov et
 * al. 2022, as the paper's panoptic model): each location holds a semantic class and an
 * instance slot. Classes are ShapeWorld category ids minus one (0..5 things, 6..10 stuff).
 * Slots: 0 = no instance (stuff), 1..S = the thing's rank among things of its class in a
 * canonical order, so a model can name "the second circle" without the scene's segment ids.
 */
import { CATEGORIES, type Scene } from "@/lib/data";
import type { PanopticOutput } from "@/lib/rewards";

/** Semantic classes: one per ShapeWorld category (index = category_id - 1). */
export const NUM_CLASSES = CATEGORIES.length;

/** 1 where class index k is a thing, else 0, [NUM_CLASSES]. */
export const THING_MASK: readonly number[] = CATEGORIES.map((c) => (c.isthing ? 1 : 0));

export const isThingClass = (k: number): boolean => THING_MASK[k] === 1;

/** Per-location labels of one image: class index and slot (0 at stuff, 1..S at things), [H * W]. */
export interface LocationLabels {
  classes: Uint8Array;
  slots: Uint8Array;
}

/**
 * Canonical instance slots: things sorted by the top-left corner of their box in raster order
 * (row, then column, then paint order), numbered 1, 2, ... within each class. Only things of
 * the same class need telling apart (segments are per (class, slot)), so a thing alone of its
 * class is always slot 1 and the model needs no count of the other things.
 * @returns segment id -> slot 1..S. Things beyond the S-th of a class share slot S (ShapeWorld
 *   has at most 4 things in all).
 */
export function canonicalSlots(scene: Scene, slots: number): Map<number, number> {
  const things = scene.panoptic.segments.filter((s) => isThingClass(s.category_id - 1));
  things.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0] || a.id - b.id);
  const seen = new Map<number, number>();
  return new Map(things.map((s) => {
    const rank = (seen.get(s.category_id) ?? 0) + 1;
    seen.set(s.category_id, rank);
    return [s.id, Math.min(rank, slots)];
  }));
}

/** The MLE target of a scene: class and slot of every pixel, row-major [H * W]. */
export function encodeScene(scene: Scene, slots: number): LocationLabels {
  const category = new Map(scene.panoptic.segments.map((s) => [s.id, s.category_id]));
  const slotOf = canonicalSlots(scene, slots);
  const ids = scene.panoptic.segmentIds;
  const out: LocationLabels = { classes: new Uint8Array(ids.length), slots: new Uint8Array(ids.length) };
  for (let p = 0; p < ids.length; p++) {
    const id = ids[p] as number;
    const c = category.get(id);
    if (c === undefined) throw new Error(`scene ${scene.seed}: pixel ${p} has unlisted segment ${id}`);
    out.classes[p] = c - 1;
    out.slots[p] = slotOf.get(id) ?? 0;
  }
  return out;
}

/**
 * Per-location labels -> a panoptic output. Stuff: one segment per stuff class present (id =
 * category id, 7..11). Things: one segment per (class, slot) present (id = NUM_CLASSES +
 * (category_id - 1) * S + slot). Ids are unique and positive, with no VOID; `segments` lists
 * exactly the ids present, ascending. Pieces of one (class, slot) that do not touch stay one
 * segment, as UViM's outputs do.
 */
export function toPanopticOutput(labels: LocationLabels, slots: number): PanopticOutput {
  const { classes, slots: slot } = labels;
  const segmentIds = new Int32Array(classes.length);
  const present = new Map<number, number>();
  for (let p = 0; p < classes.length; p++) {
    const k = classes[p] as number;
    if (k >= NUM_CLASSES) throw new RangeError(`location ${p}: class ${k} is outside 0..${NUM_CLASSES - 1}`);
    let id = k + 1;
    if (isThingClass(k)) {
      const s = slot[p] as number;
      if (s < 1 || s > slots) throw new RangeError(`location ${p}: thing slot ${s} is outside 1..${slots}`);
      id = NUM_CLASSES + k * slots + s;
    }
    segmentIds[p] = id;
    present.set(id, k + 1);
  }
  const segments = [...present].sort((a, b) => a[0] - b[0]).map(([id, category_id]) => ({ id, category_id }));
  return { segmentIds, segments };
}
