/**
 * Fixed train / val / test splits as disjoint seed ranges. Ranges never change: a
 * checkpoint's eval numbers on "test" always refer to the same images.
 */
import type { Split } from "./types";

/** Seed range of each split: seeds start .. start + count - 1. */
export const SPLITS: Readonly<Record<Split, { readonly start: number; readonly count: number }>> = {
  train: { start: 0, count: 100_000 },
  val: { start: 100_000, count: 1_000 },
  test: { start: 101_000, count: 2_000 },
};

const ORDER: readonly Split[] = ["train", "val", "test"];

/** The split whose range holds `seed`, or null for seeds outside every split. */
export function splitOfSeed(seed: number): Split | null {
  for (const split of ORDER) {
    const { start, count } = SPLITS[split];
    if (Number.isInteger(seed) && seed >= start && seed < start + count) return split;
  }
  return null;
}

/**
 * Seed of the `index`-th scene of `split`.
 * @throws RangeError naming `index` unless 0 <= index < SPLITS[split].count (integer),
 *   or naming `split` for an unknown split.
 */
export function seedAt(split: Split, index: number): number {
  if (!ORDER.includes(split)) throw new RangeError(`split must be one of ${ORDER.join(", ")}, got ${String(split)}`);
  const range = SPLITS[split];
  if (!Number.isInteger(index) || index < 0 || index >= range.count) {
    throw new RangeError(`index must be an integer in 0..${range.count - 1} for split ${split}, got ${String(index)}`);
  }
  return range.start + index;
}
