/**
 * The Wilson score interval for a binomial proportion (Wilson 1927, JASA 22: 209-212; Brown, Cai
 * & DasGupta 2001 recommend it over the Wald interval for small n and extreme p): the set of p
 * whose score test |p̂ - p| / sqrt(p(1 - p)/n) <= z does not reject. The same numbers as
 * statsmodels `proportion_confint(count, nobs, alpha=1 - level, method="wilson")`.
 */
import { normalQuantile } from "./normal";

export interface WilsonInterval {
  /** successes / n (NaN when n = 0). */
  p: number;
  lo: number;
  hi: number;
  n: number;
}

/**
 * The Wilson interval of `successes` out of `n` at coverage `level`. Counts may be fractional
 * (a tie counted as half a win). With z = Φ⁻¹(1 - (1 - level)/2):
 *   centre = (p̂ + z²/2n) / (1 + z²/n),  half-width = z sqrt(p̂(1 - p̂)/n + z²/4n²) / (1 + z²/n).
 * n = 0 has no information: p is NaN and the interval is [0, 1] (statsmodels gives NaN for both).
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): WilsonInterval {
  if (!(n >= 0 && Number.isFinite(n))) throw new RangeError(`n: expected a finite number >= 0, got ${n}`);
  if (!(successes >= 0 && successes <= n)) throw new RangeError(`successes: expected a number in [0, n = ${n}], got ${successes}`);
  if (!(level > 0 && level < 1)) throw new RangeError(`level: expected a number in (0, 1), got ${level}`);
  if (n === 0) return { p: NaN, lo: 0, hi: 1, n };
  const p = successes / n;
  // norm.isf(alpha / 2) as statsmodels takes it: the upper quantile from the small tail probability.
  const z = -normalQuantile((1 - level) / 2);
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n))) / denom;
  // At 0 (n) successes the lower (upper) bound is exactly 0 (1); centre ∓ half can miss by 1e-17.
  return { p, lo: successes === 0 ? 0 : centre - half, hi: successes === n ? 1 : centre + half, n };
}
