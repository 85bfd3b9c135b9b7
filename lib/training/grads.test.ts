import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { gradientStep } from "./grads";

beforeAll(useWasmBackend);

const bytes = async (v: tf.Variable) => Array.from(new Uint8Array(((await v.data()) as Float32Array).slice().buffer));

describe("gradientStep", () => {
  it.each([
    // sum(log v) at v = [0, 1]: loss -Inf.
    ["non-finite loss", (v: tf.Variable) => tf.sum(tf.log(v)) as tf.Scalar],
    // sum(sqrt v) at v = [0, 1]: loss 1 (finite), d/dv sqrt(v) = 1 / (2 sqrt v) = Inf at 0.
    ["non-finite gradient norm", (v: tf.Variable) => tf.sum(tf.sqrt(v)) as tf.Scalar],
  ])("skips on a %s, leaving the weights bit-identical and the optimizer unstepped", async (reason, loss) => {
    const v = tf.variable(tf.tensor1d([0, 1]));
    const opt = tf.train.adam(0.1);
    const before = await bytes(v);
    const n = tf.memory().numTensors;
    const r = await gradientStep(opt, () => loss(v), [v], 1);
    expect(r.skipped).toBe(reason);
    expect(await bytes(v)).toEqual(before);
    expect(tf.memory().numTensors).toBe(n);
    // Adam never stepped: no moment slots, iteration count 0.
    const [iter, ...slots] = await opt.getWeights();
    expect(slots).toHaveLength(0);
    expect(Array.from(await iter!.tensor.data())).toEqual([0]);
    iter!.tensor.dispose();
    opt.dispose();
    v.dispose();
  });

  it("applies a finite update, clipped to the global norm", async () => {
    // loss = 3 a + 4 b: gradient [3, 4], norm 5; clipped to 1 -> [0.6, 0.8]; SGD lr 1 subtracts it.
    const v = tf.variable(tf.tensor1d([1, 1]));
    const opt = tf.train.sgd(1);
    const r = await gradientStep(opt, () => tf.sum(tf.mul(v, tf.tensor1d([3, 4]))) as tf.Scalar, [v], 1);
    expect(r).toEqual({ loss: 7, gradNorm: 5 });
    const after = Array.from(await v.data());
    expect(after[0]).toBeCloseTo(0.4, 6);
    expect(after[1]).toBeCloseTo(0.2, 6);
    opt.dispose();
    v.dispose();
  });
});
