import { describe, expect, it } from "vitest";
import { advantages, BASELINE_STRATEGIES, BASELINES } from "./baseline";

describe("REINFORCE baselines", () => {
  it("leave-one-out: b_i is the mean of the other N-1 rewards of the same input", () => {
    // Input 0: rewards 1, 2, 6. b = (2+6)/2 = 4, (1+6)/2 = 3.5, (1+2)/2 = 1.5 -> adv -3, -1.5, 4.5.
    // Input 1: rewards 0, 0, 3. b = 1.5, 1.5, 0 -> adv -1.5, -1.5, 3.
    expect(Array.from(advantages([1, 2, 6, 0, 0, 3], 3, "loo"))).toEqual([-3, -1.5, 4.5, -1.5, -1.5, 3]);
  });

  it("leave-one-out advantages of a group sum to zero scaled by N/(N-1) of the mean-baseline ones", () => {
    const r = [0.2, 0.9, 0.4, 0.1];
    const loo = advantages(r, 4, "loo");
    const mean = advantages(r, 4, "mean");
    loo.forEach((a, i) => expect(a).toBeCloseTo((mean[i] as number) * (4 / 3), 12));
  });

  it("mean and none baselines", () => {
    expect(Array.from(advantages([1, 3], 2, "mean"))).toEqual([-1, 1]);
    expect(Array.from(advantages([1, 3], 2, "none"))).toEqual([1, 3]);
  });

  it("equal rewards give zero advantage (no signal, no update)", () => {
    expect(Array.from(advantages([5, 5, 5], 3))).toEqual([0, 0, 0]);
  });

  it("refuses ragged groups and LOO with one sample", () => {
    expect(() => advantages([1, 2, 3], 2)).toThrow(/not groups of 2/);
    expect(() => advantages([1], 1, "loo")).toThrow(/n >= 2/);
  });

  it("greedy (self-critical): b is the reward of the input's greedy output", () => {
    // Input 0 greedy scored 2: samples 1, 3 -> -1, 1. Input 1 greedy scored 0.5: samples 0.5, 2 -> 0, 1.5.
    expect(Array.from(advantages([1, 3, 0.5, 2], 2, "greedy", [2, 0.5]))).toEqual([-1, 1, 0, 1.5]);
    expect(() => advantages([1, 3], 2, "greedy")).toThrow(/one greedy reward per input/);
    expect(() => advantages([1, 3], 2, "greedy", [1, 2])).toThrow(/one greedy reward per input/);
  });

  it("every baseline has a strategy; only the greedy one asks the trainer for the greedy rollout", () => {
    expect(Object.keys(BASELINE_STRATEGIES).sort()).toEqual([...BASELINES].sort());
    expect(BASELINES.filter((b) => BASELINE_STRATEGIES[b].needsGreedy)).toEqual(["greedy"]);
  });
});
