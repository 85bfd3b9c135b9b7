import * as tf from "@tensorflow/tfjs-core";

/**
 * Rows per block for long 2-D transposes and column sums on WASM. Its Transpose kernel writes
 * with a stride of the row count, and when that is a multiple of a large power of two every write
 * of a column lands in the same cache set: [2048, 64] takes 0.51 ms against 0.07 ms for [2000,
 * 64] (measured, one thread). Through blocks of 128 rows the strides stay short: 0.13 ms. Its Sum
 * over leading axes transposes first, so column sums have the same trap.
 */
const BLOCK = 128;

/** Whether x's leading `rows` are blocked on this backend (WASM, long multiples of the block). */
function blockedRows(rows: number): boolean {
  return tf.getBackend() === "wasm" && rows > 2 * BLOCK && rows % BLOCK === 0;
}

/** x [R, C] -> [C, R] (on WASM through row blocks where R is a long multiple of 128; same values). */
export function transpose2d(x: tf.Tensor): tf.Tensor {
  const [r, c] = x.shape as [number, number];
  if (!blockedRows(r)) return tf.transpose(x);
  // [R/B, B, C] -> [R/B, C, B] -> [C, R/B, B]: each block transposed, then whole rows of B moved.
  return tf.reshape(tf.transpose(tf.transpose(tf.reshape(x, [r / BLOCK, BLOCK, c]), [0, 2, 1]), [1, 0, 2]), [c, r]);
}

/**
 * Sum of x over every axis but the last: [..., C] -> [C] (column sums, as bias and LayerNorm
 * gradients need). On WASM, rows in blocks where there are many (see BLOCK): the sum within each
 * block, then over the blocks; elsewhere one Sum.
 */
export function sumRows(x: tf.Tensor): tf.Tensor {
  const c = x.shape[x.shape.length - 1] as number;
  const r = x.size / c;
  if (!blockedRows(r)) return tf.sum(x, x.shape.slice(0, -1).map((_, i) => i));
  return tf.sum(tf.sum(tf.reshape(x, [r / BLOCK, BLOCK, c]), 1), 0);
}

/** Swaps the last two axes. */
function swapLast(x: tf.Tensor): tf.Tensor {
  if (x.rank === 2) return transpose2d(x);
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
