import { describe, expect, it } from "vitest";
import { emaSmooth } from "./smoothing";

describe("emaSmooth", () => {
  it("leaves a series unchanged at weight 0", () => {
    const pts = [{ step: 0, value: 1 }, { step: 1, value: 5 }];
    expect(emaSmooth(pts, 0).map((p) => p.smoothed)).toEqual([1, 5]);
  });

  it("debiases the first points (TensorBoard's smoothing)", () => {
    // w = 0.5: raw EMA 0.5, 1.5 (= 0.5*0.5 + 0.5*... ) — by hand:
    // n=1: last = 0.5*2 = 1 -> 1 / (1 - 0.5) = 2
    // n=2: last = 0.5*1 + 0.5*4 = 2.5 -> 2.5 / (1 - 0.25) = 3.333...
    const out = emaSmooth([{ step: 0, value: 2 }, { step: 1, value: 4 }], 0.5);
    expect(out[0]!.smoothed).toBeCloseTo(2, 12);
    expect(out[1]!.smoothed).toBeCloseTo(10 / 3, 12);
  });

  it("carries the last smoothed value over a missing point", () => {
    const out = emaSmooth([{ step: 0, value: null }, { step: 1, value: 3 }, { step: 2, value: null }, { step: 3, value: 3 }], 0.9);
    expect(out.map((p) => p.smoothed)).toEqual([null, 3, 3, 3]);
    expect(out[2]!.value).toBeNull();
  });
});
