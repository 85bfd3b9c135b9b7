import { describe, expect, it } from "vitest";
import {
  countedPhrase,
  describeAll,
  joinAnd,
  numberWord,
  plural,
  positionWords,
  relation,
  verbFor,
  withArticle,
  type CaptionObject,
} from "./caption-words";
import type { ColorName, ThingClass } from "./types";

function obj(colorName: ColorName, className: ThingClass, x = 0, y = 0): CaptionObject {
  return { className, colorName, bbox: [x, y, 6, 6], area: 30, stuff: "grass" };
}

describe("caption words", () => {
  it("number words, plurals and articles", () => {
    expect([1, 2, 3, 4].map(numberWord)).toEqual(["one", "two", "three", "four"]);
    expect(plural("cross")).toBe("crosses");
    expect(plural("circle")).toBe("circles");
    expect(withArticle("orange ring")).toBe("an orange ring");
    expect(withArticle("red cross")).toBe("a red cross");
    expect(countedPhrase(1, "white", "cross")).toBe("a white cross");
    expect(countedPhrase(3, "red", "cross")).toBe("three red crosses");
    expect(countedPhrase(2, "", "ring")).toBe("two rings");
  });

  it("joins lists without punctuation", () => {
    expect(joinAnd(["a"])).toBe("a");
    expect(joinAnd(["a", "b"])).toBe("a and b");
    expect(joinAnd(["a", "b", "c"])).toBe("a b and c");
  });

  it("groups a constructed scene into counted phrases", () => {
    const objects = [obj("red", "circle"), obj("blue", "square"), obj("red", "circle"), obj("red", "cross")];
    expect(describeAll(objects, true)).toBe("two red circles a blue square and a red cross");
    expect(describeAll(objects, false)).toBe("two circles a square and a cross");
    expect(verbFor(objects, true)).toBe("are");
    expect(verbFor([obj("red", "cross"), obj("red", "cross"), obj("red", "cross")], true)).toBe("are");
    expect(describeAll([obj("red", "cross"), obj("red", "cross"), obj("red", "cross")], true)).toBe(
      "three red crosses",
    );
    expect(verbFor([obj("orange", "ring")], true)).toBe("is");
    expect(describeAll([obj("orange", "ring")], true)).toBe("an orange ring");
  });

  it("relations use box centres; the larger offset decides", () => {
    // Centres (3, 3) and (13, 5): B is mostly to the right, so A is left of B.
    expect(relation([0, 0, 6, 6], [10, 2, 6, 6])).toBe("left");
    expect(relation([10, 2, 6, 6], [0, 0, 6, 6])).toBe("right");
    expect(relation([0, 0, 6, 6], [1, 20, 6, 6])).toBe("above");
    expect(relation([1, 20, 6, 6], [0, 0, 6, 6])).toBe("below");
    expect(relation([4, 4, 6, 6], [5, 5, 4, 4])).toBeNull();
  });

  it("positions by thirds of the frame", () => {
    expect(positionWords([0, 0, 6, 6], 32)).toBe("top left");
    expect(positionWords([13, 13, 6, 6], 32)).toBe("middle");
    expect(positionWords([26, 13, 6, 6], 32)).toBe("right");
    expect(positionWords([13, 26, 6, 6], 32)).toBe("bottom");
  });
});
