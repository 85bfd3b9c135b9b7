import * as tf from "@tensorflow/tfjs-core";

/** Swaps the last two axes. */
function t(x: tf.Tensor): tf.Tensor {
  const perm = x.shape.map((_, i) => i);
  const r = perm.length;
  [perm[r - 2], perm[r - 1]] = [perm[r - 1] as number, perm[r - 2] as number];
  return tf.transpose(x, perm);
}

/** matMul with transposes done as explicit transposes, so the kernel always runs untransposed. */
function mm(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): tf.Tensor {
  return tf.matMul(ta ? t(a) : a, tb ? t(b) : b);
}

/**
 * Replaces the BatchMatMul gradient (same maths as tfjs-core's batchMatMulGradConfig) on CPU
 * backends: WASM runs a matmul with a transposed operand about 10x slower than a plain one on
 * our shapes (measured: 52 ms vs 5 ms), and the stock gradient uses transposed operands for
 * every weight. Transposing explicitly first halves an MLE step on WASM. GPU backends keep the
 * stock formulation (their kernels read transposed operands natively).
 */
let registered = false;

export function registerFastMatMulGradient(): void {
  if (registered) return;
  registered = true;
  // tfjs warns when a gradient is overridden; this override is deliberate.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("Overriding the gradient for 'BatchMatMul'")) warn(...args);
  };
  try {
    register();
  } finally {
    console.warn = warn;
  }
}

function register(): void {
  tf.registerGradient({
    kernelName: "BatchMatMul",
    inputsToSave: ["a", "b"],
    gradFunc: (dy, saved, attrs) => {
      const [a, b] = saved as [tf.Tensor, tf.Tensor];
      const { transposeA, transposeB } = attrs as unknown as { transposeA: boolean; transposeB: boolean };
      const g = dy as tf.Tensor;
      const explicit = ["wasm", "cpu"].includes(tf.getBackend());
      const mul = explicit ? mm : (x: tf.Tensor, y: tf.Tensor, tx: boolean, ty: boolean) => tf.matMul(x, y, tx, ty);
      if (!transposeA && !transposeB) return { a: () => mul(g, b, false, true), b: () => mul(a, g, true, false) };
      if (!transposeA && transposeB) return { a: () => mul(g, b, false, false), b: () => mul(g, a, true, false) };
      if (transposeA && !transposeB) return { a: () => mul(b, g, false, true), b: () => mul(a, g, false, false) };
      return { a: () => mul(b, g, true, true), b: () => mul(g, a, true, true) };
    },
  });
}
