import { describe, expect, it } from "vitest";
import { captionMentions, groundCaption, groundingShares, sumGroundings, type GroundTruthObject } from "./caption-grounding";
import { sceneAt } from "./scene";

const obj = (colorName: GroundTruthObject["colorName"], className: GroundTruthObject["className"], stuff: GroundTruthObject["stuff"] = "grass"): GroundTruthObject => ({ colorName, className, stuff });
// Two red crosses on the grass, one in the sky, a blue square on the grass, a white ring in the sky.
const scene = [obj("red", "cross"), obj("red", "cross"), obj("red", "cross", "sky"), obj("blue", "square"), obj("white", "ring", "sky")];

describe("captionMentions", () => {
  it("reads determiners, plurals, colours, sizes and location phrases", () => {
    const m = captionMentions("two red crosses on the grass and a large blue square and another circle");
    expect(m.map(({ colorName, className, named, stated, stuff }) => ({ colorName, className, named, stated, stuff }))).toEqual([
      { colorName: "red", className: "cross", named: 2, stated: 2, stuff: "grass" },
      { colorName: "blue", className: "square", named: 1, stated: null, stuff: null },
      { colorName: null, className: "circle", named: 1, stated: null, stuff: null },
    ]);
  });

  it("states counts with number words, both, a single, no, nothing and empty; not with articles", () => {
    const stated = (t: string) => captionMentions(t).map((m) => m.stated);
    expect(stated("there is one shape on the sand")).toEqual([1]);
    expect(stated("a single red shape in the sky")).toEqual([1]);
    expect(stated("both shapes are in the sky")).toEqual([2]);
    expect(stated("all three objects are on the grass")).toEqual([3]);
    expect(stated("there are no shapes on the water")).toEqual([0]);
    expect(stated("a grassy field with nothing on it")).toEqual([0]);
    expect(stated("an empty beach")).toEqual([0]);
    expect(stated("a red circle left of another red circle")).toEqual([null, null]);
  });

  it("does not take scenery colours for objects", () => {
    expect(captionMentions("a red brick wall under a blue sky and green grass")).toEqual([]);
  });
});

describe("groundCaption", () => {
  it("counts plurals and numbers: two red crosses name two", () => {
    const g = groundCaption("two red crosses and a blue square", scene);
    expect(g).toEqual({ objects: 5, named: 3, mentioned: 3, hallucinated: 0, stated: 1, rightCounts: 0 });
    // There are three red crosses, so "two red crosses" is a wrong count, but it names two true objects.
    expect(groundingShares(g)).toEqual({ objectRecall: 3 / 5, objectHallucination: 0, countAccuracy: 0 });
  });

  it("a count followed by a region is right for that region", () => {
    const g = groundCaption("two red crosses on the grass and a red cross in the sky", scene);
    expect(g).toMatchObject({ named: 3, mentioned: 3, hallucinated: 0, stated: 1, rightCounts: 1 });
    expect(groundCaption("three red crosses on the grass", scene)).toMatchObject({ stated: 1, rightCounts: 1 }); // right for the scene
    expect(groundCaption("two red crosses in the sky", scene)).toMatchObject({ stated: 1, rightCounts: 0 });
  });

  it("names beyond the scene's count, or kinds it lacks, are hallucinated", () => {
    const g = groundCaption("four red crosses and two green triangles", scene);
    // red crosses: 4 named, 3 true -> 1 hallucinated; green triangles: 2 named, 0 true.
    expect(g).toMatchObject({ named: 3, mentioned: 6, hallucinated: 3, stated: 2, rightCounts: 0 });
    expect(groundingShares(g).objectHallucination).toBe(0.5);
  });

  it("colour-less and class-less mentions name no object but their counts are checked", () => {
    const g = groundCaption("there are three crosses a square and a ring", scene);
    expect(g).toMatchObject({ named: 0, mentioned: 0, hallucinated: 0, stated: 1, rightCounts: 1 });
    expect(groundCaption("five shapes on the grass under a blue sky", scene)).toMatchObject({ named: 0, stated: 1, rightCounts: 1 });
    expect(groundCaption("two white shapes", scene)).toMatchObject({ named: 0, stated: 1, rightCounts: 0 });
    expect(groundCaption("red blue and white shapes", scene)).toMatchObject({ named: 0, mentioned: 0, stated: 0 });
    expect(groundingShares(groundCaption("red blue and white shapes", scene))).toEqual({ objectRecall: 0, objectHallucination: 0, countAccuracy: 1 });
  });

  it("an empty scene: nothing to name, and saying so is a right count", () => {
    expect(groundCaption("there are no shapes on the sand", [])).toEqual({ objects: 0, named: 0, mentioned: 0, hallucinated: 0, stated: 1, rightCounts: 1 });
    expect(groundingShares(groundCaption("a red circle", []))).toEqual({ objectRecall: 1, objectHallucination: 1, countAccuracy: 1 });
    expect(groundCaption("nothing here", scene)).toMatchObject({ stated: 1, rightCounts: 0 });
  });

  it("sums to corpus counts", () => {
    const total = sumGroundings([groundCaption("a red cross", scene), groundCaption("a green circle", [obj("green", "circle")])]);
    expect(total).toEqual({ objects: 6, named: 2, mentioned: 2, hallucinated: 0, stated: 0, rightCounts: 0 });
  });

  it("every reference caption the generator writes reads back as true, and the first names every object", () => {
    let counts = 0;
    for (let i = 0; i < 400; i++) {
      const s = sceneAt("train", i);
      s.captions.forEach((c, k) => {
        const g = groundCaption(c, s.objects);
        expect(g.hallucinated, c).toBe(0);
        expect(g.rightCounts, c).toBe(g.stated);
        counts += g.stated;
        if (k === 0) expect(g.named, c).toBe(g.objects);
      });
    }
    expect(counts).toBeGreaterThan(400); // the check covered stated counts, not only lists
  });
});
