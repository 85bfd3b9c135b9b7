/**
 * Image captioning: ViT encoder over RGB patches, autoregressive transformer decoder with
 * cross-attention; reward CIDEr-D (the paper's captioning reward).
 */
import * as tf from "@tensorflow/tfjs-core";
import { generateScene, type Scene } from "@/lib/data";
import type { CaptionOutput } from "@/lib/rewards";
import { ParamStore } from "../nn/params";
import { decodeSequences, scoreSequences, type SequenceGrammar } from "../nn/sequence";
import { vitEncode } from "../nn/vit";
import { rgbBatch } from "../images";
import type { Policy } from "../types";
import { CAPTIONING_SIZES, type CaptioningConfig } from "./model";
import { BOS, decodeCaption, encodeCaption, EOS, PAD, VOCAB_SIZE } from "./vocab";

export { CAPTIONING_SIZES, type CaptioningConfig } from "./model";
export { encodeCaption, decodeCaption, VOCAB_SIZE, WORDS } from "./vocab";

/** Token rows (BOS first) of the sampled captions. */
export type CaptionActions = number[][];

/** Logit mask per position: never PAD or BOS; no EOS as the first word. Built once. */
const MASKS = [0, 1].map((first) => {
  const m = new Float32Array(VOCAB_SIZE);
  m[PAD] = -1e9;
  m[BOS] = -1e9;
  if (first === 0) m[EOS] = -1e9;
  return m;
});
/** The caption token grammar: special tokens and the per-position logit mask. */
export const CAPTION_GRAMMAR: SequenceGrammar = { bos: BOS, eos: EOS, pad: PAD, allowedAt: (t) => MASKS[t === 0 ? 0 : 1] as Float32Array };

/** Creates a captioning policy with seeded initial weights. */
export function createCaptioningPolicy(config: CaptioningConfig = CAPTIONING_SIZES.default, seed = 0): Policy<"captioning", CaptionActions> {
  const params = new ParamStore(seed);
  const encoder = (scenes: readonly Scene[]) => () => tf.tidy(() => vitEncode(params, config.vit, rgbBatch(scenes)));

  const policy: Policy<"captioning", CaptionActions> = {
    task: "captioning",
    architecture: { task: "captioning", kind: "vit-transformer-decoder", config: config as unknown as Record<string, unknown> },
    params,
    mleLoss(scenes, rand) {
      // Teacher forcing on one reference caption per image, drawn at random each step.
      const rows = scenes.map((s) => encodeCaption(s.captions[Math.floor(rand() * s.captions.length)] as string).slice(0, config.dec.maxLen));
      return tf.tidy(() => {
        const memory = vitEncode(params, config.vit, rgbBatch(scenes));
        const { logp } = scoreSequences(params, config.dec, memory, rows, CAPTION_GRAMMAR, 1);
        const tokens = rows.reduce((n, r) => n + r.length - 1, 0);
        return tf.div(tf.neg(tf.sum(logp)), tokens) as tf.Scalar;
      });
    },
    async sample(scenes, opts) {
      const greedy = opts.greedy ?? false;
      const { rows: actions, logp, entropy } = await decodeSequences(params, config.dec, encoder(scenes), CAPTION_GRAMMAR, { ...opts, greedy });
      return { actions, outputs: actions.map((a): CaptionOutput => ({ text: decodeCaption(a) })), ...(greedy ? {} : { scores: { logp, entropy } }) };
    },
    async greedy(scenes) {
      const { rows } = await decodeSequences(params, config.dec, encoder(scenes), CAPTION_GRAMMAR, { n: 1, temperature: 1, rand: () => 0, greedy: true });
      return rows.map((a) => ({ text: decodeCaption(a) }));
    },
    score(scenes, actions, { n, temperature }) {
      return tf.tidy(() => scoreSequences(params, config.dec, vitEncode(params, config.vit, rgbBatch(scenes)), actions, CAPTION_GRAMMAR, temperature, n));
    },
    outputSize: (o) => (o.text ? o.text.split(" ").length : 0),
    dispose: () => params.dispose(),
  };
  // Variables are created on first use: run one forward pass so they all exist from the start.
  policy.mleLoss([generateScene(0, { size: config.vit.imageSize })], () => 0).dispose();
  return policy;
}
