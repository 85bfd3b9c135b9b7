import { describe, expect, it } from "vitest";
import type { CaptionObject } from "./caption-words";
import { makeCaptions, type CaptionInput } from "./captions";
import { Rng } from "./rng";

const TOKENISED = /^[a-z]+( [a-z]+)*$/;

function input(objects: CaptionObject[], lower: CaptionInput["layout"]["lower"] = "grass"): CaptionInput {
  return { objects, layout: { upper: "sky", lower }, size: 32 };
}

const twoCirclesAndSquare: CaptionObject[] = [
  { className: "circle", colorName: "red", bbox: [2, 20, 6, 6], area: 28, stuff: "grass" },
  { className: "circle", colorName: "red", bbox: [12, 22, 6, 6], area: 28, stuff: "grass" },
  { className: "square", colorName: "blue", bbox: [22, 4, 9, 9], area: 81, stuff: "sky" },
];

describe("makeCaptions", () => {
  it("gives 5..7 distinct tokenised captions, the first listing every object", () => {
    for (let seed = 0; seed < 200; seed++) {
      const caps = makeCaptions(input(twoCirclesAndSquare), new Rng(seed));
      expect(caps.length).toBeGreaterThanOrEqual(5);
      expect(caps.length).toBeLessThanOrEqual(7);
      expect(new Set(caps).size).toBe(caps.length);
      for (const c of caps) expect(c).toMatch(TOKENISED);
      expect(caps[0]).toMatch(/^two red circles and a blue square (on grass|on the grass|on a grassy field) /);
    }
  });

  it("uses number words and plurals right in a constructed case", () => {
    const all = new Set<string>();
    for (let seed = 0; seed < 100; seed++) for (const c of makeCaptions(input(twoCirclesAndSquare), new Rng(seed))) all.add(c);
    const text = [...all].join("\n");
    expect(text).toMatch(/\bthree (shapes|objects)\b/);
    expect(text).toMatch(/\btwo circles and a square\b/);
    expect(text).toMatch(/\bred and blue shapes\b/);
    expect(text).toMatch(/\bthe (biggest|largest) shape is a blue square\b/);
    expect(text).not.toMatch(/\bone shapes\b|\btwo circle\b|\ba circles\b/);
  });

  it("describes relations both ways", () => {
    const pair: CaptionObject[] = [
      { className: "square", colorName: "blue", bbox: [2, 12, 6, 6], area: 36, stuff: "grass" },
      { className: "triangle", colorName: "yellow", bbox: [22, 12, 6, 6], area: 20, stuff: "grass" },
    ];
    const all = new Set<string>();
    for (let seed = 0; seed < 100; seed++) for (const c of makeCaptions(input(pair, "sand"), new Rng(seed))) all.add(c);
    expect(all).toContain("a blue square to the left of a yellow triangle");
    expect(all).toContain("a yellow triangle to the right of a blue square");
    expect(all).toContain("both shapes are on the grass");
  });

  it("handles one object and empty scenes", () => {
    const one: CaptionObject[] = [{ className: "cross", colorName: "red", bbox: [0, 0, 7, 7], area: 33, stuff: "sky" }];
    for (let seed = 0; seed < 50; seed++) {
      const caps = makeCaptions(input(one), new Rng(seed));
      expect(caps.length).toBeGreaterThanOrEqual(5);
      expect(caps[0]).toMatch(/^a red cross /);
      expect(caps.join(" ")).not.toMatch(/crosses/);
      const empty = makeCaptions({ objects: [], layout: { upper: "sky", lower: "grass" }, size: 32 }, new Rng(seed));
      expect(empty.length).toBeGreaterThanOrEqual(5);
      expect(empty[0]).toMatch(/^an empty field of grass (under a blue sky|under the sky|below the sky)$/);
      for (const c of empty) expect(c).toMatch(TOKENISED);
    }
  });
});
