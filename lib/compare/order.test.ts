import { describe, expect, it } from "vitest";
import type { ComparedScene } from "./contract";
import { deltaOf, orderScenes } from "./order";

const scene = (seed: number, a: number | null, b: number | null, len: [number, number] = [0, 0]): ComparedScene => ({
  seed,
  a: { output: {}, terms: { caption_length: len[0] }, composite: a },
  b: { output: {}, terms: { caption_length: len[1] }, composite: b },
});
// Deltas of the composite: +0.5, -0.3, 0, +0.9, none.
const scenes = [scene(1, 0.1, 0.6), scene(2, 0.5, 0.2, [0, 2]), scene(3, 0.4, 0.4, [1, 0]), scene(4, 0, 0.9), scene(5, null, 0.3)];
const composite = { kind: "composite" } as const;

describe("orderScenes", () => {
  it("puts the biggest gain first, or the biggest loss, or keeps scene order; no delta goes last", () => {
    expect(orderScenes(scenes, { of: composite, order: "gain", filter: "all" })).toEqual([3, 0, 2, 1, 4]);
    expect(orderScenes(scenes, { of: composite, order: "loss", filter: "all" })).toEqual([1, 2, 0, 3, 4]);
    expect(orderScenes(scenes, { of: composite, order: "scene", filter: "all" })).toEqual([0, 1, 2, 3, 4]);
  });

  it("filters to gains or losses only", () => {
    expect(orderScenes(scenes, { of: composite, order: "gain", filter: "gains" })).toEqual([3, 0]);
    expect(orderScenes(scenes, { of: composite, order: "gain", filter: "losses" })).toEqual([1]);
  });

  it("orders by one term's delta, with its sign turned for a term to minimise", () => {
    const len = { kind: "term", key: "caption_length" } as const;
    expect(deltaOf(scenes[1]!, len)).toBe(2);
    expect(orderScenes(scenes, { of: len, order: "gain", filter: "all" })).toEqual([1, 0, 3, 4, 2]);
    expect(orderScenes(scenes, { of: len, order: "gain", filter: "gains", sign: -1 })).toEqual([2]);
  });
});
