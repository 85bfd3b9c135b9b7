import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { repeatRows } from "./images";

beforeAll(useWasmBackend);

describe("repeatRows", () => {
  it("repeats each row n times consecutively, keeping -Infinity and the dtype", async () => {
    const x = tf.tensor2d([[1, -Infinity], [3, 4]]);
    expect(await repeatRows(x, 3).array()).toEqual([[1, -Infinity], [1, -Infinity], [1, -Infinity], [3, 4], [3, 4], [3, 4]]);
    const ints = tf.tensor1d([7, 8], "int32");
    const r = repeatRows(ints, 2);
    expect(r.dtype).toBe("int32");
    expect(Array.from(await r.data())).toEqual([7, 7, 8, 8]);
  });

  it("passes back the gradient summed over the copies", async () => {
    const x = tf.tensor2d([[1, 2], [3, 4]]);
    const w = tf.tensor2d([[1, 10], [2, 20], [3, 30], [4, 40]]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(tf.mul(repeatRows(v as tf.Tensor2D, 2), w)))(x);
    expect(await g.array()).toEqual([[3, 30], [7, 70]]);
  });
});
