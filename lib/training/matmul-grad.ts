import * as tf from "@tensorflow/tfjs-core";
import { matMulFast } from "@/lib/tasks";

/**
 * Replaces the BatchMatMul gradient (same maths as tfjs-core's batchMatMulGradConfig) on CPU
 * backends: WASM runs a matmul with a transposed operand about 10x slower than a plain one on
 * our shapes (measured: 52 ms vs 5 ms), and the stock gradient uses transposed operands for
 * every weight. Transposing explicitly first halves an MLE step on WASM. GPU backends and batched
 * products keep the stock formulation (see matMulFast).
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
      const mul = matMulFast;
      if (!transposeA && !transposeB) return { a: () => mul(g, b, false, true), b: () => mul(a, g, true, false) };
      if (!transposeA && transposeB) return { a: () => mul(g, b, false, false), b: () => mul(g, a, true, false) };
      if (transposeA && !transposeB) return { a: () => mul(b, g, false, true), b: () => mul(a, g, false, false) };
      return { a: () => mul(b, g, true, true), b: () => mul(g, a, true, true) };
    },
  });
}
