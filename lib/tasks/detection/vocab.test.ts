import { describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { createRandom } from "../nn/random";
import { rasterObjects } from "./index";
import { DETECTION_SIZES } from "./model";
import { BOS, decodeBoxes, encodeBoxes, EOS, grammarMask, maxLength, PAD, vocabSize } from "./vocab";

const coding = DETECTION_SIZES.default.coding;
const allowed = (t: number) => [...grammarMask(coding, t)].flatMap((v, i) => (v === 0 ? [i] : []));

describe("detection tokens", () => {
  it("sizes: 3 specials + 33 coordinate bins + 6 classes; BOS + 4 x 5 + EOS", () => {
    expect(vocabSize(coding)).toBe(42);
    expect(maxLength(coding)).toBe(22);
    expect(DETECTION_SIZES.default.dec.vocab).toBe(42);
  });

  it("encodes a scene's boxes as ymin xmin ymax xmax class (hand-checked) and decodes them back", () => {
    const scene = sceneAt("train", 1);
    const objects = scene.objects.map((o) => ({ box: o.bbox, categoryId: o.categoryId }));
    expect(objects).toEqual([
      { box: [21, 2, 11, 11], categoryId: 3 },
      { box: [24, 23, 8, 8], categoryId: 6 },
      { box: [4, 21, 9, 9], categoryId: 4 },
    ]);
    // Coordinate v -> token 3 + v; class c -> token 35 + c.
    const tokens = encodeBoxes(coding, objects);
    expect(tokens).toEqual([BOS, 5, 24, 16, 35, 38, 26, 27, 34, 35, 41, 24, 7, 33, 16, 39, EOS]);
    expect(decodeBoxes(coding, tokens).boxes).toEqual(objects);
  });

  it("round-trips every object of 200 scenes exactly, in any order", () => {
    const rand = createRandom(1);
    for (let i = 0; i < 200; i++) {
      const objects = rasterObjects(sceneAt("train", i));
      if (rand() < 0.5) objects.reverse();
      expect(decodeBoxes(coding, encodeBoxes(coding, objects)).boxes).toEqual(objects);
    }
  });

  it("orders the MLE targets top to bottom, then left to right (hand-checked)", () => {
    expect(rasterObjects(sceneAt("train", 1))).toEqual([
      { box: [21, 2, 11, 11], categoryId: 3 },
      { box: [4, 21, 9, 9], categoryId: 4 },
      { box: [24, 23, 8, 8], categoryId: 6 },
    ]);
    const same = { ...sceneAt("train", 1) };
    same.objects = same.objects.map((o, i) => ({ ...o, bbox: [10 - i, 5, 3, 3] as [number, number, number, number] }));
    expect(rasterObjects(same).map((o) => o.box[0])).toEqual([8, 9, 10]); // equal ymin: by xmin
  });

  it("scores a box with its class token's probability; clamps inverted corners to w, h = 0", () => {
    const tokens = [BOS, 13, 3, 8, 11, 36, EOS]; // ymin 10, xmin 0, ymax 5, xmax 8, circle
    const { boxes } = decodeBoxes(coding, tokens, [0.9, 0.8, 0.7, 0.6, 0.25, 0.5]);
    expect(boxes).toEqual([{ box: [0, 10, 8, 0], categoryId: 1, score: 0.25 }]);
  });

  it("stops at EOS or at an ill-formed group", () => {
    expect(decodeBoxes(coding, [BOS, EOS]).boxes).toEqual([]);
    expect(decodeBoxes(coding, [BOS, 3, 3, 4, 4, 36, EOS, 3, 3, 4, 4, 36]).boxes).toHaveLength(1);
    expect(decodeBoxes(coding, [BOS, 3, 3, 4, 36, 36, EOS]).boxes).toEqual([]); // class where a coordinate belongs
    expect(decodeBoxes(coding, [BOS, 3, 3, 4, 4]).boxes).toEqual([]); // truncated
  });

  it("grammar: coordinates at 5k..5k+3, EOS only between objects, classes at 5k+4, EOS forced after 4 objects", () => {
    const coords = Array.from({ length: 33 }, (_, i) => 3 + i);
    const classes = [36, 37, 38, 39, 40, 41];
    for (let k = 0; k < 4; k++) {
      expect(allowed(5 * k)).toEqual([EOS, ...coords]);
      for (let j = 1; j <= 3; j++) expect(allowed(5 * k + j)).toEqual(coords);
      expect(allowed(5 * k + 4)).toEqual(classes);
    }
    expect(allowed(20)).toEqual([EOS]);
    for (let t = 0; t <= 20; t++) {
      expect(grammarMask(coding, t)[PAD]).toBe(-1e9);
      expect(grammarMask(coding, t)[BOS]).toBe(-1e9);
    }
  });

  it("every encoded scene obeys the grammar", () => {
    for (let i = 0; i < 200; i++) {
      const tokens = encodeBoxes(coding, rasterObjects(sceneAt("val", i)));
      tokens.slice(1).forEach((tok, t) => expect(grammarMask(coding, t)[tok]).toBe(0));
    }
  });
});
