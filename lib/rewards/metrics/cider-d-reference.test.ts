import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CaptionCorpus } from "./caption-corpus";
import { CiderDScorer, ciderD } from "./cider-d";

// Expected values computed by a line-by-line Python re-implementation of pycocoevalcap's
// cider/cider_scorer.py and cider/cider.py (tylin/coco-caption master: sigma 6, n 4), run
// with CPython floats and NumPy. The same re-implementation agreed with this port on 2,400
// random corpora (1-30 images, 1-7 references, empty and duplicate captions) to relative
// 1.3e-15.
const expectRel = (actual: number, want: number, rel = 1e-12) =>
  expect(Math.abs(actual - want)).toBeLessThanOrEqual(rel * Math.abs(want));

describe("ciderD matches pycocoevalcap", () => {
  it("on a corpus with an empty candidate, a short one, duplicates and an unseen word", () => {
    const { corpus, perImage } = ciderD({
      references: {
        e1: ["a red circle above a blue square", "a blue square below a red circle", "a red circle"],
        e2: ["a green triangle on the grass"],
        e3: ["a blue square", "a blue square", "two shapes on the sand", "a square on the sand", "a small blue square on sand"],
        e4: ["there is one shape", "one shape in the sky"],
      },
      candidates: { e1: "", e2: "a green triangle", e3: "a blue square on the sand", e4: "a zebra in the sky" },
    });
    expect(perImage.e1!.CIDEr).toBe(0);
    expectRel(perImage.e2!.CIDEr, 4.343115668864704);
    expectRel(perImage.e3!.CIDEr, 3.788352824843301);
    expectRel(perImage.e4!.CIDEr, 1.7646523700139463);
    expectRel(corpus.CIDEr, 2.474030215930488);
  });

  it("on examples/score/cider-d.json", () => {
    const input = JSON.parse(readFileSync(new URL("../../../examples/score/cider-d.json", import.meta.url), "utf8")) as CaptionCorpus;
    const { corpus, perImage } = ciderD(input);
    const want: Record<string, number> = {
      "val-0008": 3.2408284583037195,
      "val-0009": 3.54099669508891,
      "val-0010": 4.095632841571372,
      "val-0013": 2.752437353226612,
    };
    expect(Object.keys(perImage)).toEqual(Object.keys(want));
    for (const [id, value] of Object.entries(want)) expectRel(perImage[id]!.CIDEr, value);
    expectRel(corpus.CIDEr, 3.407473837047653);
  });

  it("on examples/score/bleu.json too", () => {
    const input = JSON.parse(readFileSync(new URL("../../../examples/score/bleu.json", import.meta.url), "utf8")) as CaptionCorpus;
    expectRel(ciderD(input).corpus.CIDEr, 2.537264753637767);
  });
});

describe("CiderDScorer with idf from another corpus", () => {
  it("matches the Python re-implementation given that corpus's document frequencies", () => {
    // Same counts2vec / sim code, document_frequency and ref_len taken from `corpus` instead
    // of from the references being scored (the cached-idf mode of this class).
    const scorer = new CiderDScorer([
      ["a red circle on grass", "a circle"],
      ["a blue square", "blue square on sand"],
      ["a green triangle"],
    ]);
    expectRel(scorer.score("a red zebra on sand", ["a red circle on sand", "a zebra"]), 2.0993331352487123);
    expectRel(scorer.score("a blue square on sand", ["a blue square", "a blue square on grass", "a green triangle"]), 3.8068905009289384);
    expect(scorer.score("a zebra", ["a red circle on grass", "a circle"])).toBe(0);
  });
});
