/**
 * What raters are shown, drawn once on the server when a campaign opens: the scene as a PNG,
 * and each side as a caption, boxes (labelled by class, drawn over the scene by the page), or a
 * PNG (the panoptic map over the scene; the colorized image). Pictures get opaque random ids.
 * Pure apart from the id source; fast-png encodes (browser and Node alike).
 */
import { encode } from "fast-png";
import { categoryById, seedAt, SPLITS, type Scene } from "@/lib/data";
import { panopticPixels, rgbPixels, scenePixels } from "@/lib/data/pixels";
import type { OutputOf, TaskId } from "@/lib/rewards/task-types";
import type { RaterSide } from "./contract";

/** Where a rating picture is served. */
export const ratingImageUrl = (id: string): string => `/api/rating-images/${id}`;

/** RGBA pixels as a PNG (alpha dropped: every picture here is opaque). */
export function pngOf(rgba: ArrayLike<number>, width: number, height: number): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    rgb[p * 3] = rgba[p * 4] ?? 0;
    rgb[p * 3 + 1] = rgba[p * 4 + 1] ?? 0;
    rgb[p * 3 + 2] = rgba[p * 4 + 2] ?? 0;
  }
  return encode({ width, height, data: rgb, channels: 3, depth: 8 });
}

/** `over` (RGBA, straight alpha) composited on the opaque `under`. */
export function composite(under: ArrayLike<number>, over: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(under.length);
  for (let i = 0; i < under.length; i += 4) {
    const a = (over[i + 3] ?? 0) / 255;
    for (let c = 0; c < 3; c++) out[i + c] = Math.round((over[i + c] ?? 0) * a + (under[i + c] ?? 0) * (1 - a));
    out[i + 3] = 255;
  }
  return out;
}

const nameOf = (categoryId: number) => categoryById(categoryId)?.name ?? `class ${categoryId}`;

/** "3 boxes: circle, square, square": what a person reads beside the picture. */
function listSummary(noun: string, plural: string, names: readonly string[]): string {
  if (names.length === 0) return `no ${plural}`;
  return `${names.length} ${names.length === 1 ? noun : plural}: ${names.join(", ")}`;
}

export interface RenderedPicture {
  id: string;
  png: Uint8Array;
}

/** A scene as a PNG, in colour or as its grey input: what raters are shown, and what clients send the predict endpoint. */
export const scenePng = (scene: Scene, gray = false): Uint8Array => pngOf(scenePixels(scene, gray), scene.width, scene.height);

/** The scene's picture as raters see it: the grey input for colorization (the colours are what is judged), else in colour. */
export function scenePicture(task: TaskId, scene: Scene, newId: () => string): RenderedPicture {
  return { id: newId(), png: scenePng(scene, task === "colorization") };
}

/** Test-split scenes for gold pairs, from the end of the split, none of them already in the campaign. */
export function goldSeeds(count: number, taken: ReadonlySet<number>): number[] {
  const seeds: number[] = [];
  for (let i = SPLITS.test.count - 1; i >= 0 && seeds.length < count; i--) {
    const seed = seedAt("test", i);
    if (!taken.has(seed)) seeds.push(seed);
  }
  return seeds;
}

/**
 * One side as a rater sees it, and the picture it needs (if any). `scene` is the scene shown;
 * for a gold pair's decoy the output belongs to another scene but is drawn over this one.
 */
export function raterSide(task: TaskId, scene: Scene, output: unknown, newId: () => string): { side: RaterSide; picture: RenderedPicture | null } {
  const { width: w, height: h } = scene;
  if (task === "captioning") return { side: { kind: "caption", text: (output as OutputOf<"captioning">).text }, picture: null };
  if (task === "detection") {
    const boxes = (output as OutputOf<"detection">).boxes.map((b) => ({
      box: [b.box[0], b.box[1], b.box[2], b.box[3]] as [number, number, number, number],
      label: nameOf(b.categoryId),
      color: [...(categoryById(b.categoryId)?.color ?? [255, 255, 255])] as [number, number, number],
    }));
    return { side: { kind: "boxes", width: w, height: h, boxes, summary: listSummary("box", "boxes", boxes.map((b) => b.label)) }, picture: null };
  }
  if (task === "panoptic") {
    const map = output as OutputOf<"panoptic">;
    const picture = { id: newId(), png: pngOf(composite(scenePixels(scene, false), panopticPixels(map, w, h)), w, h) };
    const names = map.segments.map((s) => nameOf(s.category_id));
    return { side: { kind: "image", image: ratingImageUrl(picture.id), summary: listSummary("segment", "segments", names) }, picture };
  }
  const picture = { id: newId(), png: pngOf(rgbPixels((output as OutputOf<"colorization">).rgb, w, h), w, h) };
  return { side: { kind: "image", image: ratingImageUrl(picture.id), summary: "colours chosen for the grey input" }, picture };
}
