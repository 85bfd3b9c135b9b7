/**
 * Object detection, pix2seq-style: ViT encoder over RGB patches, autoregressive transformer
 * decoder emitting 4 quantised coordinates and a class token per object, then EOS. Tuned with
 * the paper's detection reward (class-weighted recall over IoU 0.5:0.95 minus duplicates).
 */
import * as tf from "@tensorflow/tfjs-core";
import { generateScene, type Scene } from "@/lib/data";
import type { Box } from "@/lib/rewards";
import { ParamStore } from "../nn/params";
import { decodeSequences, scoreSequences, type SequenceGrammar } from "../nn/sequence";
import { vitEncode } from "../nn/vit";
import { rgbBatch } from "../images";
import type { Policy } from "../types";
import { DETECTION_SIZES, type DetectionConfig } from "./model";
import { sincos2d } from "./posemb";
import { BOS, decodeBoxes, encodeBoxes, EOS, grammarMask, PAD } from "./vocab";

export { DETECTION_SIZES, type DetectionConfig } from "./model";
export { encodeBoxes, decodeBoxes, grammarMask, vocabSize, maxLength, type BoxCoding } from "./vocab";

/** Token rows (BOS first) of the sampled box lists. */
export type DetectionActions = number[][];

/**
 * A scene's objects in raster order (top to bottom by ymin, then left to right by xmin): the
 * MLE target order. pix2seq prefers a fresh random order each step at scale; with this
 * model's budget a fixed order learns faster (both measured over 2,500 steps, 200 val scenes:
 * AP 0.004 vs 0.001 at step 300, 0.105 vs 0.074 at 1,200, 0.209 vs 0.177 at 2,500) and leaves
 * fewer missing or duplicate boxes (box count error 0.17 vs 0.34).
 */
export function rasterObjects(scene: Scene): { box: Box; categoryId: number }[] {
  return scene.objects
    .map((o) => ({ box: [...o.bbox] as Box, categoryId: o.categoryId }))
    .sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

/**
 * Detection's own start for the encoder input, as big_vision's ViT has it: patch positions as
 * 2-D sin-cos embeddings (still learned) and the patch embedding at LeCun-normal scale
 * (std 1 / sqrt(fan in)) rather than 0.02. Boxes are positions: with 0.02 the pixel content
 * is a tenth of the position signal and the decoder stays at the coordinates' marginal
 * distribution for hundreds of steps (measured: AP 0.0004 vs 0.0023 at step 300).
 */
function initEncoderInput(params: ParamStore, config: DetectionConfig, seed: number): void {
  const grid = config.vit.imageSize / config.vit.patch;
  const embed = params.vars.get("enc/embed/w") as tf.Variable;
  const fanIn = embed.shape[0] as number;
  tf.tidy(() => {
    params.vars.get("enc/pos")?.assign(sincos2d(grid, grid, config.vit.width));
    embed.assign(tf.truncatedNormal(embed.shape, 0, 1 / Math.sqrt(fanIn), "float32", seed * 1009 + 999_983));
  });
}

/** Creates a detection policy with seeded initial weights. */
export function createDetectionPolicy(config: DetectionConfig = DETECTION_SIZES.default, seed = 0): Policy<"detection", DetectionActions> {
  const params = new ParamStore(seed);
  const { coding } = config;
  const masks = Array.from({ length: config.dec.maxLen - 1 }, (_, t) => grammarMask(coding, t));
  const grammar: SequenceGrammar = { bos: BOS, eos: EOS, pad: PAD, allowedAt: (t) => masks[t] as Float32Array };
  const encoder = (scenes: readonly Scene[]) => () => tf.tidy(() => vitEncode(params, config.vit, rgbBatch(scenes)));

  const policy: Policy<"detection", DetectionActions> = {
    task: "detection",
    architecture: { task: "detection", kind: "vit-pix2seq-decoder", config: config as unknown as Record<string, unknown> },
    params,
    mleLoss(scenes) {
      // Teacher forcing on the objects in raster order (see rasterObjects for why not random).
      const rows = scenes.map((s) => encodeBoxes(coding, rasterObjects(s)));
      return tf.tidy(() => {
        const memory = vitEncode(params, config.vit, rgbBatch(scenes));
        const { logp } = scoreSequences(params, config.dec, memory, rows, grammar, 1);
        const tokens = rows.reduce((n, r) => n + r.length - 1, 0);
        return tf.div(tf.neg(tf.sum(logp)), tokens) as tf.Scalar;
      });
    },
    async sample(scenes, opts) {
      const greedy = opts.greedy ?? false;
      const { rows, tokenProbs, logp, entropy } = await decodeSequences(params, config.dec, encoder(scenes), grammar, { ...opts, greedy });
      return { actions: rows, outputs: rows.map((r, i) => decodeBoxes(coding, r, tokenProbs[i])), ...(greedy ? {} : { scores: { logp, entropy } }) };
    },
    async greedy(scenes) {
      const { rows, tokenProbs } = await decodeSequences(params, config.dec, encoder(scenes), grammar, { n: 1, temperature: 1, rand: () => 0, greedy: true });
      return rows.map((r, i) => decodeBoxes(coding, r, tokenProbs[i]));
    },
    score(scenes, actions, { n, temperature }) {
      return tf.tidy(() => scoreSequences(params, config.dec, vitEncode(params, config.vit, rgbBatch(scenes)), actions, grammar, temperature, n));
    },
    outputSize: (o) => o.boxes.length,
    dispose: () => params.dispose(),
  };
  // Variables are created on first use: run one forward pass so they all exist from the start.
  policy.mleLoss([generateScene(0, { size: config.vit.imageSize })], () => 0).dispose();
  initEncoderInput(params, config, seed);
  return policy;
}
