/**
 * Tokens and n-gram counts shared by BLEU and CIDEr-D. Mirrors `precook` in pycocoevalcap's
 * `bleu/bleu_scorer.py` and `cider/cider_scorer.py`: `s.split()`, then for k = 1..n every
 * k-gram counted by position, into one dict keyed by all orders.
 */

/** Largest n-gram order of BLEU-4 and CIDEr-D (pycocoevalcap's default `n=4`). */
export const MAX_ORDER = 4;

/**
 * Tokens of an already tokenised caption: words split on whitespace runs, as Python's
 * `str.split()` does. An empty or all-space caption is zero tokens.
 */
export function tokenize(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === "" ? [] : trimmed.split(/\s+/);
}

/**
 * The distinct n-grams of one caption with their counts, as parallel arrays. A k-gram is its
 * tokens joined by one space (tokens hold no whitespace, so n-grams of different orders never
 * collide). Entries are in `precook`'s dict order: all unigrams by first position, then all
 * bigrams, and so on; downstream float sums follow it, as the reference's do.
 */
export interface NgramCounts {
  /** distinct n-grams, order 1 first */
  grams: string[];
  /** counts[i]: occurrences of grams[i] */
  counts: number[];
  /** orderEnds[k]: end (exclusive) in `grams` of the n-grams of order k + 1 */
  orderEnds: number[];
}

/**
 * N-gram counts of a token list for orders 1..maxOrder.
 * @param tokens the caption's tokens, length L; order k's counts sum to max(0, L - k + 1)
 */
export function ngramCounts(tokens: readonly string[], maxOrder: number = MAX_ORDER): NgramCounts {
  const grams: string[] = [];
  const counts: number[] = [];
  const position = new Map<string, number>();
  const orderEnds: number[] = [];
  // keys[i] holds the (k-1)-gram starting at i, so each k-gram is one concatenation.
  const keys: string[] = [];
  for (let k = 0; k < maxOrder; k++) {
    for (let i = 0; i + k < tokens.length; i++) {
      const key = k === 0 ? tokens[i]! : keys[i]! + " " + tokens[i + k]!;
      keys[i] = key;
      const at = position.get(key);
      if (at === undefined) {
        position.set(key, grams.length);
        grams.push(key);
        counts.push(1);
      } else {
        counts[at]!++;
      }
    }
    orderEnds.push(grams.length);
  }
  return { grams, counts, orderEnds };
}
