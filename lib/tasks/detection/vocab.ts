/**
 * pix2seq-style box tokens (Chen et al., "Pix2seq", ICLR 2022): each object is 4 quantised
 * coordinates in the order ymin, xmin, ymax, xmax, then its class token; EOS ends the list.
 * Vocabulary: PAD, BOS, EOS, `bins` coordinate tokens, one token per thing class.
 * With a 32-pixel image and 33 bins a coordinate token is an integer pixel position 0..32, so
 * ShapeWorld's integer boxes round-trip exactly.
 */
import { THING_CATEGORIES } from "@/lib/data";
import type { Box, DetectionOutput } from "@/lib/rewards";

export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
const COORD0 = 3;
/** Thing category ids (1..6) in class-token order. */
export const CLASS_IDS: readonly number[] = THING_CATEGORIES.map((c) => c.id);
/** Tokens per object: ymin, xmin, ymax, xmax, class. */
export const TOKENS_PER_OBJECT = 5;

/** Quantisation of one image size: `bins` coordinate tokens spanning 0..imageSize. */
export interface BoxCoding {
  imageSize: number;
  bins: number;
  /** Most objects one sequence holds (ShapeWorld draws at most 4). */
  maxObjects: number;
}

export const vocabSize = (c: BoxCoding): number => COORD0 + c.bins + CLASS_IDS.length;
/** BOS + maxObjects x 5 tokens + EOS. */
export const maxLength = (c: BoxCoding): number => 1 + TOKENS_PER_OBJECT * c.maxObjects + 1;

const classToken = (c: BoxCoding, categoryId: number): number => {
  const k = CLASS_IDS.indexOf(categoryId);
  if (k < 0) throw new Error(`detection: category ${categoryId} is not a thing class (${CLASS_IDS.join(", ")})`);
  return COORD0 + c.bins + k;
};
const coordToken = (c: BoxCoding, v: number): number =>
  COORD0 + Math.min(c.bins - 1, Math.max(0, Math.round((v / c.imageSize) * (c.bins - 1))));
const coordValue = (c: BoxCoding, token: number): number => ((token - COORD0) * c.imageSize) / (c.bins - 1);
const isCoord = (c: BoxCoding, t: number): boolean => t >= COORD0 && t < COORD0 + c.bins;
const isClass = (c: BoxCoding, t: number): boolean => t >= COORD0 + c.bins && t < vocabSize(c);

/** Boxes (COCO [x, y, w, h]) in the given order -> [BOS, (ymin xmin ymax xmax class)..., EOS]. */
export function encodeBoxes(c: BoxCoding, boxes: readonly { box: Box; categoryId: number }[]): number[] {
  const tokens = [BOS];
  for (const { box: [x, y, w, h], categoryId } of boxes.slice(0, c.maxObjects)) {
    tokens.push(coordToken(c, y), coordToken(c, x), coordToken(c, y + h), coordToken(c, x + w), classToken(c, categoryId));
  }
  tokens.push(EOS);
  return tokens;
}

/**
 * Token row (BOS first) -> boxes, up to EOS. `probs[i]` is the probability of token i + 1 (as
 * `sampleSequences` reports them); a box's score is its class token's probability. An
 * incomplete or ill-formed group ends the list. Inverted corners give w or h = 0.
 */
export function decodeBoxes(c: BoxCoding, tokens: readonly number[], probs?: readonly number[]): DetectionOutput {
  const boxes: { box: Box; categoryId: number; score?: number }[] = [];
  for (let i = 1; i + TOKENS_PER_OBJECT <= tokens.length; i += TOKENS_PER_OBJECT) {
    const g = tokens.slice(i, i + TOKENS_PER_OBJECT);
    const cls = g[4] as number;
    if (!g.slice(0, 4).every((t) => isCoord(c, t)) || !isClass(c, cls)) break;
    const [ymin, xmin, ymax, xmax] = g.slice(0, 4).map((t) => coordValue(c, t)) as [number, number, number, number];
    const box: Box = [xmin, ymin, Math.max(0, xmax - xmin), Math.max(0, ymax - ymin)];
    const categoryId = CLASS_IDS[cls - COORD0 - c.bins] as number;
    const score = probs?.[i + 3];
    boxes.push(score === undefined ? { box, categoryId } : { box, categoryId, score });
  }
  return { boxes };
}

/**
 * The grammar as an additive logit mask [vocab] (0 allowed, -1e9 not) for position `t`
 * (0 = first token after BOS): positions 5k..5k+3 take coordinates, 5k + 4 a class; EOS only
 * between objects (t = 5k), and forced once `maxObjects` objects are out. PAD and BOS never.
 */
export function grammarMask(c: BoxCoding, t: number): Float32Array {
  const m = new Float32Array(vocabSize(c)).fill(-1e9);
  const slot = t % TOKENS_PER_OBJECT;
  if (t >= TOKENS_PER_OBJECT * c.maxObjects) {
    m[EOS] = 0;
  } else if (slot === 4) {
    for (let k = 0; k < CLASS_IDS.length; k++) m[COORD0 + c.bins + k] = 0;
  } else {
    for (let k = 0; k < c.bins; k++) m[COORD0 + k] = 0;
    if (slot === 0) m[EOS] = 0;
  }
  return m;
}
