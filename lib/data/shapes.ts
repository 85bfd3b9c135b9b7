/**
 * Shape rasterisation. Each class is an exact integer test on pixel centres inside a
 * d x d box, in half-pixel units centred on the box: u = 2i + 1 - d, v = 2j + 1 - d,
 * so u, v lie in [-(d - 1), d - 1] and the box edge is at +-d. No anti-aliasing: every
 * pixel is in or out, which keeps the panoptic map and the boxes exact.
 */
import type { ThingClass } from "./types";

/** Smallest box side (at 32x32) a class is drawn at; rings and crosses need room. */
export const MIN_SIDE_32: Readonly<Record<ThingClass, number>> = {
  circle: 5,
  square: 5,
  triangle: 6,
  diamond: 5,
  cross: 7,
  ring: 7,
};

/** Smallest box side in pixels at any scene size, below which a class is unreadable. */
export const MIN_SIDE_PX: Readonly<Record<ThingClass, number>> = {
  circle: 3,
  square: 3,
  triangle: 4,
  diamond: 3,
  cross: 5,
  ring: 5,
};

/** Largest box side at 32x32. */
export const MAX_SIDE_32 = 13;

/** True when the pixel centre (u, v) (half-pixel units) lies inside the shape. */
function inside(cls: ThingClass, u: number, v: number, d: number): boolean {
  const au = Math.abs(u);
  const av = Math.abs(v);
  switch (cls) {
    case "circle":
      return u * u + v * v <= d * d;
    case "square":
      return true;
    case "triangle":
      // Apex at the top centre, base along the bottom edge: half-width grows linearly.
      return 2 * au <= v + d + 1;
    case "diamond":
      return au + av <= d;
    case "cross":
      // Arms about a third of the side thick: 1 px at d = 5, 3 px at 7..11, 5 px at 13.
      return 3 * au <= d || 3 * av <= d;
    case "ring": {
      const r2 = u * u + v * v;
      return r2 <= d * d + d && 4 * r2 > d * d;
    }
  }
}

/**
 * Mask of a shape of class `cls` in a `d` x `d` box.
 * @returns Uint8Array of shape [d, d], row-major, 1 inside.
 */
export function rasterize(cls: ThingClass, d: number): Uint8Array {
  const mask = new Uint8Array(d * d);
  for (let j = 0; j < d; j++) {
    const v = 2 * j + 1 - d;
    for (let i = 0; i < d; i++) {
      if (inside(cls, 2 * i + 1 - d, v, d)) mask[j * d + i] = 1;
    }
  }
  return mask;
}

/** Number of set pixels in a mask. */
export function maskArea(mask: Uint8Array): number {
  let n = 0;
  for (const m of mask) n += m;
  return n;
}
