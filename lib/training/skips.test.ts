import { describe, expect, it } from "vitest";
import { nonFiniteRewardReason, SkipCounter } from "./skips";

describe("skipped updates", () => {
  it("says how many samples (and greedy outputs) were non-finite, and which terms", () => {
    expect(nonFiniteRewardReason([1, NaN, 2, -Infinity], undefined, ["cider_d"])).toBe("non-finite reward: 2 of 4 samples (terms: cider_d)");
    expect(nonFiniteRewardReason([1, 2], [NaN, 3], ["pq", "kl.beta"])).toBe("non-finite reward: 0 of 2 samples, 1 of 2 greedy outputs (terms: pq, kl.beta)");
    expect(nonFiniteRewardReason([Infinity], [], [])).toBe("non-finite reward: 1 of 1 samples (every term finite: the weighted sum overflowed)");
  });

  it("halts only after more than the allowed skips in a row; an applied update resets the run of skips", () => {
    const c = new SkipCounter(2);
    // steps 0..5: skip, skip, ok, skip, skip, skip -> the third in a row (step 5) halts.
    expect(c.record(0, "non-finite loss")).toBeUndefined();
    expect(c.record(1, "non-finite loss")).toBeUndefined();
    expect(c.record(2, undefined)).toBeUndefined();
    expect(c.record(3, "non-finite loss")).toBeUndefined();
    expect(c.record(4, "non-finite gradient norm")).toBeUndefined();
    expect(c.record(5, "non-finite loss")).toBe(
      "the updates of steps 3 to 5 were skipped (3 in a row, more than maxConsecutiveSkips = 2); last reason: non-finite loss",
    );
    expect(c.total).toBe(5);
  });

  it("maxConsecutiveSkips 0 halts at the first skip", () => {
    expect(new SkipCounter(0).record(7, "non-finite loss")).toBe("the update of step 7 was skipped (more than maxConsecutiveSkips = 0); last reason: non-finite loss");
  });
});
