/**
 * Ordering and filtering the compared scenes: by the delta (B − A) of the composite or of one
 * term, biggest gain or biggest loss first, or in scene order; optionally only gains or losses.
 */
import type { ComparedScene } from "./contract";

/** What a delta is taken of: the composite reward, or one term's raw value (by its key). */
export type DeltaOf = { kind: "composite" } | { kind: "term"; key: string };
export type SceneOrder = "gain" | "loss" | "scene";
export type SceneFilter = "all" | "gains" | "losses";

/**
 * B − A of `of` on one scene (null when either side is not finite). For a term whose direction
 * is "minimize", a gain in its raw value is a loss; callers pass `sign` −1 for those.
 */
export function deltaOf(s: ComparedScene, of: DeltaOf, sign = 1): number | null {
  const a = of.kind === "composite" ? s.a.composite : s.a.terms[of.key];
  const b = of.kind === "composite" ? s.b.composite : s.b.terms[of.key];
  return a === null || a === undefined || b === null || b === undefined ? null : sign * (b - a);
}

/**
 * The scenes filtered and ordered as asked; scenes without a delta go last. Ties keep scene order.
 * Returns indices into `scenes`.
 */
export function orderScenes(
  scenes: readonly ComparedScene[], input: { of: DeltaOf; order: SceneOrder; filter: SceneFilter; sign?: number },
): number[] {
  const d = scenes.map((s) => deltaOf(s, input.of, input.sign));
  const keep = (i: number) => {
    const v = d[i];
    if (input.filter === "all") return true;
    if (v === null || v === undefined) return false;
    return input.filter === "gains" ? v > 0 : v < 0;
  };
  const idx = scenes.map((_, i) => i).filter(keep);
  if (input.order === "scene") return idx;
  const dir = input.order === "gain" ? -1 : 1;
  return idx.sort((i, j) => {
    const x = d[i];
    const y = d[j];
    if (x === null || x === undefined) return y === null || y === undefined ? i - j : 1;
    if (y === null || y === undefined) return -1;
    return x === y ? i - j : dir * (x - y);
  });
}
