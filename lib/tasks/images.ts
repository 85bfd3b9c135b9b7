import * as tf from "@tensorflow/tfjs-core";
import type { Scene } from "@/lib/data";

/** Scenes -> [B, H, W, 3] floats in 0..1 (colour input). */
export function rgbBatch(scenes: readonly Scene[]): tf.Tensor4D {
  const first = scenes[0];
  if (!first) throw new Error("rgbBatch: no scenes");
  const { width: w, height: h } = first;
  const data = new Float32Array(scenes.length * w * h * 3);
  scenes.forEach((s, i) => {
    for (let k = 0; k < w * h * 3; k++) data[i * w * h * 3 + k] = (s.rgb[k] as number) / 255;
  });
  return tf.tensor4d(data, [scenes.length, h, w, 3]);
}

/** Scenes -> [B, H, W, 1] greyscale floats in 0..1 (colorization input). */
export function grayBatch(scenes: readonly Scene[]): tf.Tensor4D {
  const first = scenes[0];
  if (!first) throw new Error("grayBatch: no scenes");
  const { width: w, height: h } = first;
  const data = new Float32Array(scenes.length * w * h);
  scenes.forEach((s, i) => {
    for (let k = 0; k < w * h; k++) data[i * w * h + k] = (s.gray[k] as number) / 255;
  });
  return tf.tensor4d(data, [scenes.length, h, w, 1]);
}

/**
 * Repeats each row of x [B, ...] n times consecutively -> [B * n, ...]. A broadcasting add of
 * zeros rather than `tile`: same values and gradient (summed over the copies), and on WASM
 * 20-90x faster (Tile of [16, 1024, 15] x 8 took 44 ms against 1 ms).
 */
export function repeatRows<T extends tf.Tensor>(x: T, n: number): T {
  if (n === 1) return x.clone();
  const shape = x.shape;
  return tf.tidy(() => {
    const copies = tf.add(tf.expandDims(x, 1), tf.zeros([1, n, ...shape.slice(1).map(() => 1)], x.dtype));
    return tf.reshape(copies, [(shape[0] as number) * n, ...shape.slice(1)]) as T;
  });
}
