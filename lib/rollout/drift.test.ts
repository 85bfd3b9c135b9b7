import { describe, expect, it } from "vitest";
import { seededRandom } from "@/lib/preference";
import { cusum, meanStd } from "./drift";

/** Standard normal draws (Box–Muller) from a seeded stream. */
function normals(seed: number, n: number): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

describe("CUSUM", () => {
  it("computes the tabular statistics by hand", () => {
    // z = 1, 2, -3 with k 0.5: C+ = 0.5, 2, 0; C- = 0, 0, 2.5.
    expect(cusum([1, 2, -3], { mean: 0, std: 1 }, { k: 0.5, h: 5 })).toEqual({ alarm: false, at: null, direction: null, upper: 0, lower: 2.5, n: 3 });
    expect(cusum([3, 3, 3], { mean: 0, std: 1 }, { k: 0.5, h: 5 })).toMatchObject({ alarm: true, at: 3, direction: "up" });
    expect(meanStd([1, 2, 3])).toEqual({ mean: 2, std: Math.sqrt(2 / 3) });
  });

  it("k 0.5, h 5: in control, about one false alarm in 465 samples; a one-sigma shift caught in about 10", () => {
    // Run lengths of 400 seeded in-control streams (capped at 4000 samples).
    const runs = Array.from({ length: 400 }, (_, s) => cusum(normals(s + 1, 4000), { mean: 0, std: 1 }).at ?? 4000);
    const arl0 = runs.reduce((a, b) => a + b, 0) / runs.length;
    expect(arl0).toBeGreaterThan(380);
    expect(arl0).toBeLessThan(560);
    const shifted = Array.from({ length: 400 }, (_, s) => cusum(normals(s + 1000, 200).map((z) => z + 1), { mean: 0, std: 1 }).at ?? 200);
    const arl1 = shifted.reduce((a, b) => a + b, 0) / shifted.length;
    expect(arl1).toBeGreaterThan(8);
    expect(arl1).toBeLessThan(12.5);
  });
});
