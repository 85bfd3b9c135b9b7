import { describe, expect, it } from "vitest";
import { panopticObjectErrors } from "./panoptic-errors";

// 1x8 strip: sky (7) as segment 1, an object of class 1 on pixels 2..3 (segment 2), another of class 2 on 5..6 (segment 3).
const gt = { segmentIds: [1, 1, 2, 2, 1, 3, 3, 1], segments: [{ id: 1, category_id: 7 }, { id: 2, category_id: 1 }, { id: 3, category_id: 2 }] };
const isThing = (c: number) => c <= 6;

describe("panopticObjectErrors", () => {
  it("finds an object with its class, one with another class, and counts a missed one", () => {
    const pred = { segmentIds: [9, 9, 4, 4, 9, 5, 9, 9], segments: [{ id: 9, category_id: 7 }, { id: 4, category_id: 1 }, { id: 5, category_id: 2 }] };
    // Segment 5 covers one of object 3's two pixels: IoU 1/2, not > 0.5, so object 3 is missed.
    expect(panopticObjectErrors(gt, pred, isThing)).toEqual({ objects: 2, found: 1, wrongClass: 0, missed: 1 });
    const wrong = { segmentIds: [9, 9, 4, 4, 9, 5, 5, 9], segments: [{ id: 9, category_id: 7 }, { id: 4, category_id: 3 }, { id: 5, category_id: 2 }] };
    expect(panopticObjectErrors(gt, wrong, isThing)).toEqual({ objects: 2, found: 1, wrongClass: 1, missed: 0 });
  });

  it("VOID predictions cover nothing; stuff segments are not objects", () => {
    const pred = { segmentIds: [0, 0, 0, 0, 0, 0, 0, 0], segments: [] };
    expect(panopticObjectErrors(gt, pred, isThing)).toEqual({ objects: 2, found: 0, wrongClass: 0, missed: 2 });
    expect(() => panopticObjectErrors(gt, { segmentIds: [0], segments: [] }, isThing)).toThrow(/1 predicted pixels for 8/);
  });
});
