import * as tf from "@tensorflow/tfjs-core";

/**
 * Sum of scalars as a tree of pairwise adds. Not one tf.addN: WebGPU's AddN kernel (tfjs
 * 4.22) binds every input as its own storage buffer, so past the device's limit (8 or 10 per
 * shader stage) its pipeline is invalid, nothing is written and the result is whatever the
 * reused output buffer held: NaN, or a finite wrong number (the non-finite gradient norms and
 * skipped updates seen on WebGPU).
 */
export function sumAll(xs: readonly tf.Tensor[]): tf.Tensor {
  if (xs.length === 0) return tf.scalar(0);
  let level = [...xs];
  while (level.length > 1) {
    const next: tf.Tensor[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? tf.add(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** Global L2 norm of a set of gradients (one number, read back). */
export async function globalNorm(grads: tf.NamedTensorMap): Promise<number> {
  const sq = tf.tidy(() => sumAll(Object.values(grads).map((g) => tf.sum(tf.square(g)))));
  const v = (await sq.data())[0] as number;
  sq.dispose();
  return Math.sqrt(v);
}

/** Scales every gradient by `maxNorm / norm` when norm > maxNorm (maxNorm 0 = no clipping). Disposes the inputs it replaces. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, norm: number, maxNorm: number): tf.NamedTensorMap {
  if (maxNorm <= 0 || norm <= maxNorm || !Number.isFinite(norm)) return grads;
  const scale = maxNorm / norm;
  const out: tf.NamedTensorMap = {};
  for (const [k, g] of Object.entries(grads)) {
    out[k] = tf.mul(g, scale);
    g.dispose();
  }
  return out;
}

/** Sets an optimizer's learning rate (tfjs keeps it in a field the typings mark protected). */
export function setLearningRate(optimizer: tf.Optimizer, lr: number): void {
  (optimizer as unknown as { learningRate: number }).learningRate = lr;
}

export function disposeMap(m: tf.NamedTensorMap): void {
  for (const t of Object.values(m)) t.dispose();
}

/**
 * One optimizer update: gradients of `lossFn` w.r.t. `vars`, global-norm clipping at `maxNorm`,
 * apply. A non-finite loss or gradient norm skips the update (it never reaches the weights or the
 * optimizer state) and says which: "non-finite loss" or "non-finite gradient norm".
 */
export async function gradientStep(
  optimizer: tf.Optimizer, lossFn: () => tf.Scalar, vars: tf.Variable[], maxNorm: number,
): Promise<{ loss: number; gradNorm: number; skipped?: string }> {
  const { value, grads } = tf.variableGrads(lossFn, vars);
  try {
    const loss = (await value.data())[0] as number;
    const gradNorm = await globalNorm(grads);
    if (!Number.isFinite(loss)) return { loss, gradNorm, skipped: "non-finite loss" };
    if (!Number.isFinite(gradNorm)) return { loss, gradNorm, skipped: "non-finite gradient norm" };
    const clipped = clipByGlobalNorm(grads, gradNorm, maxNorm);
    optimizer.applyGradients(clipped);
    if (clipped !== grads) disposeMap(clipped);
    return { loss, gradNorm };
  } finally {
    value.dispose();
    disposeMap(grads);
  }
}
