import { describe, expect, it } from "vitest";
import { seededRandom } from "./bootstrap";
import { type PairwiseRow, crossValidatePairwise, fitPairwiseLogistic, standardise } from "./pairwise-reward";

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const row = (diff: number[], y: 0 | 1, weight?: number, group = "p"): PairwiseRow => ({ diff, y, weight, group });
/** The gradient of the penalised objective, Σ w (σ(d·β) − y) d + ridge β. */
const gradient = (rows: readonly PairwiseRow[], beta: readonly number[], ridge: number) =>
  beta.map((b, j) => rows.reduce((s, { diff, y, weight = 1 }) => s + weight * (sigmoid(diff.reduce((z, x, q) => z + x * beta[q]!, 0)) - y) * diff[j]!, ridge * b));

describe("fitPairwiseLogistic by hand", () => {
  it("gives weight 0 on symmetric data, with log L = Σ w log ½", () => {
    // B won once and lost once on the same difference; B and A each won once on opposite ones.
    for (const rows of [[row([1], 1), row([1], 0)], [row([2], 1), row([-2], 1)]])
      for (const ridge of [0, 1]) {
        const fit = fitPairwiseLogistic(rows, { ridge });
        expect(fit).toMatchObject({ weights: [0], converged: true });
        expect(fit.logLikelihood).toBeCloseTo(2 * Math.log(0.5), 15);
        expect(fit.objective).toBeCloseTo(-2 * Math.log(0.5), 15);
      }
  });

  it("solves σ(β) = 3/4 without a ridge, and 4σ(β) − 3 + β = 0 with ridge 1", () => {
    // d = 1: B won 3 times (one row of weight 3) and lost once: the MLE is log 3.
    const rows = [row([1], 1, 3), row([1], 0)];
    const free = fitPairwiseLogistic(rows, { ridge: 0 });
    expect(free.converged).toBe(true);
    expect(free.weights[0]).toBeCloseTo(Math.log(3), 14);
    expect(free.logLikelihood).toBeCloseTo(3 * Math.log(0.75) + Math.log(0.25), 14);
    const ridged = fitPairwiseLogistic(rows); // ridge 1 by default
    const b = ridged.weights[0]!;
    expect(Math.abs(4 * sigmoid(b) - 3 + b)).toBeLessThan(1e-14);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(Math.log(3)); // pulled toward 0
    expect(ridged.objective).toBeCloseTo(-ridged.logLikelihood + b * b / 2, 15);
  });

  it("zeroes the gradient on a 1-D case with unequal differences and weights", () => {
    const rows = [row([2], 1), row([-1], 1, 0.7), row([0.5], 0, 2), row([1.5], 1, 1.2)];
    const fit = fitPairwiseLogistic(rows, { ridge: 0.5 });
    expect(fit.converged).toBe(true);
    expect(Math.abs(gradient(rows, fit.weights, 0.5)[0]!)).toBeLessThan(1e-14);
    expect(fit.iterations).toBeLessThan(10);
  });

  it("moves the weights toward 0 as the ridge grows", () => {
    const rows = [row([1, 0.5], 1), row([-0.3, 1], 1), row([0.8, -1.2], 0), row([-1, -0.4], 0, 2), row([0.2, 0.9], 0)];
    const norms = [0.01, 0.1, 1, 10, 100, 1e6].map((ridge) => Math.hypot(...fitPairwiseLogistic(rows, { ridge }).weights));
    norms.slice(1).forEach((n, i) => expect(n).toBeLessThan(norms[i]!));
    expect(norms[5]).toBeLessThan(1e-5);
  });

  it("counts a tie as two half rows: a win and a tie are 1.5 wins to 0.5", () => {
    const tie = [row([1], 1, 0.5), row([1], 0, 0.5)];
    expect(fitPairwiseLogistic(tie, { ridge: 0 }).weights).toEqual([0]);
    const winAndTie = fitPairwiseLogistic([row([1], 1), ...tie], { ridge: 0 });
    expect(winAndTie.weights[0]).toBeCloseTo(Math.log(3), 14); // σ(β) = 1.5 / 2
    const asWeights = fitPairwiseLogistic([row([1], 1, 1.5), row([1], 0, 0.5)], { ridge: 0.3 });
    expect(fitPairwiseLogistic([row([1], 1), ...tie], { ridge: 0.3 }).weights[0]).toBeCloseTo(asWeights.weights[0]!, 14);
  });

  it("weights equal repeats, and a zero weight equals no row", () => {
    const weighted = fitPairwiseLogistic([row([1, 2], 1, 2), row([0.5, -1], 0), row([3, 3], 0, 0), row([-1, 1], 1)]);
    const repeated = fitPairwiseLogistic([row([1, 2], 1), row([1, 2], 1), row([0.5, -1], 0), row([-1, 1], 1)]);
    weighted.weights.forEach((b, j) => expect(b).toBeCloseTo(repeated.weights[j]!, 14));
  });

  it("stops with converged false, not diverging, when there is no unique finite optimum", () => {
    // Separated: B wins exactly when d > 0, so log L → 0 as β → ∞.
    const separated = fitPairwiseLogistic([row([1], 1), row([-1], 0), row([2], 1)], { ridge: 0 });
    expect(separated.converged).toBe(false);
    expect(Number.isFinite(separated.weights[0])).toBe(true);
    expect(separated.weights[0]).toBeGreaterThan(10);
    // A feature that is always 0: any weight on it fits the same (a singular Hessian) ...
    const rows = [row([1, 0], 1), row([1, 0], 0), row([-1, 0], 0), row([2, 0], 1)];
    expect(fitPairwiseLogistic(rows, { ridge: 0 }).converged).toBe(false);
    // ... unless the ridge picks 0 for it.
    expect(fitPairwiseLogistic(rows)).toMatchObject({ converged: true, weights: [expect.any(Number), 0] });
    // The same separation with a ridge has a finite optimum.
    expect(fitPairwiseLogistic([row([1], 1), row([-1], 0), row([2], 1)]).converged).toBe(true);
  });

  it("rejects malformed rows and options", () => {
    expect(() => fitPairwiseLogistic([])).toThrow(/at least one row/);
    expect(() => fitPairwiseLogistic([row([1, 2], 1), row([1], 0)])).toThrow(/rows\[1\]\.diff/);
    expect(() => fitPairwiseLogistic([row([NaN], 1)])).toThrow(/rows\[0\]\.diff/);
    expect(() => fitPairwiseLogistic([{ diff: [1], y: 2 as 0, group: "p" }])).toThrow(/rows\[0\]\.y/);
    expect(() => fitPairwiseLogistic([row([1], 1, -1)])).toThrow(/rows\[0\]\.weight/);
    expect(() => fitPairwiseLogistic([row([1], 1)], { ridge: -1 })).toThrow(/ridge/);
    expect(() => fitPairwiseLogistic([row([1], 1)], { maxIterations: 0 })).toThrow(/maxIterations/);
  });
});

describe("standardise", () => {
  it("gives each feature's mean and population std, 1 where all values are equal", () => {
    const { mean, scale } = standardise([[1, 0.1, -2], [3, 0.1, 2], [5, 0.1, 0]]);
    expect(mean).toEqual([3, 0.1, 0]);
    expect(scale[0]).toBeCloseTo(Math.sqrt(8 / 3), 15);
    expect(scale[1]).toBe(1);
    expect(scale[2]).toBeCloseTo(Math.sqrt(8 / 3), 15);
    expect(() => standardise([])).toThrow(/at least one/);
    expect(() => standardise([[1], [1, 2]])).toThrow(/vectors\[1\]/);
  });
});

/** Seeded pairs with two standard-normal features each side (Box-Muller), diff = B − A; `label` says whether B won. */
function synthetic(pairs: number, seed: number, label: (diff: number[], rand: () => number) => boolean): PairwiseRow[] {
  const rand = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Array.from({ length: pairs }, (_, i) => {
    const diff = [normal() - normal(), normal() - normal()];
    return row(diff, label(diff, rand) ? 1 : 0, undefined, `pair${i}`);
  });
}

describe("crossValidatePairwise", () => {
  it("beats the majority side clearly when B wins whenever its feature 0 is larger (10% flipped)", () => {
    const rows = synthetic(300, 7, (d, rand) => (d[0]! > 0) !== rand() < 0.1);
    const cv = crossValidatePairwise(rows, { seed: 3 });
    expect(cv.folds).toHaveLength(5);
    expect(cv.folds.reduce((s, f) => s + f.n, 0)).toBe(300);
    expect(cv.accuracy.n).toBe(300);
    expect(cv.accuracy.p).toBeGreaterThan(0.8);
    expect(cv.baseline.p).toBeLessThan(0.6);
    expect(cv.accuracy.lo).toBeGreaterThan(cv.baseline.hi);
    expect(cv.difference.estimate).toBeCloseTo(cv.accuracy.p - cv.baseline.p, 14);
    expect(cv.difference.lo).toBeGreaterThan(0.2);
    expect(cv.difference.lo).toBeLessThan(cv.difference.estimate);
    expect(cv.difference.hi).toBeGreaterThan(cv.difference.estimate);
    expect(crossValidatePairwise(rows, { seed: 3 })).toEqual(cv); // seeded: the same numbers again
  });

  it("stays near 0.5 on pure-noise labels, its interval covering the baseline's", () => {
    const cv = crossValidatePairwise(synthetic(300, 11, (_, rand) => rand() < 0.5), { folds: 10, seed: 1 });
    expect(cv.folds).toHaveLength(10);
    expect(Math.abs(cv.accuracy.p - 0.5)).toBeLessThan(0.08);
    expect(cv.accuracy.lo).toBeLessThan(cv.baseline.p);
    expect(cv.accuracy.hi).toBeGreaterThan(cv.baseline.p);
    expect(cv.difference.lo).toBeLessThan(0);
    expect(cv.difference.hi).toBeGreaterThan(0);
  });

  it("scores only decisive held-out rows, counts d·β = 0 as half, and picks B on a tied majority", () => {
    // Zero differences: every fit is β = 0, every prediction half right. Pair t is a tie (training only).
    const rows = [row([0], 1, 1, "a"), row([0], 0, 1, "b"), row([0], 1, 1, "c"), row([0], 1, 0.5, "t"), row([0], 0, 0.5, "t")];
    const cv = crossValidatePairwise(rows, { folds: 10 }); // 4 groups: 4 folds
    expect(cv.folds).toHaveLength(4);
    expect(cv.accuracy).toMatchObject({ correct: 1.5, n: 3, p: 0.5 });
    // Leaving out a B win leaves 1.5 : 1.5 (B on the tie, right); leaving out the A win leaves B ahead (wrong).
    expect(cv.baseline).toMatchObject({ correct: 2, n: 3, side: "b" });
    expect(cv.folds.map((f) => f.n).sort()).toEqual([0, 1, 1, 1]);
  });

  it("reports side a when A wins the training majority in every fold, mixed when it changes", () => {
    const aWins = [row([1], 0, 1, "a"), row([2], 0, 1, "b"), row([-1], 1, 1, "c"), row([0.5], 0, 1, "d")];
    expect(crossValidatePairwise(aWins, { folds: 4 }).baseline.side).toBe("a");
    const split = [row([1], 0, 1, "a"), row([2], 1, 1, "b")];
    expect(crossValidatePairwise(split).baseline).toMatchObject({ side: "mixed", correct: 0, n: 2 });
  });

  it("rejects fewer than 2 groups or folds", () => {
    expect(() => crossValidatePairwise([row([1], 1, 1, "a"), row([1], 0, 1, "a")])).toThrow(/at least 2 groups/);
    expect(() => crossValidatePairwise([row([1], 1, 1, "a"), row([1], 0, 1, "b")], { folds: 1 })).toThrow(/folds/);
  });
});
