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
 * distribution it was drawn from, and per row the sum of their logs (log p) and of each step's
 * entropy: what `scoreSequences` computes for the same rows at the same temperature, from the
 * distributions sampling reads back anyway, so a trainer need not score its samples again. (In
 * greedy mode the distributions are at t = 1.) Each step feeds one token through a key/value
 * cache (DecoderCache), so a step costs one position, not the whole prefix.
 */
export async function sampleSequences(
  p: ParamStore, cfg: DecoderConfig, memory: tf.Tensor3D, rand: Random, opts: SequenceSamplingOptions, repeats = 1,
): Promise<SampledSequences> {
  const rows = memory.shape[0] * repeats;
  const seqs = Array.from({ length: rows }, () => [opts.bos]);
  const tokenProbs = Array.from({ length: rows }, () => [] as number[]);
  const done = new Array<boolean>(rows).fill(false);
  const logp = new Float64Array(rows);
  const entropy = new Float64Array(rows);
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
        const pTok = data[r * cfg.vocab + tok] as number;
        (tokenProbs[r] as number[]).push(pTok);
        logp[r] = (logp[r] as number) + Math.log(pTok);
        entropy[r] = (entropy[r] as number) + stepEntropy(data, r * cfg.vocab, cfg.vocab);
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
  return {
    rows: trimmed, tokenProbs: tokenProbs.map((ps, r) => ps.slice(0, (trimmed[r] as number[]).length - 1)),
    logp: Float32Array.from(logp), entropy: Float32Array.from(entropy),
  };
}

export interface SampledSequences {
  rows: number[][];
  tokenProbs: number[][];
  /** Per row: log p of its tokens and the summed entropy of the distributions they were drawn from. */
  logp: Float32Array;
  entropy: Float32Array;
}

/** -sum p log p over one row of probabilities (masked entries are exactly 0 and add nothing). */
function stepEntropy(p: Float32Array, offset: number, n: number): number {
  let h = 0;
  for (let k = offset; k < offset + n; k++) {
    const v = p[k] as number;
    if (v > 0) h -= v * Math.log(v);
  }
  return h;
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
