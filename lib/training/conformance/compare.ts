/**
 * Element-wise agreement of a backend's numbers with the reference backend's, in float32:
 * |got - ref| <= atol + rtol * |ref| for every element, where atol is given in units of the
 * largest |ref| of the output (so a gradient's tiny components are judged against its scale,
 * not against zero), and never below `floor` (an output that is zero in exact arithmetic, such
 * as the gradient of a key bias under softmax, is rounding noise on every backend). A non-finite value where the reference is finite always fails.
 */
export interface Tolerance {
  rtol: number;
  /** Absolute slack as a fraction of max |ref| over the output. */
  atol: number;
  /** Smallest absolute slack. */
  floor: number;
}

export interface Comparison {
  size: number;
  maxAbsDiff: number;
  /** Elements that are NaN or infinite here but finite in the reference. */
  nonFinite: number;
  /** Largest |got - ref| / (allowed slack) over the elements: at most 1 when the output agrees. */
  worstRatio: number;
  /** Index of the worst element (by excess over the tolerance), -1 when all agree. */
  worst: number;
  ok: boolean;
}

export function compareValues(ref: ArrayLike<number>, got: ArrayLike<number>, tol: Tolerance): Comparison {
  if (ref.length !== got.length) {
    return { size: got.length, maxAbsDiff: Infinity, worstRatio: Infinity, nonFinite: 0, worst: 0, ok: false };
  }
  let scale = 0;
  for (let i = 0; i < ref.length; i++) if (Number.isFinite(ref[i])) scale = Math.max(scale, Math.abs(ref[i] as number));
  const atol = Math.max(tol.atol * scale, tol.floor);
  let maxAbsDiff = 0, worstRatio = 0, nonFinite = 0, worst = -1, worstExcess = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number, g = got[i] as number;
    if (!Number.isFinite(r)) {
      if (!Object.is(r, g)) { nonFinite++; worst = worst < 0 ? i : worst; }
      continue;
    }
    if (!Number.isFinite(g)) {
      nonFinite++;
      if (worstExcess !== Infinity) { worst = i; worstExcess = Infinity; }
      worstRatio = Infinity;
      continue;
    }
    const d = Math.abs(g - r);
    maxAbsDiff = Math.max(maxAbsDiff, d);
    const allowed = atol + tol.rtol * Math.abs(r);
    worstRatio = Math.max(worstRatio, allowed > 0 ? d / allowed : d > 0 ? Infinity : 0);
    const excess = d - allowed;
    if (excess > 0 && excess > worstExcess) { worst = i; worstExcess = excess; }
  }
  return { size: ref.length, maxAbsDiff, worstRatio: nonFinite ? Infinity : worstRatio, nonFinite, worst, ok: worst < 0 };
}
