import { describe, expect, it } from "vitest";
import { type Outcome, bradleyTerry } from "./bradley-terry";

const times = (n: number, winner: number, loser: number): Outcome[] => Array.from({ length: n }, () => ({ winner, loser }));

// Strengths π = (1, 2, 4) and outcome counts exactly proportional to π_i / (π_i + π_j) on every
// pair: 1 beat 0 twice and lost once (2/3), 2 beat 1 twice and lost once (4/6), 2 beat 0 four
// times and lost once (4/5). Those counts solve the likelihood equations Σ_j W_ij =
// Σ_j n_ij π_i / (π_i + π_j), so the MLE is θ = log π = (0, log 2, log 4), a triangle (not a tree
// whose pairs could be fitted one at a time).
const TRIANGLE = [...times(2, 1, 0), ...times(1, 0, 1), ...times(2, 2, 1), ...times(1, 1, 2), ...times(4, 2, 0), ...times(1, 0, 2)];

describe("bradleyTerry by hand", () => {
  it("recovers log(1, 2, 4) from counts proportional to the model on a 3-item triangle", () => {
    const fit = bradleyTerry(TRIANGLE, { items: 3 });
    if (!fit.estimable) throw new Error(fit.message);
    fit.strengths.forEach((s, i) => expect(s).toBeCloseTo([0, Math.LN2, 2 * Math.LN2][i]!, 12));
    fit.centred.forEach((s, i) => expect(s).toBeCloseTo([-Math.LN2, 0, Math.LN2][i]!, 12)); // mean log 2 removed
    expect(fit.winProbability[2]![0]).toBeCloseTo(4 / 5, 12);
    expect(fit.winProbability[0]![1]).toBeCloseTo(1 / 3, 12);
    expect(fit.winProbability[1]![1]).toBe(0.5);
    // log L = 2 [2 log(2/3) + log(1/3)] + 4 log(4/5) + log(1/5).
    expect(fit.logLikelihood).toBeCloseTo(2 * (2 * Math.log(2 / 3) + Math.log(1 / 3)) + 4 * Math.log(0.8) + Math.log(0.2), 12);
    expect(fit.iterations).toBeLessThan(10);
  });

  it("fits each pair of a tree on its own, and counts a tie as half a win each way", () => {
    // 0 - 1 - 2, a path: θ1 - θ0 = log(2/1) and θ2 - θ1 = log(3/1).
    const path = bradleyTerry([...times(2, 1, 0), ...times(1, 0, 1), ...times(3, 2, 1), ...times(1, 1, 2)], { items: 3 });
    expect(path.estimable && path.strengths).toEqual([0, expect.closeTo(Math.log(2), 12), expect.closeTo(Math.log(6), 12)]);
    expect(path.estimable && path.winProbability[2]![0]).toBeCloseTo(6 / 7, 12);
    // 1 beat 0 once, they tied once (two half outcomes): 1.5 wins to 0.5, so θ1 = log 3.
    const tie = bradleyTerry([{ winner: 1, loser: 0 }, { winner: 1, loser: 0, weight: 0.5 }, { winner: 0, loser: 1, weight: 0.5 }], { items: 2 });
    expect(tie.estimable && tie.strengths[1]).toBeCloseTo(Math.log(3), 12);
  });

  it("weights equal repeats, and a zero weight equals no outcome", () => {
    const weighted = bradleyTerry([{ winner: 1, loser: 0, weight: 2 }, { winner: 0, loser: 1 }, { winner: 0, loser: 1, weight: 0 }], { items: 2 });
    const repeated = bradleyTerry([...times(2, 1, 0), ...times(1, 0, 1)], { items: 2 });
    expect(weighted.estimable && weighted.strengths[1]).toBeCloseTo(repeated.estimable ? repeated.strengths[1]! : NaN, 14);
  });
});

describe("bradleyTerry when the MLE does not exist", () => {
  it("names the cause: not connected, never wins, never loses, or a group never losing to the rest", () => {
    const cases: [Outcome[], number, string, number[]][] = [
      [[...times(2, 1, 0), ...times(1, 0, 1)], 3, "disconnected", [2]], // item 2 never compared
      [[...times(1, 1, 0), ...times(1, 0, 1), ...times(1, 2, 3), ...times(1, 3, 2)], 4, "disconnected", [2, 3]],
      [[...times(1, 1, 0), ...times(1, 0, 1), ...times(2, 1, 2)], 3, "never_wins", [2]],
      [[...times(1, 1, 0), ...times(1, 0, 1), ...times(2, 2, 1)], 3, "never_loses", [2]],
      // {0, 1} and {2, 3} each play among themselves both ways; across, 0 and 1 only ever win.
      [[...times(1, 1, 0), ...times(1, 0, 1), ...times(1, 2, 3), ...times(1, 3, 2), ...times(1, 0, 2), ...times(1, 1, 3)], 4, "separated", [0, 1]],
    ];
    for (const [outcomes, items, reason, which] of cases) {
      const fit = bradleyTerry(outcomes, { items });
      expect(fit).toMatchObject({ estimable: false, reason, items: which });
      expect(!fit.estimable && fit.message).toMatch(/diverge|undetermined/);
    }
  });

  it("has an estimate for all of them once a ridge is added", () => {
    const fit = bradleyTerry(times(3, 1, 0), { items: 3, ridge: 0.1 });
    expect(fit.estimable).toBe(true);
    if (fit.estimable) expect(fit.centred[2]).toBeCloseTo(0, 14); // an unseen item sits at the prior mean
  });
});

describe("bradleyTerry with a ridge", () => {
  it("solves the penalised likelihood equations: 2 wins to 1, λ = 1, θ = ±d/2 with 2 - 3σ(d) = d/2", () => {
    const fit = bradleyTerry([...times(2, 1, 0), ...times(1, 0, 1)], { items: 2, ridge: 1 });
    if (!fit.estimable) throw new Error(fit.message);
    const d = fit.strengths[1]!;
    expect(2 - 3 / (1 + Math.exp(-d)) - d / 2).toBeCloseTo(0, 12);
    expect(fit.centred).toEqual([expect.closeTo(-d / 2, 14), expect.closeTo(d / 2, 14)]);
    expect(d).toBeGreaterThan(0);
    expect(d).toBeLessThan(Math.LN2); // shrunk from the MLE log 2
  });

  it("matches scipy's minimiser of -log L + λ/2 |θ|² (trust-exact, then root(hybr) on the gradient)", () => {
    // Centred θ from scripts/check-preference-stats.py's ridge reference on these outcomes.
    const tri = bradleyTerry(TRIANGLE, { items: 3, ridge: 0.5 });
    expect(tri.estimable && tri.centred).toEqual([-0.5734093663132858, 0, 0.5734093663132857].map((x) => expect.closeTo(x, 12)));
    const split = bradleyTerry([...times(2, 1, 0), ...times(1, 0, 1), ...times(1, 3, 2)], { items: 4, ridge: 1 });
    expect(split.estimable && split.centred).toEqual([-0.20161280260304182, 0.20161280260304182, -0.3374158071711997, 0.3374158071711997].map((x) => expect.closeTo(x, 12)));
  });
});

describe("bradleyTerry input checks", () => {
  it("refuses bad items, self-comparisons, out-of-range indices, negative weights and ridges", () => {
    expect(() => bradleyTerry([], { items: 1 })).toThrow(/^items: /);
    expect(() => bradleyTerry([{ winner: 0, loser: 0 }], { items: 2 })).toThrow(/^outcomes\[0\]: /);
    expect(() => bradleyTerry([{ winner: 0, loser: 2 }], { items: 2 })).toThrow(/^outcomes\[0\]: /);
    expect(() => bradleyTerry([{ winner: 0, loser: 1, weight: -1 }], { items: 2 })).toThrow(/^outcomes\[0\]\.weight: /);
    expect(() => bradleyTerry([], { items: 2, ridge: -1 })).toThrow(/^ridge: /);
  });
});
