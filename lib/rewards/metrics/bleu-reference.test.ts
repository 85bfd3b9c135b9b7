import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bleu, type BleuScores } from "./bleu";
import type { CaptionCorpus } from "./caption-corpus";

// Expected values computed by a line-by-line Python re-implementation of pycocoevalcap's
// bleu/bleu_scorer.py and bleu/bleu.py (tylin/coco-caption master, `option='closest'`),
// run with CPython floats. The same re-implementation agreed with this port on 2,400 random
// corpora (1-30 images, 1-7 references, empty and duplicate captions) to relative 1.3e-15.
const REL = 1e-12;
const values = (s: BleuScores) => [s.Bleu_1, s.Bleu_2, s.Bleu_3, s.Bleu_4];
function expectClose(actual: number[], want: number[]): void {
  actual.forEach((a, i) => expect(Math.abs(a - want[i]!)).toBeLessThanOrEqual(REL * Math.abs(want[i]!)));
}

describe("bleu matches pycocoevalcap", () => {
  it("on a corpus with an empty candidate, a short one, duplicates and an unseen word", () => {
    const { corpus, perImage } = bleu({
      references: {
        e1: ["a red circle above a blue square", "a blue square below a red circle", "a red circle"],
        e2: ["a green triangle on the grass"],
        e3: ["a blue square", "a blue square", "two shapes on the sand", "a square on the sand", "a small blue square on sand"],
        e4: ["there is one shape", "one shape in the sky"],
      },
      candidates: { e1: "", e2: "a green triangle", e3: "a blue square on the sand", e4: "a zebra in the sky" },
    });
    expectClose(values(corpus), [0.5583763349468512, 0.5455383812793099, 0.5258500175443195, 0.37099868204939684]);
    expect(values(perImage.e1!)).toEqual([0, 0, 0, 0]);
    expectClose(values(perImage.e2!), [0.3678794409261896, 0.367879440895533, 0.367879440824001, 0.011633369375307054]);
    expectClose(values(perImage.e3!), [0.9999999996666668, 0.9999999996500001, 0.999999999627778, 0.7598356853444926]);
    expectClose(values(perImage.e4!), [0.5999999997600003, 0.5477225572723844, 0.46415888314724946, 8.408964148157482e-5]);
  });

  it("on a one-image corpus", () => {
    const { corpus, perImage } = bleu({
      references: { only: ["a red circle on the grass", "a circle on grass"] },
      candidates: { only: "a red circle on the grass" },
    });
    const want = [0.9999999996666668, 0.9999999996500001, 0.999999999627778, 0.9999999995958335];
    expectClose(values(corpus), want);
    expectClose(values(perImage.only!), want);
  });

  it("on examples/score/bleu.json", () => {
    const input = JSON.parse(readFileSync(new URL("../../../examples/score/bleu.json", import.meta.url), "utf8")) as CaptionCorpus;
    const { corpus, perImage } = bleu(input);
    expectClose(values(corpus), [0.8273408461213496, 0.7713087998774583, 0.676960732503449, 0.5037947916594276]);
    const want: Record<string, number[]> = {
      "val-0000": [0.9999999998333334, 0.9999999998166668, 0.9085602962293103, 0.7071067810186099],
      "val-0001": [0.9999999998000004, 0.8819171035069142, 0.7299198564932118, 8.633400211807388e-5],
      "val-0002": [0.6666666664444446, 0.5163977793135832, 4.054801328872984e-6, 1.2209471666681028e-8],
      "val-0003": [0.9999999997142859, 0.9999999997023811, 0.9999999996873018, 0.9306048587924521],
      "val-0004": [0.18887560271164494, 0.1888756026959053, 0.18887560265917955, 0.005972770989312134],
    };
    expect(Object.keys(perImage)).toEqual(Object.keys(want));
    for (const [id, scores] of Object.entries(want)) expectClose(values(perImage[id]!), scores);
  });
});
