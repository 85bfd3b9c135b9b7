import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";

beforeAll(useWasmBackend);

describe("WASM Identity shares the buffer under a reference count", () => {
  it("a clone keeps its values after the original is disposed, and frees the buffer when it goes", () => {
    const backend = tf.engine().backend as unknown as { numDataIds(): number };
    const buffers = backend.numDataIds();
    const x = tf.tensor2d([[1, 2], [3, -4]]);
    const y = tf.clone(x);
    expect(backend.numDataIds()).toBe(buffers + 1); // one buffer, two tensors
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3, -4]);
    y.dispose();
    expect(backend.numDataIds()).toBe(buffers);
  });

  it("tensors saved for the backward pass give the same gradients, and nothing leaks", () => {
    const before = tf.memory().numTensors;
    const v = tf.tidy(() => tf.variable(tf.randomNormal([3, 4], 0, 1, "float32", 1)));
    const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(tf.exp(v), tf.sigmoid(v))) as tf.Scalar, [v]);
    const ref = tf.tidy(() => tf.add(tf.mul(tf.exp(v), tf.sigmoid(v)), tf.mul(tf.exp(v), tf.mul(tf.sigmoid(v), tf.sub(1, tf.sigmoid(v))))));
    const g = grads[v.name]!.dataSync();
    ref.dataSync().forEach((r, i) => expect(Math.abs((g[i] as number) - r)).toBeLessThanOrEqual(1e-5 * Math.abs(r) + 1e-7));
    tf.dispose([value, ref, ...Object.values(grads), v]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it("strings keep the stock kernel", () => {
    const s = tf.tensor1d(["a", "bc"], "string");
    const c = tf.clone(s);
    s.dispose();
    expect(c.dataSync()).toEqual(["a", "bc"]);
    c.dispose();
  });
});
