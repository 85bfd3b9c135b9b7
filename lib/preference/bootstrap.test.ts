import { describe, expect, it } from "vitest";
import { meanStatistic, pairedBootstrap, quantile, seededRandom } from "./bootstrap";

const scores = [0.2, 0.9, 0.4, 0.7, 0.1, 0.5, 0.3, 0.8];

describe("seededRandom", () => {
  it("repeats its stream for a seed, differs across seeds, and stays in [0, 1)", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(xs);
    expect(seededRandom(8)()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1);
  });
});

describe("quantile", () => {
  it("interpolates between order statistics as numpy's default does", () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([10, 20, 30, 40, 50], 0.025)).toBeCloseTo(11, 12); // 0.025 * 4 = 0.1 of the way from 10 to 20
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe("pairedBootstrap", () => {
  it("gives [0, 0] when A and B are the same system", () => {
    const r = pairedBootstrap({ n: scores.length, statistic: meanStatistic({ m: scores }, { m: scores }), seed: 1 });
    expect(r.metrics.m).toEqual({ a: expect.closeTo(0.4875, 12), b: expect.closeTo(0.4875, 12), diff: 0, lo: 0, hi: 0 });
    expect(r.resamples).toBe(1000);
    expect(r.level).toBe(0.95);
  });

  it("gives [d, d] when B is A shifted by a constant d on every scene", () => {
    const d = 0.25;
    const r = pairedBootstrap({ n: scores.length, statistic: meanStatistic({ m: scores }, { m: scores.map((x) => x + d) }), seed: 2 });
    expect(r.metrics.m!.diff).toBeCloseTo(d, 12);
    expect(r.metrics.m!.lo).toBeCloseTo(d, 12);
    expect(r.metrics.m!.hi).toBeCloseTo(d, 12);
  });

  it("matches a direct computation of the mean difference's percentile interval", () => {
    const a = scores;
    const b = [0.3, 0.7, 0.6, 0.9, 0.1, 0.4, 0.6, 1.0];
    const seed = 42;
    const resamples = 500;
    const r = pairedBootstrap({ n: a.length, statistic: meanStatistic({ m: a }, { m: b }), seed, resamples });
    // Directly: the same index draws, mean of b_i - a_i on each, sorted, 2.5th / 97.5th percentiles.
    const rand = seededRandom(seed);
    const diffs: number[] = [];
    for (let k = 0; k < resamples; k++) {
      const idx = Array.from({ length: a.length }, () => Math.floor(rand() * a.length));
      diffs.push(idx.reduce((s, i) => s + (b[i]! - a[i]!), 0) / idx.length);
    }
    diffs.sort((x, y) => x - y);
    const at = (q: number) => { const p = q * (resamples - 1); const lo = Math.floor(p); return diffs[lo]! + (diffs[Math.ceil(p)]! - diffs[lo]!) * (p - lo); };
    expect(r.metrics.m!.diff).toBeCloseTo(0.0875, 12); // (0.1 - 0.2 + 0.2 + 0.2 + 0 - 0.1 + 0.3 + 0.2) / 8
    expect(r.metrics.m!.lo).toBeCloseTo(at(0.025), 12);
    expect(r.metrics.m!.hi).toBeCloseTo(at(0.975), 12);
    expect(r.metrics.m!.lo).toBeLessThan(0.0875);
    expect(r.metrics.m!.hi).toBeGreaterThan(0.0875);
  });

  it("two scenes, B better on one by 1: resampled differences are 0, 0.5 or 1, so the interval is [0, 1]", () => {
    const r = pairedBootstrap({ n: 2, statistic: meanStatistic({ m: [0, 0] }, { m: [0, 1] }), seed: 3 });
    expect(r.metrics.m).toEqual({ a: 0, b: 0.5, diff: 0.5, lo: 0, hi: 1 });
  });

  it("recomputes a corpus statistic (not a mean) on each resample, and is reproducible by seed", () => {
    const max = (xs: readonly number[]) => (idx: readonly number[]) => Math.max(...idx.map((i) => xs[i]!));
    const b = scores.map((x) => 1 - x);
    const stat = (idx: readonly number[]) => ({ a: { max: max(scores)(idx) }, b: { max: max(b)(idx) } });
    const one = pairedBootstrap({ n: scores.length, statistic: stat, seed: 9, resamples: 200 });
    expect(pairedBootstrap({ n: scores.length, statistic: stat, seed: 9, resamples: 200 })).toEqual(one);
    expect(one.metrics.max!.diff).toBeCloseTo(0, 12); // max of A is 0.9, max of B is 1 - 0.1
    expect(one.metrics.max!.lo).toBeLessThanOrEqual(one.metrics.max!.hi);
  });

  it("leaves a resample's non-finite metric out of that metric's interval, and refuses bad options", () => {
    const stat = (idx: readonly number[]) => ({ a: { m: idx.includes(0) ? NaN : 0 }, b: { m: 1 } });
    const r = pairedBootstrap({ n: 3, statistic: stat, seed: 4, resamples: 300 });
    expect(r.metrics.m!.lo).toBe(1);
    expect(r.metrics.m!.hi).toBe(1);
    expect(() => pairedBootstrap({ n: 0, statistic: stat })).toThrow(/^n: /);
    expect(() => pairedBootstrap({ n: 3, statistic: stat, level: 1 })).toThrow(/^level: /);
  });
});
