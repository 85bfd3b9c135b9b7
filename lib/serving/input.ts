/**
 * What the predict endpoint takes: a PNG, or JSON `{ width, height, rgb }`, made into the scene a
 * policy reads (RGB pixels and their luma; no labels). Every refusal names what is wrong, as
 * `bad_request:predict` with the field. Pure: fast-png decodes, browser and Node alike.
 */
import { convertIndexedToRgb, decode, hasPngSignature } from "fast-png";
import { z } from "zod";
import type { Scene } from "@/lib/data";
import { StudioError } from "@/lib/errors";

/** The largest image body: a 32×32 PNG is a few KB; this leaves room for an uncompressed one and metadata. */
export const MAX_IMAGE_BYTES = 256 * 1024;

const refuse = (field: string, message: string) => new StudioError("bad_request:predict", `${field}: ${message}`, { field });

/** An image as pixels: [height, width, 3] RGB, row-major. */
export interface Pixels { width: number; height: number; rgb: Uint8Array }

const dimension = z.number().int("expected a whole number of pixels").min(1).max(1024);
export const PixelsJsonSchema = z.object({
  width: dimension,
  height: dimension,
  rgb: z.array(z.number().int("expected whole numbers 0 to 255").min(0).max(255)).max(1024 * 1024 * 3),
}).strict().superRefine((p, ctx) => {
  if (p.rgb.length !== p.width * p.height * 3) ctx.addIssue({ code: "custom", path: ["rgb"], message: `expected width × height × 3 = ${p.width * p.height * 3} values, got ${p.rgb.length}` });
}).transform((p): Pixels => ({ width: p.width, height: p.height, rgb: Uint8Array.from(p.rgb) }));

/** A PNG's pixels as RGB (grey, grey+alpha, RGBA and palette images converted; 16-bit scaled to 8). */
export function pixelsFromPng(bytes: Uint8Array): Pixels {
  if (!hasPngSignature(bytes)) throw refuse("body", "not a PNG: the body does not start with the PNG signature (send image/png, or JSON { width, height, rgb })");
  let png: ReturnType<typeof decode>;
  try {
    png = decode(bytes);
  } catch (err) {
    throw refuse("body", `the PNG cannot be decoded: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { width, height } = png;
  const n = width * height;
  let data: ArrayLike<number> = png.data;
  let channels = png.channels;
  if (png.palette) {
    data = convertIndexedToRgb(png);
    channels = png.palette[0]?.length ?? 3;
  }
  const shift = png.depth === 16 ? 8 : 0;
  const scale = png.depth < 8 ? 255 / (2 ** png.depth - 1) : 1;
  if (data.length < n * channels) throw refuse("body", "the PNG holds fewer pixels than its header says");
  const rgb = new Uint8Array(n * 3);
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < 3; c++) {
      const v = channels >= 3 ? (data[p * channels + c] as number) : (data[p * channels] as number);
      rgb[p * 3 + c] = Math.round((v >> shift) * scale);
    }
  }
  return { width, height, rgb };
}

/** Refuses an image of another size than the model's. */
export function checkSize(pixels: Pixels, size: number): void {
  if (pixels.width !== size || pixels.height !== size) {
    throw refuse("image", `this model takes ${size}×${size} pixels, got ${pixels.width}×${pixels.height}`);
  }
}

/** The scene a policy reads: the pixels and their luma (ShapeWorld's formula); no labels. */
export function sceneFromPixels(pixels: Pixels): Scene {
  const { width, height, rgb } = pixels;
  const gray = new Uint8Array(width * height);
  for (let p = 0; p < width * height; p++) gray[p] = Math.floor((299 * rgb[p * 3]! + 587 * rgb[p * 3 + 1]! + 114 * rgb[p * 3 + 2]! + 500) / 1000);
  return {
    seed: -1, split: null, width, height, rgb, gray, objects: [], stuff: [],
    panoptic: { segmentIds: new Int32Array(width * height), segments: [] }, captions: [],
  };
}
