import { groundCaption, groundingShares, sumGroundings } from "@/lib/data";
import { bleu, ciderD, tokenize } from "@/lib/rewards";
import type { Scene } from "@/lib/data";
import type { TaskDefinition } from "../task";
import { createCaptioningPolicy } from "./index";
import { CAPTIONING_SIZES, type CaptioningConfig } from "./model";

export const captioningTask: TaskDefinition<"captioning"> = {
  id: "captioning",
  createPolicy: (size, seed) => createCaptioningPolicy(CAPTIONING_SIZES[size], seed),
  fromArchitecture: (a) => createCaptioningPolicy(a.config as unknown as CaptioningConfig, 0),
  evalMetrics(outputs, scenes) {
    // Corpus CIDEr-D and BLEU over the evaluated images, as pycocoevalcap scores a test set.
    const references = Object.fromEntries(scenes.map((s, i) => [String(i), s.captions]));
    const candidates = Object.fromEntries(outputs.map((o, i) => [String(i), o.text]));
    const b = bleu({ references, candidates }).corpus;
    const lengths = outputs.map((o) => (o.text ? o.text.split(" ").length : 0));
    return {
      CIDEr: ciderD({ references, candidates }).corpus.CIDEr,
      Bleu_1: b.Bleu_1,
      Bleu_4: b.Bleu_4,
      caption_length: lengths.reduce((a, x) => a + x, 0) / Math.max(1, lengths.length),
      empty_captions: lengths.filter((l) => l === 0).length / Math.max(1, lengths.length),
      ...groundedMetrics(outputs.map((o) => o.text), scenes),
      ...diversityMetrics(outputs.map((o) => o.text)),
    };
  },
};

/**
 * What CIDEr-D does not see, over the corpus (sums of counts, not means of per-caption shares):
 * the share of the scenes' objects named with colour and class, the share of colour+class
 * mentions not in their scene, and the share of stated counts that are right (lib/data's grounding).
 */
function groundedMetrics(texts: readonly string[], scenes: readonly Scene[]): Record<string, number> {
  const shares = groundingShares(sumGroundings(texts.map((t, i) => groundCaption(t, scenes[i]?.objects ?? []))));
  return { object_recall: shares.objectRecall, object_hallucination: shares.objectHallucination, count_accuracy: shares.countAccuracy };
}

/**
 * How varied the captions are as a corpus: distinct words, distinct captions, and distinct-2
 * (distinct word bigrams over all bigrams, Li et al. 2016). A reward-tuned captioner can win on
 * CIDEr-D by saying the same few things.
 */
function diversityMetrics(texts: readonly string[]): Record<string, number> {
  const words = new Set<string>();
  const bigrams = new Set<string>();
  const captions = new Set<string>();
  let bigramCount = 0;
  for (const t of texts) {
    const tokens = tokenize(t);
    captions.add(tokens.join(" "));
    for (const w of tokens) words.add(w);
    for (let i = 0; i + 1 < tokens.length; i++) { bigrams.add(`${tokens[i]} ${tokens[i + 1]}`); bigramCount++; }
  }
  return { vocabulary: words.size, distinct_captions: captions.size, distinct_2: bigramCount === 0 ? 0 : bigrams.size / bigramCount };
}
