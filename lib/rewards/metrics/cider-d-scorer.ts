/**
 * CIDEr-D scoring with a fixed idf table: pycocoevalcap's `cider/cider_scorer.py`
 * (`compute_doc_freq`, `counts2vec`, `sim`, `compute_cider`), with the document frequencies
 * taken from a reference corpus given once instead of from each evaluation's references.
 * Every distinct corpus n-gram gets an integer id, so reference vectors are compact arrays
 * and the dot products index arrays instead of hashing strings.
 */
import { MAX_ORDER, ngramCounts, tokenize, type NgramCounts } from "./ngrams";

// cider.py defaults: `sigma=6.0`; `score_avg *= 10.0`.
const SIGMA = 6;
const SCALE = 10;

/** One caption's tf-idf vector (`counts2vec`), over n-gram ids. */
interface Vector {
  /** ids[i]: id of the caption's i-th distinct n-gram, in `ngramCounts` order */
  ids: number[];
  /** weights[i]: tf * idf of that n-gram (never negative: df <= number of images) */
  weights: number[];
  orderEnds: readonly number[];
  /** per-order L2 norms of `weights` */
  norms: number[];
  /** bigram count: `counts2vec` adds tf when its 0-based order index is 1 */
  length: number;
}

/**
 * CIDEr-D with the idf table built once from a reference corpus (e.g. the training split's
 * captions), to score many candidates inside a training step. The corpus's reference vectors
 * are computed once and found by caption string; other references are vectorised per call
 * with the same idf, their n-grams absent from the corpus counting as df = 0.
 */
export class CiderDScorer {
  /** pycocoevalcap's `ref_len`: log of the number of images */
  private readonly logImageCount: number;
  private readonly gramIds = new Map<string, number>();
  /** idf by n-gram id: ref_len - log(max(1, df)) */
  private readonly idf: Float64Array;
  private readonly refVectors = new Map<string, Vector>();
  /** ids for one call's n-grams outside the corpus, numbered after the corpus's */
  private readonly unseenIds = new Map<string, number>();
  /** one reference's weights spread out by n-gram id during `sim`; all zero between uses */
  private scratch: Float64Array;

  /**
   * @param referenceCorpus one entry per image: its tokenised reference captions (at least one)
   * @throws Error for an empty corpus or an image with no references.
   */
  constructor(referenceCorpus: readonly (readonly string[])[]) {
    if (referenceCorpus.length === 0) throw new Error("CiderDScorer needs at least one image of references");
    this.logImageCount = Math.log(referenceCorpus.length);
    const cooked = new Map<string, { ngrams: NgramCounts; ids: number[] }>();
    // compute_doc_freq: +1 per image for each n-gram in the union of its references; the last
    // image that counted an n-gram stands in for a per-image set.
    const df: number[] = [];
    const lastImage: number[] = [];
    referenceCorpus.forEach((refs, image) => {
      if (refs.length === 0) throw new Error(`CiderDScorer: image ${image} has no reference captions`);
      for (const ref of refs) {
        let entry = cooked.get(ref);
        if (entry === undefined) {
          const ngrams = ngramCounts(tokenize(ref));
          const ids = ngrams.grams.map((gram) => {
            let id = this.gramIds.get(gram);
            if (id === undefined) {
              id = df.push(0) - 1;
              lastImage.push(-1);
              this.gramIds.set(gram, id);
            }
            return id;
          });
          entry = { ngrams, ids };
          cooked.set(ref, entry);
        }
        for (const id of entry.ids) {
          if (lastImage[id] === image) continue;
          lastImage[id] = image;
          df[id]!++;
        }
      }
    });
    this.idf = Float64Array.from(df, (count) => this.logImageCount - Math.log(Math.max(1, count)));
    this.scratch = new Float64Array(df.length + 64);
    for (const [ref, { ngrams, ids }] of cooked) this.refVectors.set(ref, this.weigh(ngrams, ids));
  }

  /**
   * CIDEr-D of one candidate against its references with the cached idf; pycocoevalcap's
   * per-image score when the scorer was built from that evaluation's references.
   * @param candidate tokenised caption (may be empty)
   * @param references tokenised reference captions, at least one; duplicates count twice
   */
  score(candidate: string, references: readonly string[]): number {
    if (references.length === 0) throw new Error("CiderDScorer.score needs at least one reference");
    this.unseenIds.clear();
    const hyp = this.vectorize(candidate);
    const sums = [0, 0, 0, 0];
    for (const ref of references) this.addSimilarity(sums, hyp, this.refVectors.get(ref) ?? this.vectorize(ref));
    // np.mean over the 4 orders, then divide by the number of references, then x10.
    const mean = (sums[0]! + sums[1]! + sums[2]! + sums[3]!) / MAX_ORDER;
    return (mean / references.length) * SCALE;
  }

  /** A caption outside the cache, its unseen n-grams numbered for this call only. */
  private vectorize(caption: string): Vector {
    const ngrams = ngramCounts(tokenize(caption));
    const ids = ngrams.grams.map((gram) => {
      const id = this.gramIds.get(gram);
      if (id !== undefined) return id;
      let unseen = this.unseenIds.get(gram);
      if (unseen === undefined) {
        unseen = this.idf.length + this.unseenIds.size;
        this.unseenIds.set(gram, unseen);
      }
      return unseen;
    });
    return this.weigh(ngrams, ids);
  }

  /** counts2vec: tf * idf per n-gram (idf = ref_len when df = 0), per-order norms, length. */
  private weigh({ counts, orderEnds }: NgramCounts, ids: number[]): Vector {
    const weights: number[] = [];
    const norms: number[] = [];
    for (let n = 0, i = 0; n < MAX_ORDER; n++) {
      let squares = 0;
      for (; i < orderEnds[n]!; i++) {
        const id = ids[i]!;
        const weight = counts[i]! * (id < this.idf.length ? this.idf[id]! : this.logImageCount);
        weights.push(weight);
        squares += weight * weight;
      }
      norms.push(Math.sqrt(squares));
    }
    let length = 0;
    for (let i = orderEnds[0]!; i < orderEnds[1]!; i++) length += counts[i]!;
    return { ids, weights, orderEnds, norms, length };
  }

  /** sim(): adds each order's clipped, length-penalised cosine of `hyp` and `ref` to `sums`. */
  private addSimilarity(sums: number[], hyp: Vector, ref: Vector): void {
    const needed = this.idf.length + this.unseenIds.size;
    if (this.scratch.length < needed) this.scratch = new Float64Array(2 * needed);
    const scratch = this.scratch;
    for (let j = 0; j < ref.ids.length; j++) scratch[ref.ids[j]!] = ref.weights[j]!;
    const delta = hyp.length - ref.length;
    // Written as e ** x like the reference (`np.e**(...)`), not Math.exp.
    const penalty = Math.E ** (-(delta * delta) / (2 * SIGMA * SIGMA));
    for (let n = 0, i = 0; n < MAX_ORDER; n++) {
      // Over the candidate's n-grams in order, as `sim` sums; an n-gram missing from the
      // reference reads weight 0 and adds min(h, 0) * 0 = 0, as the defaultdict lookup does.
      let val = 0;
      for (; i < hyp.orderEnds[n]!; i++) {
        const h = hyp.weights[i]!;
        const r = scratch[hyp.ids[i]!]!;
        val += Math.min(h, r) * r;
      }
      const hypNorm = hyp.norms[n]!;
      const refNorm = ref.norms[n]!;
      if (hypNorm !== 0 && refNorm !== 0) val /= hypNorm * refNorm;
      sums[n]! += val * penalty;
    }
    for (let j = 0; j < ref.ids.length; j++) scratch[ref.ids[j]!] = 0;
  }
}
