/** Canvas pixels for scenes and model outputs (RGBA, one per scene pixel). */
export { panopticPixels, rgbPixels, scenePixels } from "@/lib/data/pixels";

/** Draws `pixels` (or clears) on a canvas of the scene's size. */
export function paint(canvas: HTMLCanvasElement | null, w: number, h: number, pixels: Uint8ClampedArray<ArrayBuffer> | null): void {
  const ctx = canvas?.getContext("2d");
  if (!canvas || !ctx) return;
  ctx.clearRect(0, 0, w, h);
  if (pixels) ctx.putImageData(new ImageData(pixels, w, h), 0, 0);
}
