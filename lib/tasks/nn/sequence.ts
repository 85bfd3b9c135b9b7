import * as tf from "@tensorflow/tfjs-core";
import { decodeLogits, type DecoderConfig } from "./decoder";
import type { ParamStore } from "./params";
import type { Random } from "./random";
import { padSequences, sampleSequences, type SampledSequences } from "./sampling";

/** Special tokens and the per-position logit mask of a token grammar (captions, box sequences). */
export interface SequenceGrammar {
  bos: number;
  eos: number;
  pad: number;
  /** Additive mask [vocab] (0 / -1e9) for position t (0 = first token after BOS). */
  allowedAt: (t: number) => Float32Array;
}

/**
 * log p(rows | memory) and the entropy of each step's (masked) distribution along the rows,
 * summed per row up to and including EOS: [R] each, with gradient. `memory` [R / repeats, S, D]:
 * each memory row serves `repeats` consecutive rows (n samples of one input). At
 * `temperature` t the distribution is softmax(masked logits / t), the one sampling draws from
 * (required: 1 for teacher forcing, the sampling temperature for REINFORCE).
 * Shared by every encoder-decoder task (captioning, detection).
 */
export function scoreSequences(
  p: ParamStore, cfg: DecoderConfig, memory: tf.Tensor3D, rows: readonly number[][], grammar: SequenceGrammar, temperature: number, repeats = 1,
): { logp: tf.Tensor1D; entropy: tf.Tensor1D } {
  return tf.tidy(() => {
    const { tokens, weights } = padSequences(rows, grammar.pad, cfg.maxLen);
    const [r, t] = tokens.shape;
    const logits = decodeLogits(p, cfg, tf.slice(tokens, [0, 0], [r, t - 1]), memory, repeats);
    const mask = tf.tensor2d(Array.from({ length: t - 1 }, (_, i) => Array.from(grammar.allowedAt(i))));
    const masked = tf.add(logits, mask);
    const logp = tf.logSoftmax(temperature === 1 ? masked : tf.div(masked, temperature));
    const next = tf.reshape(tf.oneHot(tf.reshape(tf.slice(tokens, [0, 1], [r, t - 1]), [-1]), cfg.vocab), [r, t - 1, cfg.vocab]);
    // Entropy of each step's distribution; masked entries contribute 0 * finite.
    const stepEntropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), tf.maximum(logp, -1e4)), -1));
    return {
      logp: tf.sum(tf.mul(tf.sum(tf.mul(logp, next), -1), weights), -1) as tf.Tensor1D,
      entropy: tf.sum(tf.mul(stepEntropy, weights), -1) as tf.Tensor1D,
    };
  });
}

/**
 * Encodes images once and samples (or greedily decodes) n token rows per image, consecutive; the
 * decoder cache projects each image's memory once for its n rows. Disposes the memory it made.
 * `encode` returns [B, S, D].
 */
export async function decodeSequences(
  p: ParamStore, cfg: DecoderConfig, encode: () => tf.Tensor3D, grammar: SequenceGrammar,
  opts: { n: number; temperature: number; rand: Random; greedy: boolean },
): Promise<SampledSequences> {
  const memory = encode();
  try {
    return await sampleSequences(p, cfg, memory, opts.rand, { ...grammar, temperature: opts.temperature, greedy: opts.greedy }, opts.n);
  } finally {
    memory.dispose();
  }
}
