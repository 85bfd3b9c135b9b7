import * as tf from "@tensorflow/tfjs-core";

/**
 * 2-D sine-cosine position embeddings [1, gh * gw, width] in raster order, as big_vision's
 * `posemb_sincos_2d` (temperature 10000): a quarter of the channels each for sin x, cos x,
 * sin y, cos y. The detection encoder starts its learned position embeddings from these, so
 * patch positions are readable by the decoder from the first step (boxes are positions).
 */
export function sincos2d(gh: number, gw: number, width: number, temperature = 10_000): tf.Tensor3D {
  if (width % 4 !== 0) throw new Error(`sincos2d: width ${width} is not a multiple of 4`);
  const q = width / 4;
  const omega = Array.from({ length: q }, (_, i) => 1 / temperature ** (q > 1 ? i / (q - 1) : 0));
  const data = new Float32Array(gh * gw * width);
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      const row = (y * gw + x) * width;
      omega.forEach((w, i) => {
        data[row + i] = Math.sin(x * w);
        data[row + q + i] = Math.cos(x * w);
        data[row + 2 * q + i] = Math.sin(y * w);
        data[row + 3 * q + i] = Math.cos(y * w);
      });
    }
  }
  return tf.tensor3d(data, [1, gh * gw, width]);
}
