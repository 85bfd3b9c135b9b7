/**
 * Panoptic maps as mask-classification actions (as MaskFormer-style panoptic models, and UViM's
 * per-location outputs, decode them): every location picks a *region* — one of the stuff classes
 * or one of S instance slots — and every slot picks one thing class for the whole object. So a
 * thing's class is chosen once per object, not once per pixel: an object cannot come out
 * half circle, half ring, and a sample that re-labels an object changes all of it at once.
 * Classes are ShapeWorld category ids minus one (0..5 things, 6..10 stuff). Slots are labels:
 * targets number things in a canonical order, and the MLE loss matches them to the slots the
 * model prefers (lib/tasks/panoptic/index.ts), so no slot means "the second thing".
 */
import { CATEGORIES, type Scene } from "@/lib/data";
import type { PanopticOutput } from "@/lib/rewards";

/** Semantic classes: one per ShapeWorld category (index = category_id - 1). */
export const NUM_CLASSES = CATEGORIES.length;
/** Thing classes come first (indices 0..NUM_THINGS-1), then stuff. */
export const NUM_THINGS = CATEGORIES.filter((c) => c.isthing).length;
export const NUM_STUFF = NUM_CLASSES - NUM_THINGS;

export const isThingClass = (k: number): boolean => k < NUM_THINGS;

/** No class: a slot no location uses (its class is not part of the output). */
export const NO_CLASS = 255;

/**
 * One image's action. `regions` [H * W]: r < NUM_STUFF is stuff class NUM_THINGS + r; r >=
 * NUM_STUFF is instance slot r - NUM_STUFF (0-based). `slotClasses` [S]: the thing class of each
 * slot, NO_CLASS where the target or a greedy map does not use it.
 */
export interface PanopticAction {
  regions: Uint8Array;
  slotClasses: Uint8Array;
}

/**
 * Canonical instance slots: things of every class sorted by the top-left corner of their box in
 * raster order (row, then column, then paint order), numbered 1, 2, ...
 * @returns segment id -> slot 1..S. Things beyond the S-th share slot S (ShapeWorld has at most
 *   4 things in all, and S is 4).
 */
export function canonicalSlots(scene: Scene, slots: number): Map<number, number> {
  const things = scene.panoptic.segments.filter((s) => isThingClass(s.category_id - 1));
  things.sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0] || a.id - b.id);
  return new Map(things.map((s, i) => [s.id, Math.min(i + 1, slots)]));
}

/** The MLE target of a scene: region of every pixel (row-major) and the class of every slot. */
export function encodeScene(scene: Scene, slots: number): PanopticAction {
  const category = new Map(scene.panoptic.segments.map((s) => [s.id, s.category_id]));
  const slotOf = canonicalSlots(scene, slots);
  const ids = scene.panoptic.segmentIds;
  const out: PanopticAction = { regions: new Uint8Array(ids.length), slotClasses: new Uint8Array(slots).fill(NO_CLASS) };
  for (const [id, s] of slotOf) if (out.slotClasses[s - 1] === NO_CLASS) out.slotClasses[s - 1] = (category.get(id) as number) - 1;
  for (let p = 0; p < ids.length; p++) {
    const id = ids[p] as number;
    const c = category.get(id);
    if (c === undefined) throw new Error(`scene ${scene.seed}: pixel ${p} has unlisted segment ${id}`);
    out.regions[p] = isThingClass(c - 1) ? NUM_STUFF + (slotOf.get(id) as number) - 1 : c - 1 - NUM_THINGS;
  }
  return out;
}

/** Slots (0-based) that some location of `regions` uses. */
export function usedSlots(regions: Uint8Array, slots: number): boolean[] {
  const used = new Array<boolean>(slots).fill(false);
  for (const r of regions) if (r >= NUM_STUFF) used[r - NUM_STUFF] = true;
  return used;
}

/**
 * An action -> a panoptic output. Stuff: one segment per stuff class present (id = category id,
 * 7..11). Things: one segment per slot present (id = NUM_CLASSES + slot, 12..), its category the
 * slot's class. Ids are unique and positive, with no VOID; `segments` lists exactly the ids
 * present, ascending. Pieces of one slot that do not touch stay one segment.
 */
export function toPanopticOutput(action: PanopticAction, slots: number): PanopticOutput {
  const { regions, slotClasses } = action;
  const segmentIds = new Int32Array(regions.length);
  const present = new Map<number, number>();
  for (let p = 0; p < regions.length; p++) {
    const r = regions[p] as number;
    if (r >= NUM_STUFF + slots) throw new RangeError(`location ${p}: region ${r} is outside 0..${NUM_STUFF + slots - 1}`);
    let id: number;
    let category: number;
    if (r < NUM_STUFF) {
      category = NUM_THINGS + r + 1;
      id = category;
    } else {
      const k = slotClasses[r - NUM_STUFF] as number;
      if (!(k < NUM_THINGS)) throw new RangeError(`location ${p}: slot ${r - NUM_STUFF + 1} has no thing class (${k})`);
      category = k + 1;
      id = NUM_CLASSES + r - NUM_STUFF + 1;
    }
    segmentIds[p] = id;
    present.set(id, category);
  }
  const segments = [...present].sort((a, b) => a[0] - b[0]).map(([id, category_id]) => ({ id, category_id }));
  return { segmentIds, segments };
}
