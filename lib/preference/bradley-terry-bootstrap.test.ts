import { describe, expect, it } from "vitest";
import { type Outcome, bradleyTerry } from "./bradley-terry";
import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { quantile, seededRandom } from "./bootstrap";

const times = (n: number, winner: number, loser: number): Outcome[] => Array.from({ length: n }, () => ({ winner, loser }));

// Six scenes, each with votes on the three pairs of items 0, 1, 2 (2 the strongest).
const SCENES: Outcome[][] = [
  [...times(2, 1, 0), ...times(1, 0, 1), ...times(2, 2, 1), ...times(3, 2, 0)],
  [...times(1, 1, 0), ...times(1, 2, 1), ...times(1, 1, 2), ...times(1, 0, 2)],
  [...times(2, 0, 1), ...times(2, 2, 1), ...times(2, 2, 0)],
  [...times(1, 1, 0), ...times(1, 1, 2), ...times(1, 2, 0), ...times(1, 0, 2)],
  [...times(3, 1, 0), ...times(1, 2, 1), ...times(2, 2, 0)],
  [...times(1, 0, 1), ...times(1, 1, 0), ...times(1, 2, 1), ...times(1, 0, 2), ...times(1, 2, 0)],
];

describe("bootstrapBradleyTerry", () => {
  it("reports the full fit as the estimate and percentile intervals that contain it", () => {
    const r = bootstrapBradleyTerry(SCENES, { items: 3, seed: 5, resamples: 400 });
    const full = bradleyTerry(SCENES.flat(), { items: 3 });
    if (!full.estimable || !r.fit.estimable) throw new Error("expected an estimable fit");
    expect(r.strengths.map((s) => s.estimate)).toEqual(full.strengths);
    expect(r.centred.map((s) => s.estimate)).toEqual(full.centred);
    expect(r.strengths[0]).toEqual({ estimate: 0, lo: 0, hi: 0 }); // item 0 is the reference on every resample
    for (const s of [...r.strengths.slice(1), ...r.centred]) {
      expect(s.lo).toBeLessThan(s.estimate);
      expect(s.hi).toBeGreaterThan(s.estimate);
    }
    expect({ resamples: r.resamples, level: r.level, seed: r.seed }).toEqual({ resamples: 400, level: 0.95, seed: 5 });
    expect(bootstrapBradleyTerry(SCENES, { items: 3, seed: 5, resamples: 400 })).toEqual(r);
  });

  it("draws units with seededRandom like pairedBootstrap, and its interval is numpy-linear quantiles of the refits", () => {
    const seed = 11;
    const resamples = 200;
    const r = bootstrapBradleyTerry(SCENES, { items: 3, seed, resamples });
    const rand = seededRandom(seed);
    const fits: number[][] = [];
    let failed = 0;
    for (let k = 0; k < resamples; k++) {
      const drawn = Array.from({ length: SCENES.length }, () => SCENES[Math.floor(rand() * SCENES.length)]!);
      const f = bradleyTerry(drawn.flat(), { items: 3 });
      if (f.estimable) fits.push(f.centred);
      else failed++;
    }
    expect(r.notEstimable).toBe(failed);
    for (let i = 0; i < 3; i++) {
      const sorted = fits.map((c) => c[i]!).sort((a, b) => a - b);
      expect(r.centred[i]!.lo).toBeCloseTo(quantile(sorted, 0.025), 12);
      expect(r.centred[i]!.hi).toBeCloseTo(quantile(sorted, 0.975), 12);
    }
  });

  it("gives [θ, θ] when every unit is the same", () => {
    const r = bootstrapBradleyTerry([SCENES[1]!, SCENES[1]!, SCENES[1]!], { items: 3, resamples: 50 });
    for (const s of r.centred) {
      expect(s.lo).toBeCloseTo(s.estimate, 12);
      expect(s.hi).toBeCloseTo(s.estimate, 12);
    }
    expect(r.notEstimable).toBe(0);
  });

  it("counts resamples whose fit does not exist, by cause, instead of dropping them silently", () => {
    // Two units, "1 beat 0" and "0 beat 1": a resample drawing one of them twice leaves an item
    // without a win (half the draws, in expectation).
    const one: Outcome[][] = [times(1, 1, 0), times(1, 0, 1)];
    const r = bootstrapBradleyTerry(one, { items: 2, resamples: 300, seed: 3 });
    expect(r.fit.estimable).toBe(true);
    expect(r.notEstimable).toBeGreaterThan(120);
    expect(r.notEstimable).toBeLessThan(180);
    expect(r.reasons).toEqual({ never_wins: r.notEstimable });
    // Units that are each estimable alone never fail.
    const both: Outcome[][] = [[...times(1, 1, 0), ...times(1, 0, 1)], [...times(1, 0, 1), ...times(2, 1, 0)]];
    expect(bootstrapBradleyTerry(both, { items: 2, resamples: 100 }).notEstimable).toBe(0);
    // With a ridge every resample has a fit.
    expect(bootstrapBradleyTerry(one, { items: 2, resamples: 300, seed: 3, ridge: 0.5 }).notEstimable).toBe(0);
  });

  it("reports NaN estimates when the full fit does not exist, and refuses bad options", () => {
    const r = bootstrapBradleyTerry([times(2, 1, 0)], { items: 2, resamples: 10 });
    expect(r.fit).toMatchObject({ estimable: false, reason: "never_wins" });
    expect(r.notEstimable).toBe(10);
    expect(r.centred[1]!.estimate).toBeNaN();
    expect(r.centred[1]!.lo).toBeNaN();
    expect(() => bootstrapBradleyTerry([], { items: 2 })).toThrow(/^groups: /);
    expect(() => bootstrapBradleyTerry(SCENES, { items: 3, level: 0 })).toThrow(/^level: /);
    expect(() => bootstrapBradleyTerry(SCENES, { items: 3, resamples: 1.5 })).toThrow(/^resamples: /);
  });
});
