import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { channelAttention } from "./channel-attention";
import { repeatRows } from "../images";
import { attention, batchedAttention, causalMask, gelu, layerNorm, linear } from "./layers";
import { ParamStore } from "./params";

beforeAll(useWasmBackend);

/** Norm-wise relative error max|a - b| / max|b|. */
function relErr(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => (tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number) / Math.max(1e-30, tf.max(tf.abs(b)).dataSync()[0] as number));
}

/**
 * `layer(x)` (the custom-gradient layer, weights in `p`) against `plain(x, weights)` (the plain
 * composition of tfjs ops under autodiff): values and the gradients w.r.t. x and every weight,
 * through a random read-out so each output element gets its own upstream gradient. 1e-5.
 */
function expectSameAsPlain(p: ParamStore, x: tf.Variable, layer: (x: tf.Tensor) => tf.Tensor, plain: (x: tf.Tensor, w: Record<string, tf.Tensor>) => tf.Tensor, extra: tf.Variable[] = []): void {
  tf.tidy(() => layer(x)); // creates the weights
  let seed = 10;
  for (const v of p.vars.values()) v.assign(tf.tidy(() => tf.randomNormal(v.shape, 0.5, 1, "float32", seed++)));
  const w = Object.fromEntries(p.vars) as Record<string, tf.Tensor>;
  const vars = [x, ...extra, ...p.vars.values()];
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    const readout = tf.randomNormal(plain(x, w).shape, 0, 1, "float32", 3);
    const custom = tf.variableGrads(() => tf.sum(tf.mul(layer(x), readout)) as tf.Scalar, vars);
    const ref = tf.variableGrads(() => tf.sum(tf.mul(plain(x, w), readout)) as tf.Scalar, vars);
    expect(relErr(layer(x), plain(x, w)), "forward").toBeLessThanOrEqual(1e-5);
    expect(relErr(custom.value, ref.value), "loss").toBeLessThanOrEqual(1e-5);
    for (const v of vars) {
      expect(custom.grads[v.name]!.shape).toEqual(v.shape);
      expect(relErr(custom.grads[v.name]!, ref.grads[v.name]!), `gradient of ${v.name}`).toBeLessThanOrEqual(1e-5);
    }
  });
  expect(tf.memory().numTensors).toBe(before);
  x.dispose();
  tf.dispose(extra);
  p.dispose();
}

const input = (shape: number[], seed: number) => tf.variable(tf.randomNormal(shape, 0.3, 1.5, "float32", seed));

describe("custom-gradient layers equal the plain composition under autodiff (relative error <= 1e-5)", () => {
  it("linear: fused matmul + bias", () => {
    const p = new ParamStore(1);
    expectSameAsPlain(p, input([3, 5, 12], 1), (x) => linear(p, "l", x, 7),
      (x, w) => tf.reshape(tf.add(tf.matMul(tf.reshape(x, [-1, 12]), w["l/w"] as tf.Tensor), w["l/b"] as tf.Tensor), [3, 5, 7]));
  });

  it("layerNorm", () => {
    const p = new ParamStore(2);
    expectSameAsPlain(p, input([4, 6, 16], 2), (x) => layerNorm(p, "ln", x), (x, w) => {
      const { mean, variance } = tf.moments(x, -1, true);
      const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)));
      return tf.add(tf.mul(normed, w["ln/g"] as tf.Tensor), w["ln/b"] as tf.Tensor);
    });
  });

  // 4 x 128 = 512 rows: on WASM the weight and bias gradients go through the row blocks of
  // transpose2d and sumRows (matmul.ts).
  it("linear and layerNorm over 512 rows (row-blocked gradients on WASM)", () => {
    const p = new ParamStore(4);
    expectSameAsPlain(p, input([4, 128, 12], 4), (x) => linear(p, "l", x, 7),
      (x, w) => tf.reshape(tf.add(tf.matMul(tf.reshape(x, [-1, 12]), w["l/w"] as tf.Tensor), w["l/b"] as tf.Tensor), [4, 128, 7]));
    const q = new ParamStore(5);
    expectSameAsPlain(q, input([4, 128, 16], 5), (x) => layerNorm(q, "ln", x), (x, w) => {
      const { mean, variance } = tf.moments(x, -1, true);
      return tf.add(tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5))), w["ln/g"] as tf.Tensor), w["ln/b"] as tf.Tensor);
    });
  });

  it("gelu (tanh approximation)", () => {
    const p = new ParamStore(3);
    expectSameAsPlain(p, input([4, 6, 16], 3), (x) => gelu(x), (x) => {
      const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
      return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
    });
  });

  // Attention's core two ways: channelAttention (WASM: depthwise convolutions on [B, T, H, dh]
  // operands) and batchedAttention (GPU / CPU and single decoding positions: batched matmuls on
  // [B, H, T, dh]), each against the plain composition on [B, H, T, dh].
  const plainAttention = (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor, mask?: tf.Tensor) => {
    const scores = tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(q.shape[3] as number));
    return tf.matMul(tf.softmax(mask ? tf.add(scores, mask) : scores), v);
  };
  const heads = (x: tf.Tensor) => tf.transpose(x, [0, 2, 1, 3]);
  it.each([
    ["channelAttention, causal mask", true, true, 5], ["channelAttention, no mask", true, false, 5],
    ["batchedAttention, causal mask", false, true, 5], ["batchedAttention, no mask", false, false, 5],
    ["batchedAttention, one query over 7 keys", false, false, 1],
  ] as const)("attention core (scores, softmax, values): %s", (_, channel, masked, t) => {
    const p = new ParamStore(4);
    const s = masked ? t : 7;
    const [k, v] = [input([2, 3, s, 8], 5), input([2, 3, s, 8], 6)]; // [B, H, S, dh]
    const mask = masked ? causalMask(t) : undefined;
    const core = channel
      ? (q: tf.Tensor) => heads(channelAttention(heads(q), heads(k), heads(v), mask))
      : (q: tf.Tensor) => batchedAttention(q, k, v, mask);
    expectSameAsPlain(p, input([2, 3, t, 8], 4), core, (q) => plainAttention(q, k, v, mask), [k, v]);
    mask?.dispose();
  });
});

describe("cross-attention over memory rows serving n samples each", () => {
  // attention(..., repeats) projects keys and values on the B memory rows and repeats them; the
  // same values and gradients (memory, weights, queries) as attending over the repeated memory.
  it.each([["channel path (T = 5)", 5], ["batched path (T = 1)", 1]] as const)("%s", (_, t) => {
    const run = (repeated: boolean) => {
      const p = new ParamStore(7);
      const x = tf.tidy(() => tf.variable(tf.randomNormal([6, t, 16], 0, 1, "float32", 8), true, `x${repeated}`));
      const m = tf.tidy(() => tf.variable(tf.randomNormal([2, 9, 16], 0, 1, "float32", 9), true, `m${repeated}`));
      const readout = tf.randomNormal([6, t, 16], 0, 1, "float32", 10);
      const f = () => tf.sum(tf.mul(repeated ? attention(p, "a", x, repeatRows(m, 3), 4) : attention(p, "a", x, m, 4, undefined, 3), readout)) as tf.Scalar;
      tf.dispose(tf.tidy(f)); // creates the weights
      const { value, grads } = tf.variableGrads(f, [x, m, ...p.vars.values()]);
      const out = { value: value.dataSync()[0] as number, grads: [x, m, ...p.vars.values()].map((v) => Array.from(grads[v.name]!.dataSync())) };
      tf.dispose([value, ...Object.values(grads), x, m, readout]);
      p.dispose();
      return out;
    };
    const before = tf.memory().numTensors;
    const [a, b] = [run(false), run(true)];
    expect(Math.abs(a.value - b.value)).toBeLessThanOrEqual(1e-5 * Math.abs(b.value));
    a.grads.forEach((g, i) => {
      const ref = b.grads[i] as number[];
      // The key bias's gradient is zero in exact arithmetic (softmax ignores a shift): a floor of 1e-9.
      const scale = Math.max(...ref.map(Math.abs));
      expect(Math.max(...g.map((x, j) => Math.abs(x - (ref[j] as number)))), `gradient ${i}`).toBeLessThanOrEqual(Math.max(1e-5 * scale, 1e-9));
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
