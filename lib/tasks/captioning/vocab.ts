/**
 * Caption vocabulary: the words of ShapeWorld's caption grammar (lib/data) plus PAD, BOS, EOS.
 * Fixed, so checkpoints stay valid; a test checks it covers every caption the generator makes.
 */
export const PAD = 0;
export const BOS = 1;
export const EOS = 2;

export const WORDS = (
  "a above against all an and another are beach below big biggest blue both bottom brick by calm circle circles clear " +
  "cross crosses diamond diamonds empty field floating four front grass grassy green image in is it just large largest " +
  "left medium middle near no nothing object objects of on one only orange over picture plain purple red right ring " +
  "rings sand sandy scene shape shapes single sized sky small square squares stretch the there three tiny to top " +
  "triangle triangles two under wall water white with yellow"
).split(" ");

export const VOCAB_SIZE = WORDS.length + 3;
const INDEX = new Map(WORDS.map((w, i) => [w, i + 3]));

/** "a red circle" -> [BOS, ids..., EOS]; an unknown word throws naming it. */
export function encodeCaption(text: string): number[] {
  const ids = text.split(" ").filter(Boolean).map((w) => {
    const id = INDEX.get(w);
    if (id === undefined) throw new Error(`caption word "${w}" is not in the vocabulary`);
    return id;
  });
  return [BOS, ...ids, EOS];
}

/** Token ids -> caption text; stops at EOS, skips BOS and PAD. */
export function decodeCaption(tokens: readonly number[]): string {
  const words: string[] = [];
  for (const t of tokens) {
    if (t === EOS) break;
    if (t === BOS || t === PAD) continue;
    const w = WORDS[t - 3];
    if (w) words.push(w);
  }
  return words.join(" ");
}
