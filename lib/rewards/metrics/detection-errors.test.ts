import { describe, expect, it } from "vitest";
import { detectionErrors } from "./detection-errors";

const gt = [
  { box: [0, 0, 10, 10] as const, categoryId: 1 },
  { box: [20, 20, 10, 10] as const, categoryId: 2 },
];

describe("detectionErrors", () => {
  it("tells apart right boxes, wrong classes, duplicates and boxes on nothing", () => {
    const e = detectionErrors([
      { box: [0, 0, 10, 10], categoryId: 1, score: 0.9 }, // right
      { box: [1, 0, 10, 10], categoryId: 1, score: 0.8 }, // second box on object 1: duplicate
      { box: [20, 20, 10, 9], categoryId: 3, score: 0.7 }, // object 2 with the wrong class
      { box: [50, 50, 5, 5], categoryId: 1, score: 0.6 }, // nothing there
    ], gt);
    expect(e).toEqual({ correct: 1, wrongClass: 1, duplicates: 1, background: 1 });
  });

  it("goes by score, not list order: the higher-scoring box takes the object", () => {
    const e = detectionErrors([
      { box: [0, 0, 10, 10], categoryId: 2, score: 0.2 },
      { box: [0, 0, 10, 10], categoryId: 1, score: 0.9 },
    ], gt);
    expect(e).toEqual({ correct: 1, wrongClass: 0, duplicates: 1, background: 0 });
  });

  it("below IoU 0.5 a box finds no object; a box takes the unclaimed object it overlaps most", () => {
    // IoU with gt[0] = 25 / 175 < 0.5.
    expect(detectionErrors([{ box: [5, 5, 10, 10], categoryId: 1 }], gt)).toEqual({ correct: 0, wrongClass: 0, duplicates: 0, background: 1 });
    // Two overlapping objects: the second box falls back to the other, unclaimed one.
    const pair = [{ box: [0, 0, 10, 10] as const, categoryId: 1 }, { box: [0, 1, 10, 10] as const, categoryId: 1 }];
    expect(detectionErrors([{ box: [0, 0, 10, 10], categoryId: 1, score: 1 }, { box: [0, 0, 10, 10], categoryId: 1, score: 0.5 }], pair)).toEqual({ correct: 2, wrongClass: 0, duplicates: 0, background: 0 });
    expect(detectionErrors([], gt)).toEqual({ correct: 0, wrongClass: 0, duplicates: 0, background: 0 });
  });
});
