/**
 * CIDEr-D exactly as pycocoevalcap's `Cider` computes it (`cider/cider.py` and
 * `cider/cider_scorer.py` of tylin/coco-caption master, also shipped as
 * salaniz/pycocoevalcap). Vedantam et al. 2015: per n = 1..4, the cosine of tf-idf n-gram
 * vectors, the candidate's weights clipped by the reference's (min), times a Gaussian length
 * penalty (sigma = 6); averaged over references and over n, times 10. Quirks kept on
 * purpose, because agreement with the tool is the goal:
 * - idf = log(number of images) - log(max(1, df)), df counting each image once over the set
 *   of n-grams of its references, so a one-image corpus scores 0 for every candidate;
 * - the "length" in the penalty is the caption's bigram count (`if n == 1: length += tf`,
 *   n being the 0-based order), mirrored as is; for non-empty captions it is tokens - 1, so
 *   delta is the token-length gap whenever it matters (an empty side has cosine 0 anyway);
 * - an order whose candidate or reference vector has norm 0 scores 0 for that pair.
 */
import { corpusImageIds, type CaptionCorpus } from "./caption-corpus";
import { CiderDScorer } from "./cider-d-scorer";

export { CiderDScorer };

/**
 * Corpus and per-image CIDEr-D as `Cider().compute_score(gts, res)` returns them: idf from
 * this corpus's references, the corpus value the mean of the per-image values. Equal to
 * scoring each image with `new CiderDScorer(Object.values(input.references))`.
 * @throws Error naming an image id present on one side only or with no references.
 */
export function ciderD(input: CaptionCorpus): {
  corpus: { CIDEr: number };
  perImage: Record<string, { CIDEr: number }>;
} {
  const ids = corpusImageIds(input);
  const scorer = new CiderDScorer(ids.map((id) => input.references[id]!));
  let sum = 0;
  const perImage = ids.map((id): [string, { CIDEr: number }] => {
    const value = scorer.score(input.candidates[id]!, input.references[id]!);
    sum += value;
    return [id, { CIDEr: value }];
  });
  // fromEntries defines own properties, so even an id like "__proto__" round-trips.
  return { corpus: { CIDEr: sum / ids.length }, perImage: Object.fromEntries(perImage) };
}
