import * as tf from "@tensorflow/tfjs-core";
import { DecoderCache, type DecoderConfig } from "./decoder";
import type { ParamStore } from "./params";
import { drawIndex, type Random } from "./random";

export interface SequenceSamplingOptions {
  temperature: number;
  greedy: boolean;
  bos: number;
  eos: number;
  pad: number;
  /** Additive logit mask [vocab] (0 / -1e9) for position `t` (0 = first token after BOS). */
  allowedAt: (t: number) => Float32Array;
}

/**
 * Autoregressive sampling from the decoder for every row of `memory` [B, S, D] repeated `repeats`
 * times (R = B * repeats rows: N samples per input, consecutive). Returns token rows (BOS first, EOS last when emitted, no
 * padding) and, per emitted token, its probability under the (temperature-scaled, masked)
 * distribution it was drawn from. Each step feeds one token through a key/value cache
 * (DecoderCache), so a step costs one position, not the whole prefix.
 */
export async function sampleSequences(
  p: ParamStore, cfg: DecoderConfig, memory: tf.Tensor3D, rand: Random, opts: SequenceSamplingOptions, repeats = 1,
): Promise<{ rows: number[][]; tokenProbs: number[][] }> {
  const rows = memory.shape[0] * repeats;
  const seqs = Array.from({ length: rows }, () => [opts.bos]);
  const tokenProbs = Array.from({ length: rows }, () => [] as number[]);
  const done = new Array<boolean>(rows).fill(false);
  const cache = new DecoderCache(p, cfg, memory, repeats);
  try {
    for (let t = 0; t < cfg.maxLen - 1 && done.some((d) => !d); t++) {
      const mask = opts.allowedAt(t);
      const probs = tf.tidy(() => {
        const logits = cache.next(tf.tensor1d(seqs.map((s) => s[t] as number), "int32"), t);
        return tf.softmax(tf.div(tf.add(logits, tf.tensor1d(mask)), opts.greedy ? 1 : opts.temperature));
      });
      const data = (await probs.data()) as Float32Array;
      probs.dispose();
      for (let r = 0; r < rows; r++) {
        const seq = seqs[r] as number[];
        if (done[r]) { seq.push(opts.pad); continue; }
        const tok = drawIndex(data, r * cfg.vocab, cfg.vocab, rand, opts.greedy);
        seq.push(tok);
        (tokenProbs[r] as number[]).push(data[r * cfg.vocab + tok] as number);
        if (tok === opts.eos) done[r] = true;
      }
    }
  } finally {
    cache.dispose();
  }
  const trimmed = seqs.map((s) => {
    const end = s.indexOf(opts.pad, 1);
    return end < 0 ? s : s.slice(0, end);
  });
  return { rows: trimmed, tokenProbs: tokenProbs.map((ps, r) => ps.slice(0, (trimmed[r] as number[]).length - 1)) };
}

/**
 * Pads token rows to one length and gives the loss weights for predicting tokens 1..T-1
 * (1 up to and including EOS, 0 after): tokens [R, T] int32, weights [R, T-1].
 */
export function padSequences(seqs: readonly number[][], pad: number, maxLen: number): { tokens: tf.Tensor2D; weights: tf.Tensor2D } {
  const t = Math.min(maxLen, Math.max(2, ...seqs.map((s) => s.length)));
  const tok = new Int32Array(seqs.length * t).fill(pad);
  const w = new Float32Array(seqs.length * (t - 1));
  seqs.forEach((s, r) => {
    for (let i = 0; i < Math.min(s.length, t); i++) tok[r * t + i] = s[i] as number;
    for (let i = 1; i < Math.min(s.length, t); i++) w[r * (t - 1) + i - 1] = 1;
  });
  return { tokens: tf.tensor2d(tok, [seqs.length, t], "int32"), weights: tf.tensor2d(w, [seqs.length, t - 1]) };
}
