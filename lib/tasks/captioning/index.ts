/**
 * Image captioning: ViT encoder over RGB patches, autoregressive transformer decoder with
 * cross-attention; reward CIDEr-D (the paper's captioning reward).
 */
import * as tf from "@tensorflow/tfjs-core";
import { generateScene, type Scene } from "@/lib/data";
import type { CaptionOutput } from "@/lib/rewards";
import { decodeLogits } from "../nn/decoder";
import { ParamStore } from "../nn/params";
import { padSequences, sampleSequences } from "../nn/sampling";
import { vitEncode } from "../nn/vit";
import { repeatRows, rgbBatch } from "../images";
import type { Policy, SampleOptions } from "../types";
import { CAPTIONING_SIZES, type CaptioningConfig } from "./model";
import { BOS, decodeCaption, encodeCaption, EOS, PAD, VOCAB_SIZE } from "./vocab";

export { CAPTIONING_SIZES, type CaptioningConfig } from "./model";
export { encodeCaption, decodeCaption, VOCAB_SIZE, WORDS } from "./vocab";

/** Token rows (BOS first) of the sampled captions. */
export type CaptionActions = number[][];

/** Logit mask per position: never PAD or BOS; no EOS as the first word. */
function allowedAt(t: number): Float32Array {
  const m = new Float32Array(VOCAB_SIZE);
  m[PAD] = -1e9;
  m[BOS] = -1e9;
  if (t === 0) m[EOS] = -1e9;
  return m;
}

/** Creates a captioning policy with seeded initial weights. */
export function createCaptioningPolicy(config: CaptioningConfig = CAPTIONING_SIZES.default, seed = 0): Policy<"captioning", CaptionActions> {
  const params = new ParamStore(seed);
  const encode = (scenes: readonly Scene[]) => tf.tidy(() => vitEncode(params, config.vit, rgbBatch(scenes)));

  /** log p and entropy of token rows given memory rows, [R] each. */
  function scoreRows(memory: tf.Tensor3D, rows: readonly number[][]): { logp: tf.Tensor1D; entropy: tf.Tensor1D } {
    return tf.tidy(() => {
      const { tokens, weights } = padSequences(rows, PAD, config.dec.maxLen);
      const [r, t] = tokens.shape;
      const logits = decodeLogits(params, config.dec, tf.slice(tokens, [0, 0], [r, t - 1]), memory);
      const masks = tf.tensor2d(Array.from({ length: t - 1 }, (_, i) => Array.from(allowedAt(i))));
      const logp = tf.logSoftmax(tf.add(logits, masks));
      const next = tf.reshape(tf.oneHot(tf.reshape(tf.slice(tokens, [0, 1], [r, t - 1]), [-1]), VOCAB_SIZE), [r, t - 1, VOCAB_SIZE]);
      // Entropy of each step's distribution; masked entries contribute 0 * finite.
      const stepEntropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), tf.maximum(logp, -1e4)), -1));
      return {
        logp: tf.sum(tf.mul(tf.sum(tf.mul(logp, next), -1), weights), -1) as tf.Tensor1D,
        entropy: tf.sum(tf.mul(stepEntropy, weights), -1) as tf.Tensor1D,
      };
    });
  }

  async function decode(scenes: readonly Scene[], opts: SampleOptions & { greedy: boolean }): Promise<number[][]> {
    const memory = encode(scenes);
    const rows = opts.n === 1 ? memory : repeatRows(memory, opts.n);
    try {
      const sampled = await sampleSequences(params, config.dec, rows, opts.rand, {
        temperature: opts.temperature, greedy: opts.greedy, bos: BOS, eos: EOS, pad: PAD, allowedAt,
      });
      return sampled.rows;
    } finally {
      memory.dispose();
      if (rows !== memory) rows.dispose();
    }
  }

  const policy: Policy<"captioning", CaptionActions> = {
    task: "captioning",
    architecture: { task: "captioning", kind: "vit-transformer-decoder", config: config as unknown as Record<string, unknown> },
    params,
    mleLoss(scenes, rand) {
      // Teacher forcing on one reference caption per image, drawn at random each step.
      const rows = scenes.map((s) => encodeCaption(s.captions[Math.floor(rand() * s.captions.length)] as string).slice(0, config.dec.maxLen));
      return tf.tidy(() => {
        const memory = vitEncode(params, config.vit, rgbBatch(scenes));
        const { logp } = scoreRows(memory, rows);
        const tokens = rows.reduce((n, r) => n + r.length - 1, 0);
        return tf.div(tf.neg(tf.sum(logp)), tokens) as tf.Scalar;
      });
    },
    async sample(scenes, opts) {
      const actions = await decode(scenes, { ...opts, greedy: false });
      return { actions, outputs: actions.map((a): CaptionOutput => ({ text: decodeCaption(a) })) };
    },
    async greedy(scenes) {
      const rows = await decode(scenes, { n: 1, temperature: 1, rand: () => 0, greedy: true });
      return rows.map((a) => ({ text: decodeCaption(a) }));
    },
    score(scenes, actions, n) {
      return tf.tidy(() => scoreRows(repeatRows(vitEncode(params, config.vit, rgbBatch(scenes)), n), actions));
    },
    outputSize: (o) => (o.text ? o.text.split(" ").length : 0),
    dispose: () => params.dispose(),
  };
  // Variables are created on first use: run one forward pass so they all exist from the start.
  tf.tidy(() => policy.mleLoss([generateScene(0, { size: config.vit.imageSize })], () => 0));
  return policy;
}
