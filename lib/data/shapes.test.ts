import { describe, expect, it } from "vitest";
import { maskArea, rasterize } from "./shapes";
import type { ThingClass } from "./types";

/** Mask as rows of "#" and "." for readable hand-drawn expectations. */
function draw(cls: ThingClass, d: number): string[] {
  const m = rasterize(cls, d);
  return Array.from({ length: d }, (_, j) =>
    Array.from({ length: d }, (_, i) => (m[j * d + i] ? "#" : ".")).join(""),
  );
}

describe("rasterize", () => {
  it("draws 5-pixel shapes as hand-checked", () => {
    expect(draw("circle", 5)).toEqual([".###.", "#####", "#####", "#####", ".###."]);
    expect(draw("diamond", 5)).toEqual(["..#..", ".###.", "#####", ".###.", "..#.."]);
    expect(draw("triangle", 5)).toEqual(["..#..", ".###.", ".###.", "#####", "#####"]);
    expect(draw("cross", 5)).toEqual(["..#..", "..#..", "#####", "..#..", "..#.."]);
    expect(draw("square", 5)).toEqual(Array(5).fill("#####"));
  });

  it("draws a 7-pixel ring with a hole and a 7-pixel cross with 3-pixel arms", () => {
    expect(draw("ring", 7)).toEqual([".#####.", "#######", "##...##", "##...##", "##...##", "#######", ".#####."]);
    expect(draw("cross", 7)).toEqual(["..###..", "..###..", "#######", "#######", "#######", "..###..", "..###.."]);
  });

  it("is left-right symmetric and fills its box edge to edge", () => {
    for (const cls of ["circle", "square", "triangle", "diamond", "cross", "ring"] as const) {
      for (const d of [5, 8, 13]) {
        const rows = draw(cls, d);
        for (const row of rows) expect(row).toBe([...row].reverse().join(""));
        expect(rows.some((r) => r[0] === "#")).toBe(true);
        expect(rows[d - 1]).toContain("#");
        expect(maskArea(rasterize(cls, d))).toBe(rows.join("").split("#").length - 1);
      }
    }
  });
});
