/**
 * sRGB (8-bit scale) to CIELAB, D65:
 *  - sRGB decoding and the linear RGB -> XYZ matrix of IEC 61966-2-1:1999;
 *  - the reference white is that matrix applied to RGB (1, 1, 1), i.e. D65 as the
 *    standard's 4-digit matrix encodes it (X_n = 0.9505, Y_n = 1, Z_n = 1.0890), so greys
 *    map to a* = b* = 0;
 *  - L*, a*, b* of CIE 15:2004 (8.2.1), with the exact constants (6/29)^3 and 4/29.
 * Values agree with common tables (e.g. sRGB red -> L* 53.23, a* 80.11, b* 67.22) to the
 * precision of the 4-digit matrix.
 */

/** IEC 61966-2-1 linear sRGB -> CIE XYZ (D65), rows X, Y, Z. */
const M = [
  [0.4124, 0.3576, 0.1805],
  [0.2126, 0.7152, 0.0722],
  [0.0193, 0.1192, 0.9505],
] as const;
const WHITE = M.map((row) => row[0] + row[1] + row[2]);
const DELTA = 6 / 29;

/** IEC 61966-2-1 decoding of one channel given on the 0..255 scale. */
function linear(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}
/** Decoded values of the 256 integer levels: 8-bit images skip the pow. */
const LINEAR_LUT = Float64Array.from({ length: 256 }, (_, v) => linear(v));

function lin(v: number): number {
  return Number.isInteger(v) ? (LINEAR_LUT[v] ?? linear(v)) : linear(v);
}

/** CIE 15:2004 f(t): cube root above (6/29)^3, linear segment below. */
function f(t: number): number {
  return t > DELTA * DELTA * DELTA ? Math.cbrt(t) : t / (3 * DELTA * DELTA) + 4 / 29;
}

/**
 * CIELAB of one sRGB colour.
 * @param r, g, b channels on the 0..255 scale.
 * @returns [L*, a*, b*]; L* in 0..100.
 */
export function srgbToLab(r: number, g: number, b: number): [number, number, number] {
  const R = lin(r);
  const G = lin(g);
  const B = lin(b);
  const [mx, my, mz] = M;
  const fx = f((mx[0] * R + mx[1] * G + mx[2] * B) / WHITE[0]!);
  const fy = f((my[0] * R + my[1] * G + my[2] * B) / WHITE[1]!);
  const fz = f((mz[0] * R + mz[1] * G + mz[2] * B) / WHITE[2]!);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** Distance in the a*b* plane (CIE 1976 ΔE*ab without the ΔL* term). */
export function abDistance(p: readonly number[], q: readonly number[]): number {
  const da = (p[1] ?? 0) - (q[1] ?? 0);
  const db = (p[2] ?? 0) - (q[2] ?? 0);
  return Math.sqrt(da * da + db * db);
}

/**
 * Diameter of the a*b* projection of the sRGB gamut: pure green to pure blue, ≈ 252.68.
 * A search over all 2^24 8-bit colours (convex hull of their a*b*, then its farthest
 * pair) found no pair farther apart.
 */
export const AB_DIAMETER = abDistance(srgbToLab(0, 255, 0), srgbToLab(0, 0, 255));
