/**
 * The ops the models are built from, checked one by one, forward and gradient, so a backend
 * that disagrees is caught at the op that does. Each case uses the project's own building blocks
 * (lib/tasks/nn), with seeded inputs drawn in JS (identical on every backend) at the scales the
 * trained models see (logits of ±10, GELU inputs past ±10, grammar masks of -1e9).
 */
import * as tf from "@tensorflow/tfjs-core";
import { CAPTION_GRAMMAR, CAPTION_VOCAB_SIZE, DETECTION_SIZES, grammarMask, maxLength, ParamStore, createRandom, vocabSize, nn } from "@/lib/tasks";
import { sumAll } from "../grads";
import type { ConformanceCase, Outputs } from "./types";

/** Op-level float32 tolerance: rtol 1e-4 plus 1e-5 of the output's largest magnitude (at least 1e-7). */
export const OP_TOLERANCE = { rtol: 1e-4, atol: 1e-5, floor: 1e-7 };

/** Seeded values in [lo, hi), the same on every backend. */
function values(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  const rand = createRandom(seed);
  return Float32Array.from({ length: n }, () => lo + (hi - lo) * rand());
}

interface InputSpec {
  shape: number[];
  lo?: number;
  hi?: number;
}

/**
 * A case from a function of named float inputs (and the parameters it creates in `p`): outputs
 * are the forward value and the gradient of sum(f * dy) for a fixed seeded dy with respect to
 * every input and parameter ("d/x", "d/ln/g", ...).
 */
function opCase(id: string, what: string, inputs: Record<string, InputSpec>, f: (x: Record<string, tf.Tensor>, p: ParamStore) => tf.Tensor): ConformanceCase {
  return {
    id, kind: "op", what, tolerance: OP_TOLERANCE,
    async compute() {
      const p = new ParamStore(7);
      const x: Record<string, tf.Variable> = {};
      let seed = 11;
      for (const [name, s] of Object.entries(inputs)) {
        const init = tf.tensor(values(s.shape.reduce((a, b) => a * b, 1), seed++, s.lo, s.hi), s.shape);
        x[name] = tf.variable(init);
        init.dispose();
      }
      try {
        const forward = tf.tidy(() => f(x, p)); // creates the parameters on first use
        const dy = tf.tensor(values(forward.size, 99), forward.shape);
        const vars: [string, tf.Variable][] = [...Object.entries(x), ...[...p.vars].map(([k, v]): [string, tf.Variable] => [k, v])];
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(f(x, p), dy)) as tf.Scalar, vars.map(([, v]) => v));
        const out: Outputs = { forward: (await forward.data()) as Float32Array };
        for (const [name, v] of vars) out[`d/${name}`] = (await (grads[v.name] as tf.Tensor).data()) as Float32Array;
        for (const t of [forward, dy, value, ...Object.values(grads)]) t.dispose();
        return out;
      } finally {
        for (const v of Object.values(x)) v.dispose();
        p.dispose();
      }
    },
  };
}

/** The additive grammar masks of a token sequence [T, V] (0 allowed, -1e9 not). */
function maskTensor(allowedAt: (t: number) => Float32Array, t: number): tf.Tensor2D {
  return tf.tensor2d(Array.from({ length: t }, (_, i) => Array.from(allowedAt(i))));
}

/** The tail of sequence scoring: log p of chosen tokens and the step entropies, as scoreSequences computes them. */
function sequenceTail(logits: tf.Tensor, mask: tf.Tensor2D, tokens: number[][], vocab: number, temperature: number): tf.Tensor {
  const logp = tf.logSoftmax(tf.div(tf.add(logits, mask), temperature));
  const next = tf.oneHot(tf.tensor2d(tokens, undefined, "int32"), vocab);
  const chosen = tf.sum(tf.mul(logp, next), -1);
  const entropy = tf.neg(tf.sum(tf.mul(tf.exp(logp), tf.maximum(logp, -1e4)), -1));
  return tf.stack([chosen, entropy]);
}

/** Tokens allowed by a grammar at each position, drawn with a seeded generator: [R][T]. */
function allowedTokens(allowedAt: (t: number) => Float32Array, rows: number, t: number, seed: number): number[][] {
  const rand = createRandom(seed);
  return Array.from({ length: rows }, () => Array.from({ length: t }, (_, i) => {
    const ok = [...allowedAt(i)].flatMap((m, k) => (m === 0 ? [k] : []));
    return ok[Math.floor(rand() * ok.length)] as number;
  }));
}

const CAP_V = CAPTION_VOCAB_SIZE;
const DET = DETECTION_SIZES.default.coding;
const DET_V = vocabSize(DET);
const DET_T = Math.min(12, maxLength(DET) - 1);
const detAllowed = (t: number) => grammarMask(DET, t);

export const OP_CASES: ConformanceCase[] = [
  opCase("matmul", "matMul [6,5]x[5,7] (the BatchMatMul gradient of lib/training/matmul-grad.ts)", { a: { shape: [6, 5] }, b: { shape: [5, 7] } }, (x) => tf.matMul(x.a!, x.b!)),
  opCase("matmul-batched", "batched matMul [2,3,4,8]x[2,3,8,5] (attention scores and values)", { a: { shape: [2, 3, 4, 8] }, b: { shape: [2, 3, 8, 5] } }, (x) => tf.matMul(x.a!, x.b!)),
  opCase("matmul-transposed", "matMul with transposed operands (the stock gradient's form)", { a: { shape: [5, 6] }, b: { shape: [7, 5] } }, (x) => tf.matMul(x.a!, x.b!, true, true)),
  opCase("linear", "linear: x W + b", { x: { shape: [3, 4, 16] } }, (x, p) => nn.linear(p, "lin", x.x!, 12)),
  opCase("layernorm", "LayerNorm over the last axis (moments, rsqrt)", { x: { shape: [3, 5, 16], lo: -3, hi: 5 } }, (x, p) => nn.layerNorm(p, "ln", x.x!)),
  opCase("gelu", "GELU (tanh form) on inputs in ±12", { x: { shape: [4, 64], lo: -12, hi: 12 } }, (x) => nn.gelu(x.x!)),
  opCase("softmax-causal", "softmax of scores with the causal mask (-1e9 above the diagonal)", { s: { shape: [2, 2, 6, 6], lo: -8, hi: 8 } }, (x) => tf.softmax(tf.add(x.s!, nn.causalMask(6)))),
  opCase("attention-self", "multi-head causal self-attention (2 heads)", { x: { shape: [2, 5, 16] } }, (x, p) => nn.attention(p, "att", x.x!, x.x!, 2, nn.causalMask(5))),
  opCase("attention-cross", "multi-head cross-attention over a memory (2 heads)", { x: { shape: [2, 4, 16] }, m: { shape: [2, 9, 16] } }, (x, p) => nn.attention(p, "att", x.x!, x.m!, 2)),
  opCase("embedding", "token gather as a one-hot matMul (the decoder's embedding; no scatter in its gradient)", { e: { shape: [CAP_V, 8] } }, (x) => tf.matMul(tf.cast(tf.oneHot(tf.tensor1d(allowedTokens(CAPTION_GRAMMAR.allowedAt, 1, 10, 5)[0]!, "int32"), CAP_V), "float32"), x.e!)),
  opCase("masked-log-softmax-caption", "log-softmax of logits (±10) plus the captioning grammar mask", { l: { shape: [3, 6, CAP_V], lo: -10, hi: 10 } }, (x) => tf.logSoftmax(tf.add(x.l!, maskTensor(CAPTION_GRAMMAR.allowedAt, 6)))),
  opCase("masked-softmax-detection", "softmax at t 0.7 of logits plus the pix2seq grammar mask (sampling's distribution)", { l: { shape: [3, DET_T, DET_V], lo: -10, hi: 10 } }, (x) => tf.softmax(tf.div(tf.add(x.l!, maskTensor(detAllowed, DET_T)), 0.7))),
  opCase("sequence-logp-caption", "chosen-token log p and masked step entropy (captioning grammar, t 1)", { l: { shape: [3, 6, CAP_V], lo: -10, hi: 10 } }, (x) => sequenceTail(x.l!, maskTensor(CAPTION_GRAMMAR.allowedAt, 6), allowedTokens(CAPTION_GRAMMAR.allowedAt, 3, 6, 3), CAP_V, 1)),
  opCase("sequence-logp-detection", "chosen-token log p and masked step entropy (pix2seq grammar, t 0.5)", { l: { shape: [2, DET_T, DET_V], lo: -10, hi: 10 } }, (x) => sequenceTail(x.l!, maskTensor(detAllowed, DET_T), allowedTokens(detAllowed, 2, DET_T, 4), DET_V, 0.5)),
  opCase("concat-slice", "concat and slice along the last axis (panoptic regions)", { a: { shape: [2, 5, 3] }, b: { shape: [2, 5, 4] } }, (x) => tf.slice(tf.concat([x.a!, x.b!], -1), [0, 1, 2], [2, 3, 4])),
  opCase("global-norm-sum", "sum of squares over 40 gradients, as the global gradient norm adds them (more inputs than a WebGPU shader may bind)",
    Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`g${i}`, { shape: [3, 2] }])), (x) => sumAll(Object.values(x).map((g) => tf.sum(tf.square(g))))),
];
