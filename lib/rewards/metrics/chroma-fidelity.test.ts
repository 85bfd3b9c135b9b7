// Chroma fidelity in CIELAB a*b*. Reference numbers: an independent numpy implementation of
// the same formulas (IEC 61966-2-1 matrix, white = matrix row sums, CIE 15:2004 f),
// compared to relative 1e-9; Lab of sRGB red also against published tables.
import { describe, expect, it } from "vitest";
import { AB_DIAMETER, chromaError, chromaErrorByCategory, chromaFidelity, srgbToLab } from "./chroma-fidelity";

function close(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

describe("srgbToLab", () => {
  it("maps white to L* 100 and greys to a* = b* = 0", () => {
    // White: X/Xn = Y/Yn = Z/Zn = 1, f(1) = 1, L* = 116 - 16 = 100, a* = b* = 0.
    expect(srgbToLab(255, 255, 255)).toEqual([100, 0, 0]);
    expect(srgbToLab(0, 0, 0)).toEqual([0, 0, 0]);
    const [, a, b] = srgbToLab(128, 128, 128);
    expect(Math.abs(a) + Math.abs(b)).toBeLessThan(1e-12);
  });

  it("gives sRGB red close to the published L* 53.24, a* 80.09, b* 67.20", () => {
    // Published tables use an unrounded matrix; the 4-digit IEC matrix moves them < 0.03.
    const [L, a, b] = srgbToLab(255, 0, 0);
    close(L, 53.23288178584245);
    close(a, 80.1053270902018);
    close(b, 67.22278194543621);
    expect(Math.abs(L - 53.2408) + Math.abs(a - 80.0925) + Math.abs(b - 67.2032)).toBeLessThan(0.05);
  });

  it("takes the gamut diameter between pure green and pure blue", () => {
    // green a*b* = (-86.188, 83.186), blue (79.194, -107.854): sqrt(165.382^2 + 191.040^2).
    close(AB_DIAMETER, 252.68055864303213);
  });
});

describe("chromaFidelity", () => {
  it("is 1 for identical chroma, whatever the lightness", () => {
    const img = Uint8Array.from([200, 30, 60, 10, 200, 90]);
    expect(chromaError(img, img, 2, 1)).toBe(0);
    expect(chromaFidelity(img, img, 2, 1)).toBe(1);
    // Two greys differ only in L*: chroma error ~0.
    close(chromaFidelity([40, 40, 40], [220, 220, 220], 1, 1), 1, 1e-12);
  });

  it("is 0 when every pixel is as far off as sRGB allows", () => {
    expect(chromaFidelity([0, 255, 0, 0, 255, 0], [0, 0, 255, 0, 0, 255], 2, 1)).toBe(0);
  });

  it("averages the per-pixel a*b* distance", () => {
    // Red vs grey 128: a*b* (80.105, 67.223) vs (0, 0) -> 104.574; black vs black -> 0.
    // Mean 52.287, fidelity 1 - 52.287 / 252.681 = 0.79307.
    const pred = [255, 0, 0, 0, 0, 0];
    const target = [128, 128, 128, 0, 0, 0];
    close(chromaError(pred, target, 2, 1), 52.28710606046171);
    close(chromaFidelity(pred, target, 2, 1), 0.7930703242811452);
    const p3 = [200, 30, 60, 10, 200, 90, 5, 5, 250];
    const t3 = [190, 40, 70, 10, 180, 100, 100, 100, 100];
    close(chromaError(p3, t3, 3, 1), 51.76272628679917);
    close(chromaFidelity(p3, t3, 3, 1), 0.7951455918699087);
  });

  it("rejects mismatched shapes, naming the argument", () => {
    expect(() => chromaFidelity([0, 0, 0], [0, 0], 1, 1)).toThrow("target.length: 2 != width * height * 3 = 3");
    expect(() => chromaFidelity([0, 0, 300], [0, 0, 0], 1, 1)).toThrow("prediction[2]: 300");
  });
});

describe("chromaErrorByCategory", () => {
  it("splits the per-pixel error by each pixel's category; the parts add up to chromaError", () => {
    // 2x2: top row sky (segment 1, category 7), bottom-left an object (segment 2, category 1),
    // bottom-right a segment with no category (skipped).
    const target = [40, 80, 220, 40, 80, 220, 214, 38, 38, 0, 0, 0];
    const prediction = [128, 128, 128, 40, 80, 220, 214, 38, 38, 255, 255, 255];
    const { total, byCategory: parts } = chromaErrorByCategory(prediction, target, 2, 2, [1, 1, 2, 3], new Map([[1, 7], [2, 1]]));
    const greyVsBlue = Math.hypot(...srgbToLab(40, 80, 220).slice(1) as [number, number]);
    expect([...parts.keys()]).toEqual([7, 1]);
    close(parts.get(7)!.sum, greyVsBlue);
    expect(parts.get(7)!.pixels).toBe(2);
    expect(parts.get(1)).toEqual({ sum: 0, pixels: 1 });
    close((parts.get(7)!.sum + parts.get(1)!.sum) / 4, chromaError(prediction.slice(0, 9).concat(0, 0, 0), target, 2, 2));
    // The total counts the uncategorised pixel too: it is chromaError times the pixel count.
    close(total / 4, chromaError(prediction, target, 2, 2));
    expect(() => chromaErrorByCategory(prediction, target, 2, 2, [1, 1, 2], new Map())).toThrow(/3 segment ids for 2x2/);
  });
});
