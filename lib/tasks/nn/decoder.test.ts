import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { DecoderCache, decodeLogits, type DecoderConfig } from "./decoder";
import { ParamStore } from "./params";
import { createRandom } from "./random";

beforeAll(useWasmBackend);

const cfg: DecoderConfig = { vocab: 13, maxLen: 9, width: 16, depth: 2, heads: 4, mlp: 32 };

describe("DecoderCache (incremental decoding)", () => {
  it("gives at every position the logits of re-running the whole prefix, and leaks nothing", async () => {
    const p = new ParamStore(3);
    const rand = createRandom(5);
    const rows = 3;
    const tokens = Array.from({ length: rows }, () => Array.from({ length: cfg.maxLen }, () => Math.floor(rand() * cfg.vocab)));
    const memory = tf.randomNormal([rows, 6, cfg.width], 0, 1, "float32", 7) as tf.Tensor3D;
    // Create every variable, then give them non-trivial values (the 0.02 init makes logits tiny).
    tf.tidy(() => decodeLogits(p, cfg, tf.tensor2d(tokens, [rows, cfg.maxLen], "int32"), memory));
    let seed = 11;
    for (const v of p.vars.values()) v.assign(tf.tidy(() => tf.randomNormal(v.shape, 0, 0.5, "float32", seed++)));
    const full = await tf.tidy(() => decodeLogits(p, cfg, tf.tensor2d(tokens, [rows, cfg.maxLen], "int32"), memory)).array();
    const before = tf.memory().numTensors;
    const cache = new DecoderCache(p, cfg, memory);
    for (let t = 0; t < cfg.maxLen; t++) {
      const fed = tf.tensor1d(tokens.map((r) => r[t] as number), "int32");
      const step = cache.next(fed, t);
      const got = await step.array();
      step.dispose();
      fed.dispose();
      for (let r = 0; r < rows; r++) {
        const want = (full[r] as number[][])[t] as number[];
        (got[r] as number[]).forEach((v, k) => expect(Math.abs(v - (want[k] as number))).toBeLessThan(1e-4 * (1 + Math.abs(want[k] as number))));
        expect(Math.max(...want.map(Math.abs))).toBeGreaterThan(0.5); // logits worth comparing
      }
    }
    cache.dispose();
    expect(tf.memory().numTensors - before).toBe(0);
    memory.dispose();
    p.dispose();
  });
});
