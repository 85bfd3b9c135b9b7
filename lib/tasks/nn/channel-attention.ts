import * as tf from "@tensorflow/tfjs-core";

/**
 * Attention's batched products on WASM as depthwise convolutions. tfjs-backend-wasm runs every
 * batched matmul (one product per batch and head) in a scalar triple loop, ~1-1.5 GFLOP/s here,
 * against XNNPACK's GEMMs for everything else; its depthwise convolution is XNNPACK's. With the
 * batch*heads axis as the channels and the shared dimension as the filter window, a depthwise
 * convolution is exactly that batched product: scores for [128, 31, 16] x [128, 64, 16] take
 * 2.1 ms this way, transposes included, against 6.6 ms as a batched matmul (same values).
 * Only forward ops: the gradient is written out with the same products.
 */

/** out_c = a_c b_c for every channel c, the channel axis last: a [M, K, C], b [K, C, N] -> [M, C, N]. */
function channelMatMul(a: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [m, k, c] = a.shape as [number, number, number];
  const n = b.shape[2] as number;
  // Window 1 x K over an M x K "image" with C channels, N outputs per channel: out[m, 0, c N + n].
  const out = tf.depthwiseConv2d(tf.reshape(a, [1, m, k, c]) as tf.Tensor4D, tf.reshape(b, [1, k, c, n]) as tf.Tensor4D, 1, "valid");
  return tf.reshape(out, [m, c, n]);
}

type Save = (tensors: tf.Tensor[]) => void;
type Grad = (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor[];

/**
 * softmax(q k^T / sqrt(dh) + mask) v per head for q [B, T, H, dh], k and v [B, S, H, dh] (heads
 * split by a reshape of the projections, not transposed: each operand gets the one transpose
 * into its channel-last layout), mask [T, S] or none -> [B, T, H, dh]. The same maths and
 * gradient as layers.ts batchedAttention, the products in channel-last layouts ([T, C, S]
 * scores, C = B H): dv = p^T dy, ds = p (dp - sum(dp p)) for dp = dy v^T, dq = ds k / sqrt(dh),
 * dk = ds^T qs (dv and dk computed transposed, so p and ds are never transposed).
 */
export function channelAttention(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor): tf.Tensor {
  const [b, t, h, dh] = q.shape as [number, number, number, number];
  const s = k.shape[1] as number;
  const c = b * h;
  const scale = 1 / Math.sqrt(dh);
  // [B, L, H, dh] -> [L, C, dh] (rows by position) and [dh, C, L] (the shared dimension first).
  const byPosition = (x: tf.Tensor, len: number) => tf.reshape(tf.transpose(x, [1, 0, 2, 3]), [len, c, dh]);
  const byFeature = (x: tf.Tensor, len: number) => tf.reshape(tf.transpose(x, [3, 0, 2, 1]), [dh, c, len]);
  // [B, L, H, dh] -> [dh, L, C] (the transposed left operand of a product over L).
  const featureFirst = (x: tf.Tensor, len: number) => tf.reshape(tf.transpose(x, [3, 1, 0, 2]), [dh, len, c]);
  // [L, C, dh] and [dh, C, L] -> [B, L, H, dh].
  const back = (x: tf.Tensor, len: number) => tf.transpose(tf.reshape(x, [len, b, h, dh]), [1, 0, 2, 3]);
  const backFromFeature = (x: tf.Tensor, len: number) => tf.transpose(tf.reshape(x, [dh, b, h, len]), [1, 3, 2, 0]);
  const op = tf.customGrad(((q4: tf.Tensor, k4: tf.Tensor, v4: tf.Tensor, save: Save) => {
    const qs = tf.mul(q4, scale);
    const qA = tf.reshape(tf.transpose(qs, [1, 3, 0, 2]), [t, dh, c]);
    const scores = channelMatMul(qA, byFeature(k4, s)); // [T, C, S]
    const p = tf.softmax(mask ? tf.add(scores, tf.reshape(mask, [t, 1, s])) : scores);
    save([qs, k4, v4, p]);
    const out = channelMatMul(tf.transpose(p, [0, 2, 1]), byPosition(v4, s)); // [T, C, dh]
    const gradFunc: Grad = (dy, saved) => {
      const [qsS, kS, vS, pS] = saved as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
      // dv and dk are computed transposed (dv^T = dy^T p, dk^T = qs^T ds) so that p and ds, the
      // score-sized tensors, enter in the [T, C, S] layout they come in: no transpose of them.
      const dvT = channelMatMul(featureFirst(dy, t), pS); // [dh, C, S]
      const dp = channelMatMul(tf.reshape(tf.transpose(dy, [1, 3, 0, 2]), [t, dh, c]), byFeature(vS, s)); // [T, C, S]
      const ds = tf.mul(pS, tf.sub(dp, tf.sum(tf.mul(dp, pS), -1, true)));
      const dq = channelMatMul(tf.transpose(ds, [0, 2, 1]), byPosition(kS, s)); // [T, C, dh]
      const dkT = channelMatMul(featureFirst(qsS, t), ds); // [dh, C, S]
      return [tf.mul(back(dq, t), scale), backFromFeature(dkT, s), backFromFeature(dvT, s)];
    };
    return { value: back(out, t), gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]) as (...xs: tf.Tensor[]) => tf.Tensor;
  return op(q, k, v);
}
