import { describe, expect, it } from "vitest";
import { sceneAt, type Scene } from "@/lib/data";
import { canonicalSlots, encodeScene, NO_CLASS, toPanopticOutput, usedSlots } from "./encoding";
import { panopticTask } from "./task";

/**
 * A 4x4 scene by hand. Segments: 1 circle, 2 circle, 3 square, 4 sky, 5 grass.
 *   4 4 2 2
 *   1 4 2 2
 *   1 1 5 5
 *   3 5 5 5
 * Box top-lefts (x, y): circle 1 (0, 1), circle 2 (2, 0), square 3 (0, 3). Raster order of the
 * top-lefts: circle 2 (row 0), circle 1 (row 1), square 3 (row 3); slots over all things:
 * circle 2 -> slot 1, circle 1 -> slot 2, square 3 -> slot 3.
 */
function tinyScene(): Scene {
  const seg = (id: number, category_id: number, isthing: boolean, bbox: [number, number, number, number], area: number) => ({ id, category_id, iscrowd: 0 as const, isthing, bbox, area });
  return {
    seed: 0, split: null, width: 4, height: 4, rgb: new Uint8Array(48), gray: new Uint8Array(16), objects: [], stuff: [], captions: [],
    panoptic: {
      segmentIds: Int32Array.from([4, 4, 2, 2, 1, 4, 2, 2, 1, 1, 5, 5, 3, 5, 5, 5]),
      segments: [seg(1, 1, true, [0, 1, 2, 2], 3), seg(2, 1, true, [2, 0, 2, 2], 4), seg(3, 2, true, [0, 3, 1, 1], 1), seg(4, 7, false, [0, 0, 2, 2], 3), seg(5, 9, false, [1, 2, 3, 2], 5)],
    },
  };
}

describe("panoptic target encoding (mask classification)", () => {
  it("numbers all things by the top-left of their box in raster order", () => {
    // circle 2 (row 0) -> 1, circle 1 (row 1) -> 2, square 3 (row 3) -> 3.
    expect([...canonicalSlots(tinyScene(), 4)]).toEqual([[2, 1], [1, 2], [3, 3]]);
    // More things than slots share the last slot.
    expect([...canonicalSlots(tinyScene(), 2)]).toEqual([[2, 1], [1, 2], [3, 2]]);
  });

  it("gives every pixel its region (stuff class or thing slot) and every slot its class", () => {
    const { regions, slotClasses } = encodeScene(tinyScene(), 4);
    // sky (class 6) -> region 0, grass (class 8) -> region 2; slot s -> region NUM_STUFF + s - 1.
    expect(Array.from(regions)).toEqual([0, 0, 5, 5, 6, 0, 5, 5, 6, 6, 2, 2, 7, 2, 2, 2]);
    expect(Array.from(slotClasses)).toEqual([0, 0, 1, NO_CLASS]);
    expect(usedSlots(regions, 4)).toEqual([true, true, true, false]);
  });

  it("converts an action to segments: stuff id = category, thing id = 11 + slot, category = the slot's class", () => {
    const out = toPanopticOutput(encodeScene(tinyScene(), 4), 4);
    expect(Array.from(out.segmentIds)).toEqual([7, 7, 12, 12, 13, 7, 12, 12, 13, 13, 9, 9, 14, 9, 9, 9]);
    expect(out.segments).toEqual([
      { id: 7, category_id: 7 }, { id: 9, category_id: 9 }, { id: 12, category_id: 1 }, { id: 13, category_id: 1 }, { id: 14, category_id: 2 },
    ]);
  });

  it("an object is one class: re-labelling a slot changes all of its pixels", () => {
    const action = encodeScene(tinyScene(), 4);
    action.slotClasses[0] = 5; // slot 1 (circle 2) becomes a ring
    const out = toPanopticOutput(action, 4);
    expect(out.segments.find((s) => s.id === 12)).toEqual({ id: 12, category_id: 6 });
    expect(Array.from(out.segmentIds).filter((id) => id === 12)).toHaveLength(4);
  });

  it("lists exactly the ids present, however speckled the map", () => {
    const regions = Uint8Array.from({ length: 64 }, (_, p) => (p * 7) % 9);
    const out = toPanopticOutput({ regions, slotClasses: Uint8Array.from([0, 3, 3, 5]) }, 4);
    const ids = [...new Set(Array.from(out.segmentIds))].sort((a, b) => a - b);
    expect(out.segments.map((s) => s.id)).toEqual(ids);
    expect(ids.every((id) => id > 0)).toBe(true);
  });

  it("refuses a region outside the stuff classes and slots, and a used slot without a class", () => {
    expect(() => toPanopticOutput({ regions: Uint8Array.from([9]), slotClasses: new Uint8Array(4) }, 4)).toThrow(/region 9 is outside 0..8/);
    expect(() => toPanopticOutput({ regions: Uint8Array.from([5]), slotClasses: new Uint8Array(4).fill(NO_CLASS) }, 4)).toThrow(/slot 1 has no thing class/);
  });

  it("a perfect region + slot class map converts back to PQ 1 against the scene", () => {
    const scenes = [tinyScene(), ...Array.from({ length: 40 }, (_, i) => sceneAt("val", i))];
    const outputs = scenes.map((s) => toPanopticOutput(encodeScene(s, 4), 4));
    const m = panopticTask.evalMetrics(outputs, scenes);
    expect(m).toMatchObject({ PQ: 1, SQ: 1, RQ: 1, PQ_things: 1, PQ_stuff: 1, segment_count_error: 0 });
    const gtSegments = scenes.reduce((a, s) => a + s.panoptic.segments.length, 0) / scenes.length;
    expect(m.segments_per_image).toBeCloseTo(gtSegments, 12);
  });

  it("scores a prediction against ground truth (hand-computed PQ)", () => {
    // Everything predicted as sky: sky 7 matches sky (IoU 3/16 < 0.5 -> FP + FN), all else FN.
    // Each occurring class has PQ 0; segment count 1 vs 5.
    const out = { segmentIds: new Int32Array(16).fill(7), segments: [{ id: 7, category_id: 7 }] };
    const m = panopticTask.evalMetrics([out], [tinyScene()]);
    expect(m).toMatchObject({ PQ: 0, PQ_things: 0, PQ_stuff: 0, segments_per_image: 1, segment_count_error: 4 });
  });
});
