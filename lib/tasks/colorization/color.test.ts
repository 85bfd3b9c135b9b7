import { describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { chromaFidelity } from "@/lib/rewards";
import { createRandom } from "../nn/random";
import {
  binCount, binToChroma, chromaToBin, colouredBlocks, decodeChroma, DEFAULT_CHROMA_GRID, encodeChroma, luma, neutralBin, rgbToChroma, ycbcrToRgb,
} from "./color";

describe("colorization colour space (BT.601 full-range YCbCr)", () => {
  it("grey has neutral chroma and maps to the centre bin of the 9 x 9 grid", () => {
    expect(binCount(DEFAULT_CHROMA_GRID)).toBe(81);
    expect(neutralBin(DEFAULT_CHROMA_GRID)).toBe(40);
    for (const v of [0, 100, 255]) {
      const [cb, cr] = rgbToChroma(v, v, v);
      expect(cb).toBeCloseTo(128, 10);
      expect(cr).toBeCloseTo(128, 10);
      expect(chromaToBin(cb, cr)).toBe(40);
      expect(ycbcrToRgb(v, ...binToChroma(40))).toEqual([v, v, v]);
    }
  });

  it("bins pure red and blue by hand", () => {
    // Red: Cb = 128 - 0.168736 * 255 = 84.972, level round(-43.03 / 24) = -2; Cr = 255.5, level 5.3
    // clamps to the edge 4. Bin (-2 + 4) * 9 + (4 + 4) = 26, centre (80, 224).
    const [cb, cr] = rgbToChroma(255, 0, 0);
    expect(cb).toBeCloseTo(84.97232, 5);
    expect(cr).toBeCloseTo(255.5, 5);
    expect(chromaToBin(cb, cr)).toBe(26);
    expect(binToChroma(26)).toEqual([80, 224]);
    // Decoded on red's luma 76: R = 76 + 1.402 * 96 = 210.6, G = 76 + 0.344136 * 48 - 0.714136 * 96
    // = 23.96, B = 76 - 1.772 * 48 = -9.06, clamped to 0.
    expect(luma(255, 0, 0)).toBe(76);
    expect(ycbcrToRgb(76, 80, 224)).toEqual([211, 24, 0]);
    // Blue: Cb = 255.5 (edge level 4), Cr = 107.27 (level round(-0.86) = -1): bin 8 * 9 + 3 = 75.
    expect(chromaToBin(...rgbToChroma(0, 0, 255))).toBe(75);
  });

  it("RGB -> (Y, Cb, Cr) -> RGB is exact to rounding, and within half a bin after quantising", () => {
    const rand = createRandom(11);
    // Half a bin (12) times each channel's chroma coefficients, plus 0.5 for luma rounding and 0.5
    // for output rounding; the clamp only moves values toward the true (in-gamut) colour.
    const bound = [1.402 * 12 + 1, (0.344136 + 0.714136) * 12 + 1, 1.772 * 12 + 1];
    let checked = 0;
    for (let i = 0; i < 5000; i++) {
      const rgb = [0, 0, 0].map(() => Math.floor(rand() * 256)) as [number, number, number];
      const y = luma(...rgb);
      const [cb, cr] = rgbToChroma(...rgb);
      ycbcrToRgb(y, cb, cr).forEach((v, c) => expect(Math.abs(v - rgb[c]!)).toBeLessThanOrEqual(1));
      if (Math.abs(cb - 128) > 108 || Math.abs(cr - 128) > 108) continue; // beyond the grid (edge bins end at 128 +- 108)
      ycbcrToRgb(y, ...binToChroma(chromaToBin(cb, cr))).forEach((v, c) => expect(Math.abs(v - rgb[c]!)).toBeLessThanOrEqual(bound[c]!));
      checked++;
    }
    expect(checked).toBeGreaterThan(4000);
  });
});

describe("colorization targets", () => {
  it("encodes a constructed 4 x 4 image block by block (block mean chroma)", () => {
    const grey = [100, 100, 100], red = [255, 0, 0], blue = [0, 0, 255], white = [255, 255, 255];
    // Blocks (raster): grey | red / blue | two red + two white pixels.
    const rows = [
      [grey, grey, red, red],
      [grey, grey, red, red],
      [blue, blue, red, white],
      [blue, blue, white, red],
    ];
    const rgb = Uint8Array.from(rows.flat(2));
    // Mixed block: Cb = (84.972 + 128) / 2 = 106.49 -> level -1; Cr = (255.5 + 128) / 2 = 191.75 ->
    // level round(2.66) = 3: bin 3 * 9 + 7 = 34.
    expect(Array.from(encodeChroma(rgb, 4, 2))).toEqual([40, 26, 75, 34]);
  });

  it("decodes neutral bins to the grey image and counts no coloured blocks", () => {
    const scene = sceneAt("val", 0);
    const rgb = decodeChroma(scene.gray, new Int32Array(256).fill(40), 32, 2);
    for (let i = 0; i < 1024; i++) expect([rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]]).toEqual([scene.gray[i], scene.gray[i], scene.gray[i]]);
    expect(colouredBlocks(rgb, 32, 2)).toBe(0);
  });

  it("the quantised ground truth decodes close to the true colours (the output space's ceiling)", () => {
    let oracle = 0;
    let grey = 0;
    for (let i = 0; i < 20; i++) {
      const s = sceneAt("val", i);
      const bins = encodeChroma(s.rgb, 32, 2);
      const rgb = decodeChroma(s.gray, bins, 32, 2);
      expect(colouredBlocks(rgb, 32, 2)).toBe(Array.from(bins).filter((b) => b !== 40).length);
      oracle += chromaFidelity(rgb, s.rgb, 32, 32) / 20;
      grey += chromaFidelity(decodeChroma(s.gray, new Int32Array(256).fill(40), 32, 2), s.rgb, 32, 32) / 20;
    }
    expect(oracle).toBeGreaterThan(0.93);
    expect(grey).toBeLessThan(oracle - 0.05);
  });
});
