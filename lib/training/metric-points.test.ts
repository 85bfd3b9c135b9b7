import { describe, expect, it } from "vitest";
import { basePoints, evalPoints, isTrainPoint, seriesOf, stepPoints } from "./metric-points";

describe("metric points", () => {
  const log = {
    step: 4, terms: { cider_d: { mean: 0.5, std: 0.1 } }, composite: { mean: 0.2, std: 0.3 }, kl: 0.01, entropy: 1.5,
    zeroSpreadFraction: 0.25, outputSize: 9, loss: NaN, gradNorm: Infinity, lr: 1e-4, samplesPerSec: 20, ms: 200, skipped: "non-finite loss",
  };

  it("names every number of a step, non-finite ones as null, a skip as 1", () => {
    const points = stepPoints(log);
    const byName = Object.fromEntries(points.map((p) => [p.name, p.value]));
    expect(byName).toEqual({
      composite: 0.2, composite_std: 0.3, "term/cider_d": 0.5, "term/cider_d/std": 0.1, kl: 0.01, entropy: 1.5, zero_spread: 0.25,
      output_size: 9, loss: null, grad_norm: null, lr: 1e-4, samples_per_sec: 20, step_ms: 200, skipped: 1,
    });
    expect(new Set(points.map((p) => p.step))).toEqual(new Set([4]));
    expect(stepPoints({ ...log, skipped: undefined, greedyComposite: 0.4 }).find((p) => p.name === "greedy_composite")?.value).toBe(0.4);
  });

  it("prefixes eval metrics and groups points into sorted series", () => {
    const pts = [...evalPoints({ step: 9, metrics: { CIDEr: 1.2 } }), ...evalPoints({ step: 4, metrics: { CIDEr: 1.1 } })];
    expect(seriesOf(pts).get("eval/CIDEr")).toEqual([{ step: 4, value: 1.1 }, { step: 9, value: 1.2 }]);
  });

  it("logs the base model's evaluation at step 0 under base/, which is not a training point", () => {
    expect(basePoints({ CIDEr: 1.4, AP: NaN })).toEqual([{ step: 0, name: "base/CIDEr", value: 1.4 }, { step: 0, name: "base/AP", value: null }]);
    expect(["composite", "term/cider_d", "eval/CIDEr", "base/CIDEr"].map(isTrainPoint)).toEqual([true, true, false, false]);
  });
});
