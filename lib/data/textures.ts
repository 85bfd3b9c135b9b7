/**
 * Stuff textures: a base colour per scene (jittered around a per-stuff centre) and a
 * per-pixel texture built from integer value noise, so no region is flat.
 */
import { clampByte, grain, hash2, valueNoise } from "./noise";
import type { Rng } from "./rng";
import type { Rgb, StuffName } from "./types";

/** Centre colour and per-channel jitter of each stuff's per-scene base colour. */
const STUFF_BASE: Readonly<Record<StuffName, { rgb: Rgb; jitter: Rgb }>> = {
  sky: { rgb: [128, 180, 236], jitter: [22, 16, 12] },
  wall: { rgb: [162, 74, 54], jitter: [16, 10, 8] },
  grass: { rgb: [88, 148, 60], jitter: [12, 12, 10] },
  water: { rgb: [50, 118, 190], jitter: [12, 16, 16] },
  sand: { rgb: [222, 196, 146], jitter: [10, 10, 10] },
};

/** Everything a stuff texture needs; drawn once per region per scene. */
export interface StuffPaint {
  name: StuffName;
  base: Rgb;
  /** Noise seed for this region. */
  seed: number;
  /** Scene side in pixels; texture features are given at 32 and scale with it. */
  size: number;
  /** First and last-plus-one rows the region can occupy (for gradients). */
  top: number;
  bottom: number;
}

/** Draws the per-scene base colour and noise seed of a stuff region. */
export function drawStuffPaint(
  rng: Rng,
  name: StuffName,
  size: number,
  top: number,
  bottom: number,
): StuffPaint {
  const { rgb, jitter } = STUFF_BASE[name];
  const light = rng.range(-8, 8); // shared brightness shift keeps the hue plausible
  const base: Rgb = [
    clampByte(rgb[0] + light + rng.range(-jitter[0], jitter[0])),
    clampByte(rgb[1] + light + rng.range(-jitter[1], jitter[1])),
    clampByte(rgb[2] + light + rng.range(-jitter[2], jitter[2])),
  ];
  return { name, base, seed: rng.nextU32(), size, top, bottom };
}

/** Scales a length given at 32x32 to the scene size (at least 1 pixel). */
export function scaled(len32: number, size: number): number {
  return Math.max(1, Math.floor((len32 * size + 16) / 32));
}

/** Signed noise in -amp..amp from a 0..255 sample. */
function signed(n: number, amp: number): number {
  return Math.floor(((n - 128) * amp) / 128);
}

/** Moves `c` toward `target` by w/256. */
function blend(c: number, target: number, w: number): number {
  return c + Math.floor(((target - c) * w) / 256);
}

/** Writes the texture colour of pixel (x, y) into `out` at `offset`. */
export function paintStuffPixel(p: StuffPaint, x: number, y: number, out: Uint8Array, offset: number): void {
  let [r, g, b] = p.base;
  const s = p.size;
  const depth = Math.floor(((y - p.top) * 256) / Math.max(1, p.bottom - p.top)); // 0..255 down the region
  const fine = grain(x, y, p.seed ^ 0x5bd1e995);
  switch (p.name) {
    case "sky": {
      const lift = Math.floor((depth * 34) / 256); // paler toward the horizon
      r += lift;
      g += Math.floor((lift * 3) / 4);
      b += Math.floor(lift / 4);
      const c1 = valueNoise(x, y, scaled(12, s), scaled(5, s), p.seed);
      const c2 = valueNoise(x, y, scaled(5, s), scaled(3, s), p.seed ^ 0x9e3779b9);
      const cloud = Math.floor((2 * c1 + c2) / 3);
      if (cloud > 140) {
        const w = Math.min(220, (cloud - 140) * 5);
        r = blend(r, 248, w);
        g = blend(g, 250, w);
        b = blend(b, 252, w);
      }
      const d = signed(fine, 3);
      r += d;
      g += d;
      b += d;
      break;
    }
    case "grass": {
      const patch = signed(valueNoise(x, y, scaled(8, s), scaled(8, s), p.seed), 16);
      const blade = signed(valueNoise(x, y, scaled(1, s), scaled(3, s), p.seed ^ 0x1234567), 22);
      const d = signed(fine, 7);
      r += patch + Math.floor(blade / 2) + d;
      g += patch + blade + d;
      b += Math.floor(patch / 2) + d;
      const haze = Math.floor(((255 - depth) * 10) / 256); // lighter far away
      r += haze;
      g += haze;
      break;
    }
    case "water": {
      const ripple = valueNoise(x, y, scaled(7, s), scaled(1, s), p.seed);
      const dark = Math.floor((depth * 26) / 256); // deeper further down
      const d = signed(ripple, 18) + signed(fine, 4) - dark;
      r += d;
      g += d;
      b += d;
      if (ripple > 200) {
        const w = (ripple - 200) * 4;
        r = blend(r, 214, w);
        g = blend(g, 232, w);
        b = blend(b, 248, w);
      }
      break;
    }
    case "sand": {
      const dune = signed(valueNoise(x, y, scaled(10, s), scaled(4, s), p.seed), 14);
      const d = dune + signed(fine, 10) - (fine < 8 ? 34 : 0); // sparse dark pebbles
      r += d;
      g += d;
      b += d;
      break;
    }
    case "wall": {
      const c = brickColor(p, x, y, fine);
      r = c[0];
      g = c[1];
      b = c[2];
      break;
    }
  }
  out[offset] = clampByte(r);
  out[offset + 1] = clampByte(g);
  out[offset + 2] = clampByte(b);
}

/** Running-bond bricks: rows of height 4/32, bricks twice as wide, light mortar. */
function brickColor(p: StuffPaint, x: number, y: number, fine: number): Rgb {
  const bh = scaled(4, p.size);
  const bw = 2 * bh;
  const mortar = Math.max(1, Math.floor(bh / 4));
  const row = Math.floor(y / bh);
  const xs = x + (row & 1) * Math.floor(bw / 2);
  const col = Math.floor(xs / bw);
  const d = signed(fine, 6);
  if (y - row * bh >= bh - mortar || xs - col * bw >= bw - mortar) {
    return [184 + d, 176 + d, 162 + d];
  }
  const h = hash2(col, row, p.seed);
  const shade = signed(h & 255, 16);
  const tint = signed((h >>> 8) & 255, 8);
  return [p.base[0] + shade + tint + d, p.base[1] + shade + d, p.base[2] + shade + d];
}
