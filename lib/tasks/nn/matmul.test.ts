import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { sumRows, transpose2d } from "./matmul";

beforeAll(useWasmBackend);

describe("row-blocked transpose and column sums (WASM)", () => {
  // 256 rows stay one kernel; 384, 512 and 2048 go through blocks of 128; 600 is no multiple.
  it.each([[256, 64], [384, 5], [512, 64], [2048, 3], [600, 64]])("[%i, %i]", (r, c) => {
    tf.tidy(() => {
      const x = tf.randomNormal([r, c], 0, 1, "float32", r + c);
      expect(Array.from(transpose2d(x).dataSync())).toEqual(Array.from(tf.transpose(x).dataSync()));
      expect(transpose2d(x).shape).toEqual([c, r]);
      const sums = sumRows(x).dataSync();
      const ref = tf.sum(x, 0).dataSync();
      expect(sumRows(x).shape).toEqual([c]);
      for (let j = 0; j < c; j++) expect(Math.abs((sums[j] as number) - (ref[j] as number))).toBeLessThanOrEqual(1e-4 * Math.sqrt(r));
      // Leading axes of any rank are summed alike.
      expect(Array.from(sumRows(tf.reshape(x, [r / 8, 8, c])).dataSync())).toEqual(Array.from(sums));
    });
  });
});
