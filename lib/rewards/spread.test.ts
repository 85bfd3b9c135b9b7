import { describe, expect, it } from "vitest";
import { spreadShares } from "./spread";

describe("spreadShares", () => {
  it("splits each group's variance by cov(part, R) / var(R) and averages over groups", () => {
    // Group a: x = [1, 3], y = [0, 1] -> R = [1, 4], var(R) = 2.25.
    //   cov(x, R) = ((-1)(-1.5) + (1)(1.5)) / 2 = 1.5 -> 2/3; cov(y, R) = 0.75 -> 1/3.
    // Group b: x = [2, 2], y = [0, 2] -> R = [2, 4]: x is constant -> 0, y -> 1.
    // Group c: R = [5, 5] is flat and is not counted.
    const r = spreadShares(
      [{ key: "x", values: [1, 3, 2, 2, 4, 5] }, { key: "y", values: [0, 1, 0, 2, 1, 0] }],
      ["a", "a", "b", "b", "c", "c"],
    );
    expect(r.keys).toEqual(["x", "y"]);
    expect(r.shares[0]).toBeCloseTo((2 / 3 + 0) / 2, 12);
    expect(r.shares[1]).toBeCloseTo((1 / 3 + 1) / 2, 12);
    expect(r.shares[0]! + r.shares[1]!).toBeCloseTo(1, 12);
    expect([r.groups, r.of]).toEqual([2, 3]);
  });

  it("gives a part that pulls against the rest a negative share", () => {
    // x = [0, 4], y = [0, -1]: R = [0, 3], var 2.25; cov(x, R) = 3 -> 4/3, cov(y, R) = -0.75 -> -1/3.
    const r = spreadShares([{ key: "x", values: [0, 4] }, { key: "y", values: [0, -1] }], ["g", "g"]);
    expect(r.shares[0]).toBeCloseTo(4 / 3, 12);
    expect(r.shares[1]).toBeCloseTo(-1 / 3, 12);
  });

  it("skips groups with a non-finite part, and says NaN when no group varies", () => {
    const r = spreadShares([{ key: "x", values: [1, NaN, 1, 1] }], ["a", "a", "b", "b"]);
    expect(r.groups).toBe(0);
    expect(r.shares[0]).toBeNaN();
  });
});
