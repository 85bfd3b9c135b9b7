/**
 * Integer hash noise for textures. Pure 32-bit integer arithmetic plus exact integer
 * division, so results are identical in every engine (no Math.sin, no floats that round).
 */

/** A 32-bit hash of an integer lattice point and a seed, in [0, 2^32). */
export function hash2(x: number, y: number, seed: number): number {
  let h = seed ^ Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A per-pixel random byte 0..255 (white noise, "grain"). */
export function grain(x: number, y: number, seed: number): number {
  return hash2(x, y, seed) & 255;
}

/** Smoothstep weight t^2 (3 - 2t) for t = f / n, scaled to 0..n^3. */
function smooth(f: number, n: number): number {
  return f * f * (3 * n - 2 * f);
}

/**
 * Value noise 0..255 on a lattice of cells `cw` x `ch` pixels: random bytes at lattice
 * corners, smoothstep-interpolated in between. Stretching the cell (cw != ch) gives
 * streaks: wide cells for water ripples, tall cells for grass blades.
 * Coordinates must be non-negative integers.
 */
export function valueNoise(x: number, y: number, cw: number, ch: number, seed: number): number {
  const cx = Math.floor(x / cw);
  const cy = Math.floor(y / ch);
  const wx = smooth(x - cx * cw, cw);
  const wy = smooth(y - cy * ch, ch);
  const nx = cw * cw * cw;
  const ny = ch * ch * ch;
  const v00 = hash2(cx, cy, seed) & 255;
  const v10 = hash2(cx + 1, cy, seed) & 255;
  const v01 = hash2(cx, cy + 1, seed) & 255;
  const v11 = hash2(cx + 1, cy + 1, seed) & 255;
  // Two exact integer lerps; each intermediate stays below 2^53.
  const top = v00 * (nx - wx) + v10 * wx;
  const bottom = v01 * (nx - wx) + v11 * wx;
  return Math.floor((top * (ny - wy) + bottom * wy) / (nx * ny));
}

/** 1-D value noise 0..255 with cells of `cw` pixels, for horizon lines. */
export function valueNoise1(x: number, cw: number, seed: number): number {
  return valueNoise(x, 0, cw, 1, seed);
}

/** Clamps to a byte. */
export function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}
