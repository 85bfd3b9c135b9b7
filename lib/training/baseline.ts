/**
 * Baselines for REINFORCE with N samples per input (rows grouped consecutively: input i owns
 * rows i*N .. i*N+N-1). Leave-one-out is the paper's (its released detection code) and TRL
 * RLOO's: b_i = mean of the other N-1 rewards of the same input. "greedy" is self-critical
 * sequence training's (Rennie et al. 2017): b = the reward of the policy's own greedy output for
 * that input, so a sample is pushed up exactly when it beats what evaluation decodes.
 */
export const BASELINES = ["loo", "mean", "none", "greedy"] as const;
export type Baseline = (typeof BASELINES)[number];

/**
 * Advantages R_i - b_i for `rewards` [B * n]. "mean" includes R_i itself; "none" is b = 0;
 * "greedy" takes b from `greedyRewards` [B], one per input.
 */
export function advantages(rewards: ArrayLike<number>, n: number, kind: Baseline = "loo", greedyRewards?: ArrayLike<number>): Float64Array {
  if (rewards.length % n !== 0) throw new Error(`advantages: ${rewards.length} rewards are not groups of ${n}`);
  if (kind === "loo" && n < 2) throw new Error("advantages: the leave-one-out baseline needs n >= 2 samples per input");
  if (kind === "greedy" && greedyRewards?.length !== rewards.length / n) throw new Error(`advantages: the greedy baseline needs one greedy reward per input (${rewards.length / n})`);
  const out = new Float64Array(rewards.length);
  for (let g = 0; g < rewards.length; g += n) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += rewards[g + k] as number;
    for (let k = 0; k < n; k++) {
      const r = rewards[g + k] as number;
      const b = kind === "loo" ? (sum - r) / (n - 1) : kind === "mean" ? sum / n : kind === "greedy" ? (greedyRewards?.[g / n] as number) : 0;
      out[g + k] = r - b;
    }
  }
  return out;
}
