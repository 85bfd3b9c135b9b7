import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { sincos2d } from "./posemb";

beforeAll(useWasmBackend);

describe("sincos2d", () => {
  it("lays out sin x, cos x, sin y, cos y per patch in raster order (big_vision posemb_sincos_2d)", async () => {
    const before = tf.memory().numTensors;
    const pe = sincos2d(2, 3, 8); // q = 2 frequencies: 1 and 1 / 10000
    expect(pe.shape).toEqual([1, 6, 8]);
    const v = (await pe.array())[0]!;
    pe.dispose();
    expect(v[0]).toEqual([0, 0, 1, 1, 0, 0, 1, 1]); // patch (y 0, x 0)
    const p = v[5]!; // patch (y 1, x 2)
    const expected = [Math.sin(2), Math.sin(2e-4), Math.cos(2), Math.cos(2e-4), Math.sin(1), Math.sin(1e-4), Math.cos(1), Math.cos(1e-4)];
    p.forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 6));
    expect(tf.memory().numTensors).toBe(before);
  });

  it("rejects a width that is not a multiple of 4", () => {
    expect(() => sincos2d(2, 2, 6)).toThrow(/multiple of 4/);
  });
});
