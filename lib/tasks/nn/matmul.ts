import * as tf from "@tensorflow/tfjs-core";

/** Swaps the last two axes. */
function swapLast(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1] as number, perm[r - 2] as number];
  return tf.transpose(x, perm);
}

/** Product of the shape's leading (batch) axes. */
function batchOf(x: tf.Tensor): number {
  return x.shape.slice(0, -2).reduce((n, d) => n * d, 1);
}

/**
 * matMul(a, b, ta, tb) in the form the backend runs fastest. WASM's fast matmul (XNNPACK) takes
 * only unbatched, untransposed operands: there a transposed 2-D product is about 10x faster as an
 * explicit transpose then a plain matmul. Batched products (attention) always take WASM's scalar
 * loop, which reads a transposed operand as fast as a plain one, so they keep the flags (an
 * explicit transpose would only add a kernel); GPU backends read transposed operands natively.
 */
export function matMulFast(a: tf.Tensor, b: tf.Tensor, ta = false, tb = false): tf.Tensor {
  const explicit = (ta || tb) && ["wasm", "cpu"].includes(tf.getBackend()) && batchOf(a) === 1 && batchOf(b) === 1;
  return explicit ? tf.matMul(ta ? swapLast(a) : a, tb ? swapLast(b) : b) : tf.matMul(a, b, ta, tb);
}

