/** RGBA pixels for scenes and model outputs (one per scene pixel): canvases in pages, PNGs on the server. */
import { categoryById } from "./categories";
import type { Scene } from "./types";

/** The scene as RGBA, or its greyscale input (what the colorization model sees). */
export function scenePixels(scene: Scene, gray: boolean): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(scene.width * scene.height * 4);
  for (let p = 0; p < scene.width * scene.height; p++) {
    const g = scene.gray[p] ?? 0;
    out[p * 4] = gray ? g : (scene.rgb[p * 3] ?? 0);
    out[p * 4 + 1] = gray ? g : (scene.rgb[p * 3 + 1] ?? 0);
    out[p * 4 + 2] = gray ? g : (scene.rgb[p * 3 + 2] ?? 0);
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** An RGB image [h * w * 3] (a colorization output) as RGBA. */
export function rgbPixels(rgb: ArrayLike<number>, w: number, h: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let p = 0; p < w * h; p++) {
    out[p * 4] = rgb[p * 3] ?? 0;
    out[p * 4 + 1] = rgb[p * 3 + 1] ?? 0;
    out[p * 4 + 2] = rgb[p * 3 + 2] ?? 0;
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** A panoptic map as category colours, translucent inside segments and opaque on their borders; VOID clear. */
export function panopticPixels(
  map: { segmentIds: ArrayLike<number>; segments: readonly { id: number; category_id: number }[] },
  w: number,
  h: number,
): Uint8ClampedArray<ArrayBuffer> {
  const ids = map.segmentIds;
  const colorOf = new Map(map.segments.map((s) => [s.id, categoryById(s.category_id)?.color ?? [0, 0, 0]]));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const id = ids[p] ?? 0;
      const c = colorOf.get(id) ?? [0, 0, 0];
      const border = (x + 1 < w && ids[p + 1] !== id) || (y + 1 < h && ids[p + w] !== id);
      out.set([c[0] ?? 0, c[1] ?? 0, c[2] ?? 0, id === 0 ? 0 : border ? 255 : 150], p * 4);
    }
  }
  return out;
}
