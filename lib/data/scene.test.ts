import { describe, expect, it } from "vitest";
import { CATEGORIES, COLOR_NAMES, STUFF_CATEGORIES, THING_CATEGORIES, categoryById, generateScene } from "./index";
import { luma } from "./scene";
import type { BBox, Scene } from "./types";

const SEEDS = Array.from({ length: 500 }, (_, i) => i);
const scenes = SEEDS.map((s) => generateScene(s));

/** Box and area of the pixels of every id in the map, recomputed independently. */
function pixelsById(scene: Scene): Map<number, { bbox: BBox; area: number }> {
  const acc = new Map<number, [number, number, number, number, number]>();
  scene.panoptic.segmentIds.forEach((id, i) => {
    const x = i % scene.width;
    const y = Math.floor(i / scene.width);
    const a = acc.get(id) ?? [x, y, x, y, 0];
    acc.set(id, [Math.min(a[0], x), Math.min(a[1], y), Math.max(a[2], x), Math.max(a[3], y), a[4] + 1]);
  });
  const out = new Map<number, { bbox: BBox; area: number }>();
  for (const [id, [x0, y0, x1, y1, area]] of acc) out.set(id, { bbox: [x0, y0, x1 - x0 + 1, y1 - y0 + 1], area });
  return out;
}

function checkPanoptic(scene: Scene): void {
  const { segmentIds, segments } = scene.panoptic;
  const n = scene.width * scene.height;
  expect(segmentIds.length).toBe(n);
  expect(scene.rgb.length).toBe(3 * n);
  expect(scene.gray.length).toBe(n);
  const ids = segments.map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toBeGreaterThan(0);
  const pixels = pixelsById(scene);
  // Every pixel holds exactly one id, and every id in the map is a listed segment.
  expect([...pixels.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  expect(segments.reduce((a, s) => a + s.area, 0)).toBe(n);
  for (const s of segments) {
    expect(pixels.get(s.id)).toEqual({ bbox: s.bbox, area: s.area });
    expect(s.iscrowd).toBe(0);
    expect(categoryById(s.category_id)?.isthing).toBe(s.isthing);
  }
  for (const o of scene.objects) {
    expect(pixels.get(o.segmentId)).toEqual({ bbox: o.bbox, area: o.area });
    expect(categoryById(o.categoryId)?.name).toBe(o.className);
  }
  expect(segments.filter((s) => s.isthing).length).toBe(scene.objects.length);
  expect(segments.filter((s) => !s.isthing).length).toBe(scene.stuff.length);
}

describe("generateScene", () => {
  it("keeps the panoptic map consistent: one segment per pixel, areas sum, boxes match pixels", () => {
    for (const scene of scenes.slice(0, 300)) checkPanoptic(scene);
  });

  it("works at sizes 16, 64 and 256", () => {
    for (const size of [16, 64]) {
      for (let seed = 0; seed < 20; seed++) {
        const scene = generateScene(seed, { size });
        expect([scene.width, scene.height]).toEqual([size, size]);
        checkPanoptic(scene);
      }
    }
    checkPanoptic(generateScene(3, { size: 256 }));
  });

  it("computes grey as integer BT.601 luma", () => {
    expect(luma(255, 0, 0)).toBe(76); // (76245 + 500) / 1000
    expect(luma(10, 20, 30)).toBe(18); // (2990 + 11740 + 3420 + 500) / 1000 = 18.65
    expect(luma(255, 255, 255)).toBe(255);
    const s = scenes[0] as Scene;
    for (const i of [0, 517, 1023]) {
      const [r, g, b] = [s.rgb[3 * i] ?? 0, s.rgb[3 * i + 1] ?? 0, s.rgb[3 * i + 2] ?? 0];
      expect(s.gray[i]).toBe(Math.floor((299 * r + 587 * g + 114 * b + 500) / 1000));
    }
  });

  it("textures stuff regions (not flat)", () => {
    for (const scene of scenes.slice(0, 100)) {
      for (const st of scene.stuff) {
        if (st.area < 20) continue;
        const values: number[] = [];
        scene.panoptic.segmentIds.forEach((v, i) => v === st.segmentId && values.push(scene.gray[i] ?? 0));
        const mean = values.reduce((a, b) => a + b, 0) / values.length;
        const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
        expect(std, `${st.name} in seed ${scene.seed}`).toBeGreaterThan(2);
      }
    }
  });

  it("shows every stuff and thing class across 500 seeds, 0..4 objects, 1..3 most often", () => {
    const stuffSeen = new Set(scenes.flatMap((s) => s.stuff.map((r) => r.name)));
    const thingsSeen = new Set(scenes.flatMap((s) => s.objects.map((o) => o.className)));
    expect([...stuffSeen].sort()).toEqual(STUFF_CATEGORIES.map((c) => c.name).sort());
    expect([...thingsSeen].sort()).toEqual(THING_CATEGORIES.map((c) => c.name).sort());
    const counts = [0, 0, 0, 0, 0];
    for (const s of scenes) counts[s.objects.length]!++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(500);
    expect((counts[1] ?? 0) + (counts[2] ?? 0) + (counts[3] ?? 0)).toBeGreaterThan(250);
  });

  it("follows the colour rules: crosses red, diamonds yellow, other classes ambiguous", () => {
    const colours = new Map<string, Set<string>>();
    for (const o of scenes.flatMap((s) => s.objects)) {
      if (!colours.has(o.className)) colours.set(o.className, new Set());
      colours.get(o.className)?.add(o.colorName);
      expect(COLOR_NAMES).toContain(o.colorName);
    }
    expect([...(colours.get("cross") ?? [])]).toEqual(["red"]);
    expect([...(colours.get("diamond") ?? [])]).toEqual(["yellow"]);
    for (const cls of ["circle", "square", "triangle", "ring"]) {
      expect(colours.get(cls)?.size ?? 0, cls).toBeGreaterThanOrEqual(2);
    }
  });

  it("writes 5..7 tokenised captions naming every class present", () => {
    for (const scene of scenes) {
      expect(scene.captions.length).toBeGreaterThanOrEqual(5);
      expect(scene.captions.length).toBeLessThanOrEqual(7);
      for (const c of scene.captions) expect(c).toMatch(/^[a-z]+( [a-z]+)*$/);
      const text = scene.captions.join(" ");
      for (const o of scene.objects) expect(text).toContain(o.className);
    }
  });

  it("rejects bad seeds and sizes with a RangeError naming the field", () => {
    for (const seed of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => generateScene(seed)).toThrow(/seed/);
    expect(() => generateScene(-1)).toThrow(RangeError);
    for (const size of [15, 257, 31.5, 0]) expect(() => generateScene(0, { size })).toThrow(/size .*16\.\.256/);
    expect(() => generateScene(0, { size: 8 })).toThrow(RangeError);
  });

  it("has a category table with things 1..6 then stuff", () => {
    expect(CATEGORIES.map((c) => c.id)).toEqual(CATEGORIES.map((_, i) => i + 1));
    expect(THING_CATEGORIES.every((c) => c.isthing && c.supercategory === "shape")).toBe(true);
    expect(STUFF_CATEGORIES.every((c) => !c.isthing && c.supercategory === "stuff")).toBe(true);
    expect(new Set(CATEGORIES.map((c) => c.color.join())).size).toBe(CATEGORIES.length);
    expect(categoryById(0)).toBeUndefined();
    expect(categoryById(7)?.name).toBe("sky");
  });
});
