/**
 * Baselines for REINFORCE with N samples per input (rows grouped consecutively: input i owns
 * rows i*N .. i*N+N-1). Leave-one-out is the paper's (its released detection code) and TRL
 * RLOO's: b_i = mean of the other N-1 rewards of the same input.
 */
export const BASELINES = ["loo", "mean", "none"] as const;
export type Baseline = (typeof BASELINES)[number];

/** Advantages R_i - b_i for `rewards` [B * n]. "mean" includes R_i itself; "none" is b = 0. */
export function advantages(rewards: ArrayLike<number>, n: number, kind: Baseline = "loo"): Float64Array {
  if (rewards.length % n !== 0) throw new Error(`advantages: ${rewards.length} rewards are not groups of ${n}`);
  if (kind === "loo" && n < 2) throw new Error("advantages: the leave-one-out baseline needs n >= 2 samples per input");
  const out = new Float64Array(rewards.length);
  for (let g = 0; g < rewards.length; g += n) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += rewards[g + k] as number;
    for (let k = 0; k < n; k++) {
      const r = rewards[g + k] as number;
      const b = kind === "loo" ? (sum - r) / (n - 1) : kind === "mean" ? sum / n : 0;
      out[g + k] = r - b;
    }
  }
  return out;
}
