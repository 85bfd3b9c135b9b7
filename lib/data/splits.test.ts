import { describe, expect, it } from "vitest";
import { SPLITS, generateScene, sceneAt, sceneBytes, splitOfSeed, type Split } from "./index";

const NAMES: Split[] = ["train", "val", "test"];

describe("splits", () => {
  it("are disjoint seed ranges of the documented sizes", () => {
    expect(SPLITS.train).toEqual({ start: 0, count: 100_000 });
    expect(SPLITS.val).toEqual({ start: 100_000, count: 1_000 });
    expect(SPLITS.test).toEqual({ start: 101_000, count: 2_000 });
    const ranges = NAMES.map((n) => [SPLITS[n].start, SPLITS[n].start + SPLITS[n].count] as const);
    for (const [i, a] of ranges.entries()) {
      for (const b of ranges.slice(i + 1)) expect(a[1] <= b[0] || b[1] <= a[0]).toBe(true);
    }
  });

  it("splitOfSeed maps each range's ends and nothing outside", () => {
    for (const n of NAMES) {
      expect(splitOfSeed(SPLITS[n].start)).toBe(n);
      expect(splitOfSeed(SPLITS[n].start + SPLITS[n].count - 1)).toBe(n);
    }
    expect(splitOfSeed(103_000)).toBeNull();
    expect(splitOfSeed(-1)).toBeNull();
    expect(generateScene(100_000).split).toBe("val");
    expect(generateScene(5_000_000).split).toBeNull();
  });

  it("sceneAt(split, i) is the scene of seed start + i", () => {
    const a = sceneAt("test", 7);
    expect(a.seed).toBe(101_007);
    expect(a.split).toBe("test");
    expect(sceneBytes(a)).toEqual(sceneBytes(generateScene(101_007)));
    expect(sceneAt("val", 999, { size: 16 }).width).toBe(16);
  });

  it("rejects an index outside the split with a RangeError naming index", () => {
    for (const index of [-1, 1_000, 2.5, Number.NaN]) {
      expect(() => sceneAt("val", index)).toThrow(RangeError);
      expect(() => sceneAt("val", index)).toThrow(/index/);
    }
    expect(() => sceneAt("test", 2_000)).toThrow(/index/);
    expect(() => sceneAt("nope" as Split, 0)).toThrow(/split/);
    expect(() => sceneAt("constructor" as Split, 0)).toThrow(/split/);
  });
});
