import { describe, expect, it } from "vitest";

import { boxIou } from "./box-iou";

describe("boxIou (pycocotools maskApi.c bbIou)", () => {
  it("is 1 for identical boxes and intersection / union otherwise", () => {
    expect(boxIou([3, 4, 10, 20], [3, 4, 10, 20])).toBe(1);
    // overlap 5 x 10 = 50, union 100 + 100 - 50 = 150
    expect(boxIou([0, 0, 10, 10], [5, 0, 10, 10])).toBe(50 / 150);
    // [0,0,10,10] vs [0,0,7,10]: 70 / 100
    expect(boxIou([0, 0, 10, 10], [0, 0, 7, 10])).toBe(0.7);
  });

  it("is 0 for disjoint, edge-touching and zero-area boxes", () => {
    expect(boxIou([0, 0, 10, 10], [20, 20, 5, 5])).toBe(0);
    expect(boxIou([0, 0, 10, 10], [10, 0, 10, 10])).toBe(0);
    expect(boxIou([5, 5, 0, 0], [5, 5, 0, 0])).toBe(0);
    expect(boxIou([0, 0, 0, 10], [0, 0, 10, 10])).toBe(0);
  });

  it("divides by the detection's own area for a crowd ground truth", () => {
    // detection 10x10 inside a 30x30 crowd region: 100 / 100
    expect(boxIou([0, 0, 10, 10], [-5, -5, 30, 30], true)).toBe(1);
    // the other way round: intersection 100 over detection area 900
    expect(boxIou([-5, -5, 30, 30], [0, 0, 10, 10], true)).toBe(100 / 900);
    expect(boxIou([-5, -5, 30, 30], [0, 0, 10, 10], false)).toBe(100 / 900);
  });
});
