import { bleu, ciderD } from "@/lib/rewards";
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
    };
  },
};
