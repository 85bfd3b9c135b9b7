/**
 * `generateScene`: one seed -> one ShapeWorld scene with pixels, boxes, a panoptic map
 * and captions. Layers draw from separate random streams (background 1, things 2,
 * captions 3), so a change to one layer's code leaves the others' output unchanged.
 */
import { paintBackground } from "./background";
import type { CaptionObject } from "./caption-words";
import { makeCaptions } from "./captions";
import { stuffId, thingId } from "./categories";
import { segmentStats } from "./panoptic";
import { rngFor } from "./rng";
import { seedAt, splitOfSeed } from "./splits";
import { paintThings, placeThings, resolveOcclusion } from "./things";
import type { PanopticSegment, Scene, SceneObject, SceneOptions, Split, StuffRegion } from "./types";

/** Allowed scene sizes, inclusive. */
export const MIN_SIZE = 16;
export const MAX_SIZE = 256;
/** Default width and height. */
export const DEFAULT_SIZE = 32;

/** Validates and returns the scene size, throwing a RangeError that names `size`. */
export function resolveSize(opts?: SceneOptions): number {
  const size = opts?.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < MIN_SIZE || size > MAX_SIZE) {
    throw new RangeError(`size must be an integer in ${MIN_SIZE}..${MAX_SIZE}, got ${String(size)}`);
  }
  return size;
}

/** Throws a RangeError naming `seed` unless it is a non-negative safe integer. */
export function checkSeed(seed: number): void {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`seed must be a non-negative safe integer, got ${String(seed)}`);
  }
}

/** ITU-R BT.601 luma in integer arithmetic: floor((299 R + 587 G + 114 B + 500) / 1000). */
export function luma(r: number, g: number, b: number): number {
  return Math.floor((299 * r + 587 * g + 114 * b + 500) / 1000);
}

/**
 * Generates the scene for `seed`. Deterministic: the same seed and size give the same
 * bytes in every JavaScript engine (see `sceneBytes` / `hashScenes`).
 * @param seed non-negative safe integer; `sceneAt` maps split indices to seeds.
 * @param opts.size width = height in pixels, 16..256 (default 32).
 */
export function generateScene(seed: number, opts?: SceneOptions): Scene {
  checkSeed(seed);
  const size = resolveSize(opts);
  const n = size * size;

  // 1. Background: layout, horizon, textured stuff.
  const bg = paintBackground(rngFor(seed, 1), size);
  const baseAt = (x: number, y: number) => bg.paints[bg.region[y * size + x] ?? 0]?.base ?? [0, 0, 0];

  // 2. Things: place, resolve occlusion, paint.
  const thingRng = rngFor(seed, 2);
  const { kept, owner } = resolveOcclusion(placeThings(thingRng, size, baseAt), size);
  const rgb = bg.rgb;
  paintThings(rgb, kept, size, thingRng.nextU32());

  // 3. Panoptic map: things get ids 1..k in paint order, present stuff regions follow.
  const regionCount = [0, 0];
  for (let i = 0; i < n; i++) if ((owner[i] ?? -1) < 0) regionCount[bg.region[i] ?? 0]!++;
  const regionIds = [0, 0];
  let nextId = kept.length + 1;
  for (let r = 0; r < bg.paints.length; r++) if ((regionCount[r] ?? 0) > 0) regionIds[r] = nextId++;
  const segmentIds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const o = owner[i] ?? -1;
    segmentIds[i] = o >= 0 ? o + 1 : (regionIds[bg.region[i] ?? 0] ?? 0);
  }
  const stats = segmentStats(segmentIds, size, size, nextId - 1);

  // 4. Labels.
  // Each object's pixels per background region, in one pass: the region under most of them names its stuff.
  const votes = kept.map(() => [0, 0]);
  for (let i = 0; i < n; i++) {
    const o = owner[i] ?? -1;
    if (o >= 0) votes[o]![bg.region[i] ?? 0]!++;
  }
  const objects: SceneObject[] = kept.map((t, k) => {
    const { bbox, area } = stats[k + 1]!;
    const [upper = 0, lower = 0] = votes[k]!;
    const stuffName = bg.paints[lower > upper ? 1 : 0]?.name ?? bg.layout.upper;
    const base = { segmentId: k + 1, categoryId: thingId(t.cls), className: t.cls, colorName: t.colorName };
    return { ...base, rgb: t.rgb, bbox, area, stuff: stuffName };
  });
  const stuff: StuffRegion[] = [];
  const segments: PanopticSegment[] = objects.map((o) => {
    const base = { id: o.segmentId, category_id: o.categoryId, iscrowd: 0 as const, isthing: true };
    return { ...base, bbox: [...o.bbox], area: o.area };
  });
  bg.paints.forEach((paint, r) => {
    const id = regionIds[r] ?? 0;
    if (id === 0) return;
    const s = stats[id]!;
    stuff.push({ segmentId: id, categoryId: stuffId(paint.name), name: paint.name, area: s.area });
    segments.push({ id, category_id: stuffId(paint.name), iscrowd: 0, isthing: false, bbox: s.bbox, area: s.area });
  });

  // 5. Grey image and captions.
  const gray = new Uint8Array(n);
  for (let i = 0; i < n; i++) gray[i] = luma(rgb[3 * i] ?? 0, rgb[3 * i + 1] ?? 0, rgb[3 * i + 2] ?? 0);
  const captionObjects: CaptionObject[] = objects.map((o) => ({ className: o.className, colorName: o.colorName, bbox: o.bbox, area: o.area, stuff: o.stuff }));
  const captions = makeCaptions({ objects: captionObjects, layout: bg.layout, size }, rngFor(seed, 3));

  return {
    seed,
    split: splitOfSeed(seed),
    width: size,
    height: size,
    rgb,
    gray,
    objects,
    stuff,
    panoptic: { segmentIds, segments },
    captions,
  };
}

/**
 * The `index`-th scene of a split: `generateScene(SPLITS[split].start + index, opts)`.
 * @throws RangeError naming `index` when it is outside 0..SPLITS[split].count - 1.
 */
export function sceneAt(split: Split, index: number, opts?: SceneOptions): Scene {
  return generateScene(seedAt(split, index), opts);
}
