import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

const expectRel = (actual: number, want: number, rel = 1e-9) => expect(Math.abs(actual - want)).toBeLessThanOrEqual(rel * Math.abs(want));
const Z95 = 1.959963984540054; // scipy.stats.norm.isf(0.025)

describe("wilsonInterval by hand", () => {
  // With p̂ = 0 the interval is [0, z²/(n + z²)]; with p̂ = 1, [n/(n + z²), 1]; with p̂ = 1/2 it is
  // centred at 1/2 with half-width z / (2 sqrt(n + z²)).
  it("0/10, 10/10 and 5/10 at 95%", () => {
    const z2 = Z95 * Z95;
    expect(wilsonInterval(0, 10)).toEqual({ p: 0, lo: 0, hi: expect.closeTo(z2 / (10 + z2), 14), n: 10 });
    expect(wilsonInterval(10, 10)).toEqual({ p: 1, lo: expect.closeTo(10 / (10 + z2), 14), hi: 1, n: 10 });
    const half = Z95 / (2 * Math.sqrt(10 + z2));
    expect(wilsonInterval(5, 10)).toEqual({ p: 0.5, lo: expect.closeTo(0.5 - half, 14), hi: expect.closeTo(0.5 + half, 14), n: 10 });
    // statsmodels proportion_confint(c, 10, alpha=0.05, method="wilson") for c = 0, 10, 5.
    expectRel(wilsonInterval(0, 10).hi, 0.2775327998628892, 1e-14);
    expectRel(wilsonInterval(10, 10).lo, 0.7224672001371107, 1e-14);
    expectRel(wilsonInterval(5, 10).lo, 0.236593090512564, 1e-14);
    expectRel(wilsonInterval(5, 10).hi, 0.7634069094874361, 1e-14);
  });

  it("counts a tie as half: 2 wins and a tie of 4 is 2.5 / 4, and a wider level widens it", () => {
    const r = wilsonInterval(2.5, 4);
    expect(r.p).toBe(0.625);
    const wider = wilsonInterval(2.5, 4, 0.99);
    expect(wider.lo).toBeLessThan(r.lo);
    expect(wider.hi).toBeGreaterThan(r.hi);
  });

  it("n = 0 gives NaN p and the whole [0, 1]; bad arguments throw", () => {
    const r = wilsonInterval(0, 0);
    expect(r.p).toBeNaN();
    expect([r.lo, r.hi, r.n]).toEqual([0, 1, 0]);
    expect(() => wilsonInterval(11, 10)).toThrow(/^successes: /);
    expect(() => wilsonInterval(-1, 10)).toThrow(/^successes: /);
    expect(() => wilsonInterval(1, -1)).toThrow(/^n: /);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(/^level: /);
  });
});

// [count, nobs, level, lo, hi]: statsmodels 0.13.5 proportion_confint(count, nobs,
// alpha=1 - level, method="wilson"), on counts drawn in half steps (ties count half).
const STATSMODELS: [number, number, number, number, number][] = [
  [25.5, 27, 0.95, 0.7911081874751418, 0.9870651194209761],
  [77.0, 323, 0.8, 0.20937763537594456, 0.270049533352546],
  [231.0, 250, 0.9, 0.8916676012976648, 0.9472534492748184],
  [117.5, 449, 0.9, 0.22907168634263392, 0.297168354097012],
  [142.0, 160, 0.9, 0.8398039862510692, 0.9223089532812244],
  [123.0, 139, 0.95, 0.8211891883801031, 0.9278930520520311],
  [12.0, 227, 0.99, 0.02577297020956537, 0.10534997865939785],
  [117.5, 161, 0.9, 0.6688028723611308, 0.7832282466751668],
  [461.0, 499, 0.9, 0.9019503581225858, 0.9411736725344588],
  [18.0, 74, 0.8, 0.18535307228287418, 0.31228300413847515],
  [198.0, 424, 0.99, 0.40556028941019917, 0.5294194342002129],
  [107.0, 495, 0.95, 0.18215951720830126, 0.2545352581932679],
  [25.0, 430, 0.9, 0.042193438260681435, 0.07961120291255283],
  [144.5, 251, 0.9, 0.523845157041453, 0.6259347787165358],
  [11.5, 164, 0.8, 0.048602775295739406, 0.10016576597974715],
  [165.0, 216, 0.95, 0.7029494511137879, 0.8156060598054697],
  [85.5, 235, 0.95, 0.3049666819596097, 0.42707313928412666],
  [59.5, 158, 0.99, 0.28415974448671744, 0.4789524461534407],
  [130.5, 205, 0.9, 0.5798824062893235, 0.6897300415478063],
  [275.5, 345, 0.99, 0.737536097213487, 0.8482988184653619],
];

describe("wilsonInterval matches statsmodels", () => {
  it("on 20 random counts, levels 0.8 to 0.99, to relative 1e-9", () => {
    for (const [count, n, level, lo, hi] of STATSMODELS) {
      const r = wilsonInterval(count, n, level);
      expectRel(r.lo, lo);
      expectRel(r.hi, hi);
      expect(r.p).toBe(count / n);
    }
  });
});
