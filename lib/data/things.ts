/**
 * Thing objects: draw 0..4 shapes, place them avoiding heavy overlap, resolve occlusion
 * (later objects cover earlier ones) and drop objects left mostly hidden, then paint
 * them with a soft drop shadow and top-left lighting.
 */
import { COLOR_RULES, PALETTE, THING_CLASSES } from "./categories";
import { clampByte, grain } from "./noise";
import type { Rng } from "./rng";
import { MAX_SIDE_32, MIN_SIDE_32, MIN_SIDE_PX, maskArea, rasterize } from "./shapes";
import { scaled } from "./textures";
import type { ColorName, Rgb, ThingClass } from "./types";

const TWO_32 = 4294967296;

/** Relative frequency of 0, 1, 2, 3 and 4 objects per scene: 1..3 is the common case. */
export const COUNT_WEIGHTS: readonly number[] = [1, 3, 4, 3, 2];

/** An object drawn and placed but not yet checked for visibility. */
export interface PlacedThing {
  cls: ThingClass;
  colorName: ColorName;
  rgb: Rgb;
  x0: number;
  y0: number;
  /** Side of the square box the mask lives in. */
  d: number;
  /** Shape [d, d]. */
  mask: Uint8Array;
  fullArea: number;
}

/** Sum of absolute channel differences. */
function colorDistance(a: Rgb, b: Rgb): number {
  return Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]);
}

/** Pixels of `mask` at (x0, y0) already covered in `occupied`. */
function overlap(occupied: Uint8Array, size: number, mask: Uint8Array, d: number, x0: number, y0: number): number {
  let n = 0;
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < d; i++) if (mask[j * d + i] && occupied[(y0 + j) * size + x0 + i]) n++;
  }
  return n;
}

/**
 * Draws and places the scene's objects in paint order.
 * @param regionBase base colour of the background region under each pixel, used to
 *   re-draw an ambiguous colour that would vanish against its background.
 */
export function placeThings(rng: Rng, size: number, regionBase: (x: number, y: number) => Rgb): PlacedThing[] {
  const count = rng.weighted(COUNT_WEIGHTS);
  const occupied = new Uint8Array(size * size);
  const things: PlacedThing[] = [];
  for (let k = 0; k < count; k++) {
    const cls = rng.pick(THING_CLASSES);
    const d = Math.max(MIN_SIDE_PX[cls], scaled(rng.range(MIN_SIDE_32[cls], MAX_SIDE_32), size));
    const mask = rasterize(cls, d);
    const fullArea = maskArea(mask);
    // Draws are taken in a fixed number whatever the size, and positions are fractions
    // of the free range, so one seed gives the same composition at every size.
    const spots = [0, 1, 2, 3].map(() => [rng.nextU32(), rng.nextU32()] as const);
    const picks = [0, 1, 2, 3].map(() => rng.pick(COLOR_RULES[cls]));
    // First spot that overlaps earlier objects by at most a quarter, else the least bad.
    let best = { x0: 0, y0: 0, hit: Infinity };
    for (const [fx, fy] of spots) {
      if (best.hit * 4 <= fullArea) break;
      const x0 = Math.floor((fx * (size - d + 1)) / TWO_32);
      const y0 = Math.floor((fy * (size - d + 1)) / TWO_32);
      const hit = overlap(occupied, size, mask, d, x0, y0);
      if (hit < best.hit) best = { x0, y0, hit };
    }
    const { x0, y0 } = best;
    // An ambiguous colour that would vanish against the background is re-drawn.
    const under = regionBase(x0 + (d >> 1), y0 + (d >> 1));
    const colorName = picks.find((c) => colorDistance(PALETTE[c], under) >= 150) ?? (picks[3] as ColorName);
    const [r, g, b] = PALETTE[colorName];
    const light = rng.range(-8, 8);
    const rgb: Rgb = [
      clampByte(r + light + rng.range(-10, 10)),
      clampByte(g + light + rng.range(-10, 10)),
      clampByte(b + light + rng.range(-10, 10)),
    ];
    for (let j = 0; j < d; j++) {
      for (let i = 0; i < d; i++) if (mask[j * d + i]) occupied[(y0 + j) * size + x0 + i] = 1;
    }
    things.push({ cls, colorName, rgb, x0, y0, d, mask, fullArea });
  }
  return things;
}

/** True when too little of an object shows for its label to mean anything. */
export function tooHidden(visible: number, fullArea: number): boolean {
  return visible < 6 || visible * 5 < fullArea * 2; // under 6 px or under 40% visible
}

/**
 * Resolves occlusion top-down: the last object claims its pixels first; an object whose
 * unclaimed pixels fall below the visibility rule is dropped and claims nothing, so
 * objects beneath it show through.
 * @returns the kept objects in paint order and the owner map (index into kept, -1 = stuff).
 */
export function resolveOcclusion(things: PlacedThing[], size: number): { kept: PlacedThing[]; owner: Int16Array } {
  const claim = new Int16Array(size * size).fill(-1);
  const keep: boolean[] = things.map(() => false);
  for (let k = things.length - 1; k >= 0; k--) {
    const t = things[k] as PlacedThing;
    const free: number[] = [];
    for (let j = 0; j < t.d; j++) {
      for (let i = 0; i < t.d; i++) {
        const p = (t.y0 + j) * size + t.x0 + i;
        if (t.mask[j * t.d + i] && claim[p] === -1) free.push(p);
      }
    }
    if (tooHidden(free.length, t.fullArea)) continue;
    keep[k] = true;
    for (const p of free) claim[p] = k;
  }
  const kept = things.filter((_, k) => keep[k]);
  const index = new Int16Array(things.length).fill(-1);
  let n = 0;
  for (let k = 0; k < things.length; k++) if (keep[k]) index[k] = n++;
  const owner = claim.map((k) => (k < 0 ? -1 : (index[k] ?? -1)));
  return { kept, owner };
}

/**
 * Paints kept objects in order onto `rgb` (shape [size, size, 3]): first a drop shadow
 * offset down-right, then the body with top-left lighting and slight grain.
 */
export function paintThings(rgb: Uint8Array, kept: readonly PlacedThing[], size: number, seed: number): void {
  const off = scaled(1, size);
  for (const t of kept) {
    const { d, mask, x0, y0 } = t;
    const inMask = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < d && j < d && mask[j * d + i] === 1;
    for (let j = 0; j < d + off; j++) {
      for (let i = 0; i < d + off; i++) {
        const x = x0 + i;
        const y = y0 + j;
        if (x >= size || y >= size || inMask(i, j) || !inMask(i - off, j - off)) continue;
        const p = (y * size + x) * 3;
        for (let c = 0; c < 3; c++) rgb[p + c] = Math.floor(((rgb[p + c] ?? 0) * 5) / 8);
      }
    }
    for (let j = 0; j < d; j++) {
      for (let i = 0; i < d; i++) {
        if (!mask[j * d + i]) continue;
        const x = x0 + i;
        const y = y0 + j;
        // Top-left lighting plus a bevel: lit upper-left rim, dark lower-right rim, so
        // overlapping same-coloured shapes keep visible outlines.
        const rim = (inMask(i - 1, j) && inMask(i, j - 1) ? 0 : 16) - (inMask(i + 1, j) && inMask(i, j + 1) ? 0 : 22);
        const shade = rim + Math.floor(((-(2 * i + 1 - d) - (2 * j + 1 - d)) * 14) / (2 * d));
        const n = Math.floor((grain(x, y, seed) - 128) / 32);
        const p = (y * size + x) * 3;
        for (let c = 0; c < 3; c++) rgb[p + c] = clampByte((t.rgb[c] ?? 0) + shade + n);
      }
    }
  }
}
