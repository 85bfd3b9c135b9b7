import { describe, expect, it } from "vitest";
import { Rng, rngFor, splitmix32 } from "./rng";

// Expected values computed independently with a Python big-integer implementation of
// the same algorithms (splitmix32 = golden-ratio counter + MurmurHash3 fmix32; sfc32).
describe("splitmix32", () => {
  it("matches reference outputs", () => {
    expect(splitmix32(0).value).toBe(2462723854);
    expect(splitmix32(1).value).toBe(2527132011);
    expect(splitmix32(0).state).toBe(0x9e3779b9 | 0);
  });
});

describe("Rng (sfc32)", () => {
  it("matches reference streams", () => {
    const a = new Rng(0);
    expect([a.nextU32(), a.nextU32(), a.nextU32(), a.nextU32()]).toEqual([
      4205396811, 3543653536, 1222415357, 3047368389,
    ]);
    const b = new Rng(42);
    expect([b.nextU32(), b.nextU32(), b.nextU32(), b.nextU32()]).toEqual([
      1028872839, 2516511472, 400437680, 853279530,
    ]);
  });

  it("rngFor mixes both halves of large seeds and the stream id", () => {
    const r = rngFor(7, 1);
    expect([r.nextU32(), r.nextU32(), r.nextU32()]).toEqual([2452295793, 2402588307, 573120424]);
    const big = rngFor(2 ** 40 + 7, 1);
    expect([big.nextU32(), big.nextU32(), big.nextU32()]).toEqual([2291711964, 709816123, 2717562621]);
    expect(rngFor(7, 2).nextU32()).not.toBe(rngFor(7, 1).nextU32());
  });

  it("int, range, pick and weighted stay in bounds and cover their range", () => {
    const r = new Rng(123);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.range(-2, 2);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(2);
      seen.add(v);
      const k = r.weighted([0, 1, 0, 3]);
      expect(k === 1 || k === 3).toBe(true);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2].sort());
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it("shuffle is a permutation", () => {
    const out = new Rng(5).shuffle([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
