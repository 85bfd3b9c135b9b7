/**
 * Baselines for REINFORCE with N samples per input (rows grouped consecutively: input i owns
 * rows i*N .. i*N+N-1), as a typed registry of strategies: each says what the trainer must
 * supply and computes the advantages R_i - b_i. Leave-one-out is the paper's (its released
 * detection code) and TRL RLOO's: b_i = mean of the other N-1 rewards of the same input.
 * "greedy" is self-critical sequence training's (Rennie et al. 2017): b = the reward of the
 * policy's own greedy output for that input, so a sample is pushed up exactly when it beats what
 * evaluation decodes.
 */
export const BASELINES = ["loo", "mean", "none", "greedy"] as const;
export type Baseline = (typeof BASELINES)[number];

export interface BaselineStrategy {
  /** One line for help texts and docs. */
  description: string;
  /** Whether the trainer must decode and reward the policy's greedy output for every input. */
  needsGreedy: boolean;
  /**
   * Advantages R_i - b_i, [B * n], for `rewards` [B * n] (constants for the gradient).
   * `greedyRewards` [B]: the composite reward of each input's greedy output, when `needsGreedy`.
   */
  advantages(rewards: ArrayLike<number>, n: number, greedyRewards?: ArrayLike<number>): Float64Array;
}

/** R_i - b(R_i, sum of the group's rewards, group index) for every row. */
function perGroup(rewards: ArrayLike<number>, n: number, baseline: (r: number, sum: number, group: number) => number): Float64Array {
  const out = new Float64Array(rewards.length);
  for (let g = 0; g < rewards.length; g += n) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += rewards[g + k] as number;
    for (let k = 0; k < n; k++) {
      const r = rewards[g + k] as number;
      out[g + k] = r - baseline(r, sum, g / n);
    }
  }
  return out;
}

function checkGroups(rewards: ArrayLike<number>, n: number): void {
  if (rewards.length % n !== 0) throw new Error(`advantages: ${rewards.length} rewards are not groups of ${n}`);
}

/** Every baseline, by name. Adding one: an entry here and its name in BASELINES. */
export const BASELINE_STRATEGIES: Record<Baseline, BaselineStrategy> = {
  loo: {
    description: "leave-one-out: b_i = mean of the other N-1 rewards of the same input (the paper's)",
    needsGreedy: false,
    advantages(rewards, n) {
      checkGroups(rewards, n);
      if (n < 2) throw new Error("advantages: the leave-one-out baseline needs n >= 2 samples per input");
      return perGroup(rewards, n, (r, sum) => (sum - r) / (n - 1));
    },
  },
  mean: {
    description: "b = mean of the input's N rewards, R_i included",
    needsGreedy: false,
    advantages(rewards, n) {
      checkGroups(rewards, n);
      return perGroup(rewards, n, (_r, sum) => sum / n);
    },
  },
  none: {
    description: "b = 0 (plain REINFORCE)",
    needsGreedy: false,
    advantages(rewards, n) {
      checkGroups(rewards, n);
      return perGroup(rewards, n, () => 0);
    },
  },
  greedy: {
    description: "self-critical: b = the reward of the policy's greedy output for the input",
    needsGreedy: true,
    advantages(rewards, n, greedyRewards) {
      checkGroups(rewards, n);
      if (greedyRewards?.length !== rewards.length / n) throw new Error(`advantages: the greedy baseline needs one greedy reward per input (${rewards.length / n})`);
      return perGroup(rewards, n, (_r, _sum, g) => greedyRewards[g] as number);
    },
  },
};

/** Advantages R_i - b_i for `rewards` [B * n] under baseline `kind` (see BASELINE_STRATEGIES). */
export function advantages(rewards: ArrayLike<number>, n: number, kind: Baseline = "loo", greedyRewards?: ArrayLike<number>): Float64Array {
  return BASELINE_STRATEGIES[kind].advantages(rewards, n, greedyRewards);
}
