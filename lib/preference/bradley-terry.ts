/**
 * The Bradley-Terry model (Bradley & Terry 1952; Zermelo 1929): item i beats item j with
 * probability σ(θ_i − θ_j), σ the logistic function, θ the log-strengths. Fitted by maximum
 * likelihood with Newton's method on the concave log-likelihood; this is logistic regression
 * with no intercept on a design row +1 at the winner and −1 at the loser (the Chatbot Arena
 * leaderboard's fit), and matches statsmodels `Logit` / `GLM(Binomial, freq_weights)` on that
 * design with item 0's column dropped. Pure: no TF.js, no I/O.
 */
import { type NotEstimable, whyNotEstimable } from "./comparison-graph";

/** One comparison: `winner` beat `loser` (item indices in 0..k-1), counted `weight` times (default 1). A tie is two outcomes of weight 0.5. */
export interface Outcome {
  winner: number;
  loser: number;
  weight?: number;
}

export interface BradleyTerryOptions {
  /** Number of items k >= 2; items that never appear make an unridged fit non-estimable. */
  items: number;
  /**
   * L2 penalty λ (default 0): maximise log L(θ) − λ/2 Σ_i θ_i² over all k items, a N(0, 1/λ)
   * prior on each. Symmetric in the items (the centred fit has mean 0), always estimable for λ > 0.
   */
  ridge?: number;
}

export interface BradleyTerryFit {
  estimable: true;
  /** Log-strengths θ_i − θ_0 (item 0 at 0), length k. */
  strengths: number[];
  /** The same, shifted to mean 0. */
  centred: number[];
  /** winProbability[i][j] = σ(θ_i − θ_j), k x k (0.5 on the diagonal). */
  winProbability: number[][];
  /** The log-likelihood Σ w log σ(θ_winner − θ_loser) at the fit (without the penalty). */
  logLikelihood: number;
  iterations: number;
  ridge: number;
}

export type BradleyTerryResult = BradleyTerryFit | ({ estimable: false; ridge: number } & NotEstimable);

/** wins[i][j] = total weight of outcomes where i beat j (k x k), after checking every outcome. */
export function winsMatrix(outcomes: readonly Outcome[], items: number): number[][] {
  if (!Number.isInteger(items) || items < 2) throw new RangeError(`items: expected an integer >= 2, got ${items}`);
  const wins = Array.from({ length: items }, () => new Array<number>(items).fill(0));
  outcomes.forEach(({ winner, loser, weight = 1 }, n) => {
    const ok = (i: number) => Number.isInteger(i) && i >= 0 && i < items;
    if (!ok(winner) || !ok(loser) || winner === loser) throw new RangeError(`outcomes[${n}]: expected two different items in 0..${items - 1}, got ${winner} beat ${loser}`);
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`outcomes[${n}].weight: expected a finite number >= 0, got ${weight}`);
    wins[winner]![loser]! += weight;
  });
  return wins;
}

/** The Bradley-Terry fit of weighted pairwise outcomes among `items` items; see {@link fitWins}. */
export function bradleyTerry(outcomes: readonly Outcome[], opts: BradleyTerryOptions): BradleyTerryResult {
  return fitWins(winsMatrix(outcomes, opts.items), opts.ridge ?? 0);
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

/**
 * The fit from a wins matrix. Without a ridge, θ_0 is held at 0 and the MLE is reported only
 * when it exists (otherwise the cause, {@link whyNotEstimable}); with one, all k are free.
 * Newton steps with step halving until the largest step is below 1e-10 (1 + max|θ|), after
 * which the quadratic convergence leaves an error far below that.
 */
export function fitWins(wins: readonly (readonly number[])[], ridge = 0): BradleyTerryResult {
  const k = wins.length;
  if (k < 2) throw new RangeError(`wins: expected a k x k matrix with k >= 2, got k = ${k}`);
  if (!(ridge >= 0 && Number.isFinite(ridge))) throw new RangeError(`ridge: expected a finite number >= 0, got ${ridge}`);
  if (ridge === 0) {
    const why = whyNotEstimable(wins);
    if (why) return { estimable: false, ridge, ...why };
  }
  const pairs: { i: number; j: number; wij: number; nij: number }[] = [];
  for (let i = 0; i < k; i++)
    for (let j = i + 1; j < k; j++) {
      const nij = (wins[i]![j] as number) + (wins[j]![i] as number);
      if (nij > 0) pairs.push({ i, j, wij: wins[i]![j] as number, nij });
    }
  const logLik = (t: readonly number[]) => pairs.reduce((s, { i, j, wij, nij }) => s + wij * logSigmoid(t[i]! - t[j]!) + (nij - wij) * logSigmoid(t[j]! - t[i]!), 0);
  const objective = (t: readonly number[]) => logLik(t) - (ridge / 2) * t.reduce((s, x) => s + x * x, 0);
  const first = ridge > 0 ? 0 : 1; // the free parameters are θ_first..θ_{k-1}
  let theta = new Array<number>(k).fill(0);
  let iterations = 0;
  for (let converged = false; !converged; ) {
    if (++iterations > 100) throw new Error("Bradley-Terry: Newton's method did not converge in 100 iterations");
    // 1. Gradient g and negative Hessian H of the penalised log-likelihood.
    const g = theta.map((t) => -ridge * t);
    const h = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? ridge : 0)));
    for (const { i, j, wij, nij } of pairs) {
      const p = sigmoid(theta[i]! - theta[j]!);
      const r = wij - nij * p;
      const c = nij * p * (1 - p);
      g[i]! += r;
      g[j]! -= r;
      h[i]![i]! += c;
      h[j]![j]! += c;
      h[i]![j]! -= c;
      h[j]![i]! -= c;
    }
    // 2. The Newton step on the free parameters: H_ff s = g_f.
    const step = choleskySolve(h.slice(first).map((row) => row.slice(first)), g.slice(first));
    // 3. Halve it while it lowers the objective (never, near the optimum).
    const before = objective(theta);
    let scale = 1;
    let next = theta;
    for (let halvings = 0; halvings < 60; halvings++, scale /= 2) {
      next = theta.map((t, i) => (i < first ? t : t + scale * step[i - first]!));
      if (objective(next) >= before - 1e-13 * (1 + Math.abs(before))) break;
    }
    theta = next;
    const largest = Math.max(...step.map((s) => Math.abs(scale * s)));
    converged = largest <= 1e-10 * (1 + Math.max(...theta.map(Math.abs)));
  }
  const mean = theta.reduce((s, t) => s + t, 0) / k;
  return {
    estimable: true,
    strengths: theta.map((t) => t - theta[0]!),
    centred: theta.map((t) => t - mean),
    winProbability: theta.map((ti) => theta.map((tj) => sigmoid(ti - tj))),
    logLikelihood: logLik(theta),
    iterations,
    ridge,
  };
}

/** Solves A x = b for symmetric positive definite A (m x m) by Cholesky, A = L Lᵀ. */
function choleskySolve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const m = b.length;
  const l = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < m; j++) {
    let d = a[j]![j]!;
    for (let q = 0; q < j; q++) d -= l[j]![q]! ** 2;
    if (!(d > 0)) throw new Error("Bradley-Terry: the Hessian is not positive definite (weights too small or strengths too far apart)");
    l[j]![j] = Math.sqrt(d);
    for (let i = j + 1; i < m; i++) {
      let s = a[i]![j]!;
      for (let q = 0; q < j; q++) s -= l[i]![q]! * l[j]![q]!;
      l[i]![j] = s / l[j]![j]!;
    }
  }
  const y = new Array<number>(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let q = 0; q < i; q++) s -= l[i]![q]! * y[q]!;
    y[i] = s / l[i]![i]!;
  }
  const x = new Array<number>(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let q = i + 1; q < m; q++) s -= l[q]![i]! * x[q]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}
