/**
 * Input shared by the corpus-level captioning metrics (BLEU, CIDEr-D), in the shape of
 * pycocoevalcap's `gts` / `res` dicts with one candidate per image.
 */

/**
 * Reference captions and one candidate caption per image, all already tokenised (lowercase
 * words separated by spaces). Both records must hold the same image ids.
 */
export interface CaptionCorpus {
  /** image id -> its reference captions (at least one each) */
  references: Record<string, string[]>;
  /** image id -> the caption being scored */
  candidates: Record<string, string>;
}

/**
 * Image ids of a corpus in `references` order, after the checks pycocoevalcap asserts
 * (`gts.keys() == res.keys()`, `len(ref) > 0`).
 * @throws Error naming the first image id missing from either side or with no references.
 */
export function corpusImageIds(input: CaptionCorpus): string[] {
  const ids = Object.keys(input.references);
  for (const id of ids) {
    if (!Object.hasOwn(input.candidates, id)) throw new Error(`image ${id} has references but no candidate`);
    if (typeof input.candidates[id] !== "string") throw new Error(`image ${id}: candidate is not a string`);
    const refs = input.references[id];
    if (!Array.isArray(refs) || refs.length === 0) throw new Error(`image ${id} has no reference captions`);
  }
  for (const id of Object.keys(input.candidates)) {
    if (!Object.hasOwn(input.references, id)) throw new Error(`image ${id} has a candidate but no references`);
  }
  return ids;
}
