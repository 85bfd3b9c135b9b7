/**
 * Colorization: grey image in, colour image out; reward colourfulness (Hasler & Süsstrunk, the
 * paper's colorization reward) with chroma fidelity as the guardrail. A ViT encoder over grey
 * patches; a linear head per token gives, for each 2x2 pixel block of its patch, logits over
 * (Cb, Cr) chroma bins. Each location's bin is an independent categorical choice; the output
 * is the input luminance with the chosen chroma (color.ts), and log p(output) is the sum over
 * locations. The paper's colorization model is UViM; this is its simplest per-location stand-in.
 */
import * as tf from "@tensorflow/tfjs-core";
import { generateScene, type Scene } from "@/lib/data";
import type { ColorizationOutput } from "@/lib/rewards";
import { grayBatch, repeatRows } from "../images";
import { ParamStore } from "../nn/params";
import { drawIndex } from "../nn/random";
import { vitEncode } from "../nn/vit";
import type { Policy } from "../types";
import { binCount, colouredBlocks, decodeChroma, encodeChroma } from "./color";
import { chromaHead } from "./head";
import { COLORIZATION_SIZES, type ColorizationConfig } from "./model";

export { COLORIZATION_SIZES, type ColorizationConfig } from "./model";
export {
  DEFAULT_CHROMA_GRID, binCount, neutralBin, rgbToChroma, luma, ycbcrToRgb, chromaToBin, binToChroma, encodeChroma, decodeChroma, colouredBlocks,
  type ChromaGrid,
} from "./color";

/** One chroma bin per location (raster order over the (size / block)^2 grid) for each sample. */
export type ColorizationActions = Int32Array[];

/** Creates a colorization policy with seeded initial weights. */
export function createColorizationPolicy(config: ColorizationConfig = COLORIZATION_SIZES.default, seed = 0): Policy<"colorization", ColorizationActions> {
  const { vit, block, grid } = config;
  const size = vit.imageSize;
  const side = size / block;
  const locations = side * side;
  const bins = binCount(grid);
  if (size % vit.patch !== 0 || vit.patch % block !== 0) throw new Error(`colorization: patch ${vit.patch} must divide ${size} and be a multiple of block ${block}`);
  const params = new ParamStore(seed);

  /** Chroma logits of scenes, [B, L, Q] with L = locations in raster order, Q = bins. */
  function chromaLogits(scenes: readonly Scene[]): tf.Tensor3D {
    return tf.tidy(() => chromaHead(params, config, vitEncode(params, vit, grayBatch(scenes))));
  }

  /** Summed log p and entropy over locations of bin rows given logits rows: [R] each. */
  function scoreRows(logits: tf.Tensor3D, rows: readonly Int32Array[]): { logp: tf.Tensor1D; entropy: tf.Tensor1D } {
    return tf.tidy(() => {
      const flat = new Int32Array(rows.length * locations);
      rows.forEach((r, i) => flat.set(r, i * locations));
      // int32 one-hot, then cast: WASM's OneHot with dtype float32 writes integer bit patterns.
      const chosen = tf.cast(tf.oneHot(tf.tensor2d(flat, [rows.length, locations], "int32"), bins), "float32"); // [R, L, Q]
      const logp = tf.logSoftmax(logits);
      return {
        logp: tf.sum(tf.mul(logp, chosen), [1, 2]) as tf.Tensor1D,
        entropy: tf.neg(tf.sum(tf.mul(tf.exp(logp), logp), [1, 2])) as tf.Tensor1D,
      };
    });
  }

  const render = (scene: Scene, row: Int32Array): ColorizationOutput => ({ rgb: decodeChroma(scene.gray, row, size, block, grid) });

  const policy: Policy<"colorization", ColorizationActions> = {
    task: "colorization",
    architecture: { task: "colorization", kind: "vit-chroma-bins", config: config as unknown as Record<string, unknown> },
    params,
    mleLoss(scenes) {
      // Per-location cross-entropy to the bin of each block's mean chroma, averaged.
      const targets = scenes.map((s) => encodeChroma(s.rgb, size, block, grid));
      return tf.tidy(() => tf.div(tf.neg(tf.sum(scoreRows(chromaLogits(scenes), targets).logp)), scenes.length * locations) as tf.Scalar);
    },
    async sample(scenes, opts) {
      // Probabilities at temperature t are read back; JS draws the bins (seeded, backend-independent).
      const probs = tf.tidy(() => tf.softmax(tf.div(chromaLogits(scenes), opts.temperature)));
      let data: Float32Array;
      try {
        data = (await probs.data()) as Float32Array;
      } finally {
        probs.dispose();
      }
      const actions: ColorizationActions = [];
      const outputs: ColorizationOutput[] = [];
      scenes.forEach((scene, b) => {
        for (let k = 0; k < opts.n; k++) {
          const row = new Int32Array(locations);
          for (let l = 0; l < locations; l++) row[l] = drawIndex(data, (b * locations + l) * bins, bins, opts.rand, opts.greedy ?? false);
          actions.push(row);
          outputs.push(render(scene, row));
        }
      });
      return { actions, outputs };
    },
    async greedy(scenes) {
      const best = tf.tidy(() => tf.argMax(chromaLogits(scenes), -1));
      let data: Int32Array;
      try {
        data = (await best.data()) as Int32Array;
      } finally {
        best.dispose();
      }
      return scenes.map((scene, b) => render(scene, data.slice(b * locations, (b + 1) * locations)));
    },
    score(scenes, actions, { n, temperature }) {
      return tf.tidy(() => scoreRows(tf.div(repeatRows(chromaLogits(scenes), n), temperature), actions));
    },
    outputSize: (o) => colouredBlocks(o.rgb, size, block),
    dispose: () => params.dispose(),
  };
  // Variables are created on first use: run one forward pass so they all exist from the start.
  policy.mleLoss([generateScene(0, { size })], () => 0).dispose();
  return policy;
}
