/**
 * BLEU-1..4 exactly as pycocoevalcap computes it (`bleu/bleu_scorer.py` of tylin/coco-caption
 * master, also shipped as salaniz/pycocoevalcap; `bleu/bleu.py` calls it with
 * `option='closest'`). Papineni et al. 2002 with that tool's quirks kept on purpose:
 * - the effective reference length is the "closest" one, ties going to the shorter reference;
 * - precisions are smoothed as (correct + 1e-15) / (guess + 1e-9), so an order with no
 *   guesses contributes 1e-6 instead of dividing by zero;
 * - the corpus score pools counts over images (not a mean of per-image scores), while the
 *   per-image score applies the same formula to one image's counts.
 */
import { corpusImageIds, type CaptionCorpus } from "./caption-corpus";
import { MAX_ORDER, ngramCounts, tokenize } from "./ngrams";

/** BLEU-1..4, each the geometric mean of the 1..n-gram precisions times the brevity penalty. */
export interface BleuScores {
  Bleu_1: number;
  Bleu_2: number;
  Bleu_3: number;
  Bleu_4: number;
}

// bleu_scorer.py compute_score: `tiny` keeps a zero match count from zeroing the product,
// `small` keeps a zero guess count from dividing by zero.
const TINY = 1e-15;
const SMALL = 1e-9;

/** One image's counts: `cook_test`'s result with the closest reference length resolved. */
interface BleuCounts {
  testLen: number;
  refLen: number;
  /** guess[k]: number of (k+1)-grams in the candidate */
  guess: number[];
  /** correct[k]: candidate (k+1)-grams clipped by their largest count in any one reference */
  correct: number[];
}

/** cook_refs + cook_test for one image. */
function imageCounts(candidate: string, references: readonly string[]): BleuCounts {
  const tokens = tokenize(candidate);
  const testLen = tokens.length;
  // cook_refs: each n-gram's largest count in any one reference (n-gram keys carry their order).
  const maxRefCounts = new Map<string, number>();
  // _single_reflen "closest": min over (|l - testlen|, l) tuples, so a tie in distance
  // resolves to the shorter reference.
  let refLen = Number.NaN;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ref of references) {
    const refTokens = tokenize(ref);
    const l = refTokens.length;
    const distance = Math.abs(l - testLen);
    if (distance < bestDistance || (distance === bestDistance && l < refLen)) {
      bestDistance = distance;
      refLen = l;
    }
    const { grams, counts } = ngramCounts(refTokens);
    for (let i = 0; i < grams.length; i++) {
      const seen = maxRefCounts.get(grams[i]!);
      if (seen === undefined || counts[i]! > seen) maxRefCounts.set(grams[i]!, counts[i]!);
    }
  }
  const cand = ngramCounts(tokens);
  const guess: number[] = [];
  const correct: number[] = [];
  for (let k = 0, i = 0; k < MAX_ORDER; k++) {
    guess.push(Math.max(0, testLen - k));
    let hits = 0;
    for (; i < cand.orderEnds[k]!; i++) hits += Math.min(maxRefCounts.get(cand.grams[i]!) ?? 0, cand.counts[i]!);
    correct.push(hits);
  }
  return { testLen, refLen, guess, correct };
}

/**
 * compute_score's formula, used by pycocoevalcap both per image and on pooled counts:
 * BLEU-n = (prod_{k<=n} (c_k + tiny) / (g_k + small))^(1/n) * BP, where
 * BP = exp(1 - 1/ratio) when ratio = (testlen + tiny) / (reflen + small) < 1, else 1.
 */
function scoresFromCounts(c: BleuCounts): BleuScores {
  const out: number[] = [];
  let product = 1;
  for (let k = 0; k < MAX_ORDER; k++) {
    product *= (c.correct[k]! + TINY) / (c.guess[k]! + SMALL);
    out.push(product ** (1 / (k + 1)));
  }
  const ratio = (c.testLen + TINY) / (c.refLen + SMALL);
  const penalty = ratio < 1 ? Math.exp(1 - 1 / ratio) : 1;
  return { Bleu_1: out[0]! * penalty, Bleu_2: out[1]! * penalty, Bleu_3: out[2]! * penalty, Bleu_4: out[3]! * penalty };
}

/**
 * BLEU-1..4 of one candidate against its references: the per-image value pycocoevalcap
 * returns in its `scores` lists (brevity penalty from this image's lengths alone).
 * @param candidate tokenised caption (may be empty)
 * @param references tokenised reference captions, at least one
 */
export function sentenceBleu(candidate: string, references: readonly string[]): BleuScores {
  if (references.length === 0) throw new Error("sentenceBleu needs at least one reference");
  return scoresFromCounts(imageCounts(candidate, references));
}

/**
 * Corpus BLEU-1..4 and per-image BLEU-1..4, as `Bleu().compute_score(gts, res)` returns them
 * (`score` and `scores`). The corpus value sums match and guess counts and the test and
 * closest reference lengths over all images before applying the formula once.
 * @throws Error naming an image id present on one side only or with no references.
 */
export function bleu(input: CaptionCorpus): { corpus: BleuScores; perImage: Record<string, BleuScores> } {
  const total: BleuCounts = { testLen: 0, refLen: 0, guess: [0, 0, 0, 0], correct: [0, 0, 0, 0] };
  const perImage: [string, BleuScores][] = [];
  for (const id of corpusImageIds(input)) {
    const counts = imageCounts(input.candidates[id]!, input.references[id]!);
    total.testLen += counts.testLen;
    total.refLen += counts.refLen;
    for (let k = 0; k < MAX_ORDER; k++) {
      total.guess[k]! += counts.guess[k]!;
      total.correct[k]! += counts.correct[k]!;
    }
    perImage.push([id, scoresFromCounts(counts)]);
  }
  // fromEntries defines own properties, so even an id like "__proto__" round-trips.
  return { corpus: scoresFromCounts(total), perImage: Object.fromEntries(perImage) };
}
