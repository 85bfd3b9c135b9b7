/**
 * Background layout: one stuff region filling the image, or an upper region (sky or
 * wall) over a lower one (grass, water or sand) split by a horizon line. The horizon's
 * shape follows the lower stuff: flat for water and walls, rolling hills for grass,
 * a slanted dune line for sand.
 */
import { valueNoise1 } from "./noise";
import type { Rng } from "./rng";
import { drawStuffPaint, paintStuffPixel, scaled, type StuffPaint } from "./textures";
import type { StuffName } from "./types";

const ALL_STUFF: readonly StuffName[] = ["sky", "wall", "grass", "water", "sand"];
const UPPER: readonly StuffName[] = ["sky", "sky", "sky", "wall"];
const LOWER: readonly StuffName[] = ["grass", "water", "sand"];

/** Which stuff regions a scene has, top to bottom. */
export interface Layout {
  upper: StuffName;
  /** Null when one stuff region fills the image. */
  lower: StuffName | null;
}

/** A painted background: pixels plus which region (0 upper, 1 lower) owns each pixel. */
export interface Background {
  layout: Layout;
  /** Paint parameters per region index; `paints[i].base` is region i's base colour. */
  paints: StuffPaint[];
  /** Shape [height, width]: region index per pixel. */
  region: Uint8Array;
  /** Shape [height, width, 3]. */
  rgb: Uint8Array;
}

/** Draws a layout: one region 30% of the time, two regions otherwise. */
export function drawLayout(rng: Rng): Layout {
  if (rng.chance(3, 10)) return { upper: rng.pick(ALL_STUFF), lower: null };
  return { upper: rng.pick(UPPER), lower: rng.pick(LOWER) };
}

/**
 * Horizon row per column: pixels with y < horizon[x] belong to the upper region.
 * Kept within [size/5, 4 size/5] so both regions stay large.
 */
export function drawHorizon(rng: Rng, layout: Layout, size: number): Int32Array {
  const horizon = new Int32Array(size);
  const base = Math.floor((size * rng.range(320, 640)) / 1000);
  const slope = layout.lower === "sand" ? rng.range(-3, 3) : 0; // total rise, in 1/32 of the side
  const amp = layout.lower === "grass" && layout.upper === "sky" ? rng.range(1, 3) : 0;
  const sand = layout.lower === "sand" ? 1 : 0;
  const seed = rng.nextU32();
  const lo = Math.floor(size / 5);
  const hi = Math.floor((4 * size) / 5);
  for (let x = 0; x < size; x++) {
    // Slant through the image centre; (2x + 1 - size) / 2 is the column offset from it.
    const slant = Math.floor((slope * (2 * x + 1 - size)) / 64);
    const hills = Math.floor(((valueNoise1(x, scaled(9, size), seed) - 128) * scaled(amp, size)) / 128);
    const dunes = Math.floor(((valueNoise1(x, scaled(6, size), seed) - 128) * sand * scaled(1, size)) / 128);
    horizon[x] = Math.min(hi, Math.max(lo, base + slant + hills + dunes));
  }
  return horizon;
}

/** Lays out and paints the background of a `size` x `size` scene. */
export function paintBackground(rng: Rng, size: number): Background {
  const layout = drawLayout(rng);
  const region = new Uint8Array(size * size);
  const rgb = new Uint8Array(size * size * 3);
  const paints: StuffPaint[] = [];
  if (layout.lower === null) {
    paints.push(drawStuffPaint(rng, layout.upper, size, 0, size));
  } else {
    const horizon = drawHorizon(rng, layout, size);
    let top = size;
    let bottom = 0;
    for (const h of horizon) {
      top = Math.min(top, h);
      bottom = Math.max(bottom, h);
    }
    paints.push(drawStuffPaint(rng, layout.upper, size, 0, bottom));
    paints.push(drawStuffPaint(rng, layout.lower, size, top, size));
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) region[y * size + x] = y < (horizon[x] ?? 0) ? 0 : 1;
    }
  }
  for (let i = 0; i < size * size; i++) {
    const paint = paints[region[i] ?? 0] as StuffPaint;
    paintStuffPixel(paint, i % size, Math.floor(i / size), rgb, i * 3);
  }
  return { layout, paints, region, rgb };
}
