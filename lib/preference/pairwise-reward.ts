/**
 * A learned pairwise reward: the Bradley-Terry model with strengths linear in features
 * (Bradley & Terry 1952; the reward model of Christiano et al. 2017 and Ouyang et al. 2022 with a
 * linear head), P(B beats A) = σ((x_B − x_A)·β). Fitted as logistic regression without intercept
 * on the feature differences with an L2 penalty, the argmin scikit-learn's
 * `LogisticRegression(penalty="l2", C=1/ridge, fit_intercept=False)` with `sample_weight` finds;
 * judged by cross-validation grouped by pair against the majority side. Pure: no TF.js, no I/O.
 */
import { pairedBootstrap, seededRandom } from "./bootstrap";
import { wilsonInterval } from "./wilson";

/** One human judgement of a pair as a training row: diff = features(B) − features(A) (already standardised by the caller); y = 1 when B won, 0 when A won; a tie is passed as two rows (y=1 and y=0) of weight 0.5. group = the pair's id (cross-validation keeps a pair's rows together). */
export interface PairwiseRow { diff: readonly number[]; y: 0 | 1; weight?: number; group: string }

const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));
const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, j) => s + x * b[j]!, 0);
const maxAbs = (xs: readonly number[]) => xs.reduce((m, x) => Math.max(m, Math.abs(x)), 0);

/** The rows' feature count after checking every row (finite diffs of one length, y 0 or 1, finite weight >= 0). */
function checkRows(rows: readonly PairwiseRow[]): number {
  if (rows.length === 0) throw new RangeError("rows: expected at least one row");
  const m = rows[0]!.diff.length;
  rows.forEach(({ diff, y, weight = 1 }, i) => {
    if (diff.length !== m || !diff.every(Number.isFinite)) throw new RangeError(`rows[${i}].diff: expected ${m} finite numbers, got [${diff.join(", ")}]`);
    if (y !== 0 && y !== 1) throw new RangeError(`rows[${i}].y: expected 0 or 1, got ${String(y)}`);
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`rows[${i}].weight: expected a finite number >= 0, got ${weight}`);
  });
  return m;
}

/**
 * Logistic regression without intercept on the differences, L2 penalty: minimise
 * −Σ wᵢ [yᵢ log σ(dᵢ·β) + (1−yᵢ) log(1−σ(dᵢ·β))] + (ridge/2)‖β‖² by Newton's method with step
 * halving. Converged when max|∇| <= 1e-12 · max_j Σ wᵢ|dᵢⱼ| and the Newton step there is below
 * 1e-8 (1 + max|β|). ridge (default 1) > 0 makes the objective strongly convex, so that always
 * happens; with ridge 0 the optimum may be at infinity (separated or quasi-separated rows: the
 * gradient fades while the steps stay large) or not unique (a feature that is always 0, linearly
 * dependent features: a singular Hessian); then the fit stops with `converged: false` and the
 * last finite weights instead of diverging. `weights` has one entry per feature.
 */
export function fitPairwiseLogistic(rows: readonly PairwiseRow[], opts: { ridge?: number; maxIterations?: number } = {}): { weights: number[]; iterations: number; converged: boolean; logLikelihood: number; /** penalised objective at the fit */ objective: number } {
  const ridge = opts.ridge ?? 1;
  const maxIterations = opts.maxIterations ?? 100;
  if (!(ridge >= 0 && Number.isFinite(ridge))) throw new RangeError(`ridge: expected a finite number >= 0, got ${ridge}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new RangeError(`maxIterations: expected a positive integer, got ${maxIterations}`);
  const m = checkRows(rows);
  const logLik = (beta: readonly number[]) => rows.reduce((s, { diff, y, weight = 1 }) => (weight === 0 ? s : s + weight * logSigmoid(y === 1 ? dot(diff, beta) : -dot(diff, beta))), 0);
  const objective = (beta: readonly number[]) => -logLik(beta) + (ridge / 2) * dot(beta, beta);
  const scale = Array.from({ length: m }, (_, j) => rows.reduce((s, { diff, weight = 1 }) => s + weight * Math.abs(diff[j]!), 0));
  let beta = new Array<number>(m).fill(0);
  const fit = (iterations: number, converged: boolean) => ({ weights: beta, iterations, converged, logLikelihood: logLik(beta), objective: objective(beta) });
  for (let iterations = 0; iterations < maxIterations; iterations++) {
    // 1. Gradient g = Σ w (σ(z) − y) d + ridge β and Hessian H = Σ w σ(1 − σ) d dᵀ + ridge I.
    const g = beta.map((b) => ridge * b);
    const h = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? ridge : 0)));
    for (const { diff, y, weight = 1 } of rows) {
      if (weight === 0) continue;
      const p = sigmoid(dot(diff, beta));
      const c = weight * p * (1 - p);
      for (let i = 0; i < m; i++) {
        g[i]! += weight * (p - y) * diff[i]!;
        for (let j = 0; j <= i; j++) h[i]![j]! += c * diff[i]! * diff[j]!;
      }
    }
    for (let i = 0; i < m; i++) for (let j = 0; j < i; j++) h[j]![i] = h[i]![j]!;
    // 2. The Newton step H s = −g; a (numerically) singular H has no unique optimum to step to.
    const step = choleskySolve(h, g.map((x) => -x));
    if (!step) return fit(iterations, false);
    // Done when the gradient is at rounding level and so is the step (at a separation the gradient
    // fades but the steps do not); then take that last step, whose error is of order its square.
    const small = g.every((x, j) => Math.abs(x) <= 1e-12 * (scale[j]! + ridge * Math.abs(beta[j]!)));
    const size = maxAbs(step) / (1 + maxAbs(beta));
    if (size <= 1e-8 && (small || size <= 1e-14)) {
      beta = beta.map((b, j) => b + step[j]!);
      return fit(iterations + 1, true);
    }
    // 3. Halve it while it raises the objective (never, near the optimum); no progress at all ends the fit.
    const before = objective(beta);
    let t = 1;
    for (; t > 1e-12; t /= 2) if (objective(beta.map((b, j) => b + t * step[j]!)) <= before + 4e-16 * Math.abs(before)) break;
    if (!(t > 1e-12)) return fit(iterations, false);
    beta = beta.map((b, j) => b + t * step[j]!);
  }
  return fit(maxIterations, false);
}

/** Solves A x = b for symmetric positive semi-definite A (m x m) by Cholesky, A = L Lᵀ; null when a pivot is below 1e-13 of its diagonal entry (singular to rounding). */
function choleskySolve(a: readonly (readonly number[])[], b: readonly number[]): number[] | null {
  const m = b.length;
  const l = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  for (let j = 0; j < m; j++) {
    const d = a[j]![j]! - dot(l[j]!.slice(0, j), l[j]!);
    if (!(d > 1e-13 * a[j]![j]!)) return null;
    l[j]![j] = Math.sqrt(d);
    for (let i = j + 1; i < m; i++) l[i]![j] = (a[i]![j]! - dot(l[i]!.slice(0, j), l[j]!)) / l[j]![j]!;
  }
  const y: number[] = [];
  for (let i = 0; i < m; i++) y.push((b[i]! - dot(l[i]!.slice(0, i), y)) / l[i]![i]!);
  const x = new Array<number>(m).fill(0);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let q = i + 1; q < m; q++) s -= l[q]![i]! * x[q]!;
    x[i] = s / l[i]![i]!;
  }
  return x;
}

interface Counted { correct: number; p: number; lo: number; hi: number; n: number }

/**
 * k-fold cross-validation grouped by pair: the groups (in first-seen order) are shuffled with
 * seededRandom(seed) (Fisher-Yates) and dealt round-robin into min(folds, groups) folds. Each
 * fold is predicted by the fit on the others ({@link fitPairwiseLogistic} with `ridge`). Scored
 * on the held-out rows of weight 1 (decisive votes; tie halves and other weights are training
 * only): correct when sign(d·β) agrees with y, and d·β = 0 counts half (the expected score of a
 * coin toss, so an uninformative fit scores 0.5, not 0). The majority baseline predicts the side
 * with more training weight (B on a tie) for every held-out row; `side` says which it was in
 * every fold, or "mixed". Pooled counts get Wilson intervals at `level`; the difference
 * model − baseline (accuracies over all held-out rows) a paired percentile bootstrap interval
 * over the held-out groups ({@link pairedBootstrap}, seed + 1; NaN when nothing was scored).
 * With ridge 0 a fold's fit may be unconverged (separation); its last weights still predict.
 * Defaults: ridge 1, folds 5, seed 0, level 0.95, 1000 resamples.
 */
export function crossValidatePairwise(rows: readonly PairwiseRow[], opts: { ridge?: number; folds?: number; seed?: number; level?: number; resamples?: number } = {}): {
  accuracy: Counted;
  baseline: Counted & { side: "a" | "b" | "mixed" };
  difference: { estimate: number; lo: number; hi: number };
  folds: { n: number; correct: number; baselineCorrect: number }[];
} {
  const { ridge = 1, seed = 0, level = 0.95, resamples = 1000 } = opts;
  const requested = opts.folds ?? 5;
  if (!Number.isInteger(requested) || requested < 2) throw new RangeError(`folds: expected an integer >= 2, got ${requested}`);
  checkRows(rows);
  const groups = [...new Set(rows.map((r) => r.group))];
  if (groups.length < 2) throw new RangeError(`rows: expected at least 2 groups (pairs) to cross-validate, got ${groups.length}`);
  const rand = seededRandom(seed);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }
  const k = Math.min(requested, groups.length);
  const foldOf = new Map(groups.map((g, i) => [g, i % k]));
  // Per held-out group: decisive rows, model and baseline correct (the bootstrap's items).
  const perGroup = new Map<string, { n: number; model: number; base: number }>();
  const sides = new Set<"a" | "b">();
  const folds = Array.from({ length: k }, (_, f) => {
    const train = rows.filter((r) => foldOf.get(r.group) !== f);
    const { weights } = fitPairwiseLogistic(train, { ridge });
    const bWeight = train.reduce((s, { y, weight = 1 }) => s + weight * y, 0);
    const side = bWeight >= train.reduce((s, { weight = 1 }) => s + weight, 0) - bWeight ? "b" : "a";
    sides.add(side);
    const fold = { n: 0, correct: 0, baselineCorrect: 0 };
    for (const { diff, y, weight = 1, group } of rows) {
      if (foldOf.get(group) !== f || weight !== 1) continue;
      const z = dot(diff, weights);
      const model = z === 0 ? 0.5 : Number((z > 0) === (y === 1));
      const base = Number((side === "b") === (y === 1));
      const g = perGroup.get(group) ?? { n: 0, model: 0, base: 0 };
      perGroup.set(group, { n: g.n + 1, model: g.model + model, base: g.base + base });
      fold.n++;
      fold.correct += model;
      fold.baselineCorrect += base;
    }
    return fold;
  });
  const n = folds.reduce((s, f) => s + f.n, 0);
  const correct = folds.reduce((s, f) => s + f.correct, 0);
  const baselineCorrect = folds.reduce((s, f) => s + f.baselineCorrect, 0);
  const counted = (c: number) => ({ correct: c, ...wilsonInterval(c, n, level) });
  const items = [...perGroup.values()];
  let difference = { estimate: NaN, lo: NaN, hi: NaN };
  if (items.length > 0) {
    const statistic = (idx: readonly number[]) => {
      const t = idx.reduce((s, i) => ({ n: s.n + items[i]!.n, model: s.model + items[i]!.model, base: s.base + items[i]!.base }), { n: 0, model: 0, base: 0 });
      return { a: { accuracy: t.base / t.n }, b: { accuracy: t.model / t.n } };
    };
    const { diff, lo, hi } = pairedBootstrap({ n: items.length, statistic, resamples, seed: seed + 1, level }).metrics.accuracy!;
    difference = { estimate: diff, lo, hi };
  }
  return {
    accuracy: counted(correct),
    baseline: { ...counted(baselineCorrect), side: sides.size === 2 ? "mixed" : [...sides][0]! },
    difference,
    folds,
  };
}

/** Standardisation helper: per-feature mean and scale (population std; scale 1 where the std is 0, i.e. all values equal) over a list of feature vectors. Standardise a vector as (x − mean) / scale. */
export function standardise(vectors: readonly (readonly number[])[]): { mean: number[]; scale: number[] } {
  if (vectors.length === 0) throw new RangeError("vectors: expected at least one feature vector");
  const m = vectors[0]!.length;
  vectors.forEach((v, i) => {
    if (v.length !== m || !v.every(Number.isFinite)) throw new RangeError(`vectors[${i}]: expected ${m} finite numbers, got [${v.join(", ")}]`);
  });
  const column = (j: number) => vectors.map((v) => v[j]!);
  const mean = Array.from({ length: m }, (_, j) => {
    const xs = column(j);
    // All equal: the value itself (a summed mean of 0.1s can miss it by an ulp and leave a 1e-17 "std").
    return xs.every((x) => x === xs[0]) ? xs[0]! : xs.reduce((s, x) => s + x, 0) / xs.length;
  });
  const scale = mean.map((mu, j) => {
    const ss = column(j).reduce((s, x) => s + (x - mu) ** 2, 0); // two-pass: no cancellation
    return ss === 0 ? 1 : Math.sqrt(ss / vectors.length);
  });
  return { mean, scale };
}
