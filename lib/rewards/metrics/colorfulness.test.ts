// Hasler & Süsstrunk colourfulness. Hand cases, then numbers from numpy on the same data:
//   rg = R - G; yb = 0.5 * (R + G) - B
//   M = sqrt(np.std(rg)**2 + np.std(yb)**2) + 0.3 * sqrt(np.mean(rg)**2 + np.mean(yb)**2)
// (numpy 2.4, float64), compared to relative 1e-9.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { colorfulness, type Colorfulness } from "./colorfulness";

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}
function expectNumpy(r: Colorfulness, [m, sigma, mu]: [number, number, number]): void {
  close(r.colorfulness, m);
  close(r.sigmaRgyb, sigma);
  close(r.muRgyb, mu);
}

describe("colorfulness", () => {
  it("is 0 for any grey image", () => {
    // R = G = B = v: rg = 0 and yb = v - v = 0 at every pixel.
    const grey = Uint8Array.from([0, 0, 0, 77, 77, 77, 128, 128, 128, 255, 255, 255]);
    expect(colorfulness(grey, 2, 2)).toEqual({ colorfulness: 0, sigmaRgyb: 0, muRgyb: 0 });
  });

  it("matches a 2-pixel image worked by hand", () => {
    // red (255, 0, 0): rg = 255, yb = 127.5;  blue (0, 0, 255): rg = 0, yb = -255.
    // mean rg = 127.5, mean yb = -63.75; population std of two values = half their gap:
    // std rg = 127.5, std yb = 382.5 / 2 = 191.25.
    // sigma = sqrt(127.5^2 + 191.25^2) = 127.5 sqrt(3.25) ≈ 229.8539
    // mu = sqrt(127.5^2 + 63.75^2) = 63.75 sqrt(5) ≈ 142.5493
    // M = sigma + 0.3 mu ≈ 229.8539 + 42.7648 = 272.6187
    const r = colorfulness([255, 0, 0, 0, 0, 255], 2, 1);
    close(r.sigmaRgyb, 127.5 * Math.sqrt(3.25));
    close(r.muRgyb, 63.75 * Math.sqrt(5));
    close(r.colorfulness, 127.5 * Math.sqrt(3.25) + 0.3 * 63.75 * Math.sqrt(5));
    expect(r.colorfulness).toBeCloseTo(272.6187, 4);
  });

  it("scores a pure red image by its mean only", () => {
    // Every pixel rg = 255, yb = 127.5: stds 0, mu = sqrt(255^2 + 127.5^2) = 127.5 sqrt(5),
    // M = 0.3 * 127.5 sqrt(5) = 38.25 sqrt(5) ≈ 85.5296.
    const red = new Uint8Array(3 * 6);
    for (let i = 0; i < red.length; i += 3) red[i] = 255;
    const r = colorfulness(red, 3, 2);
    expect(r.sigmaRgyb).toBe(0);
    close(r.muRgyb, 127.5 * Math.sqrt(5));
    close(r.colorfulness, 38.25 * Math.sqrt(5));
  });

  it("matches numpy on non-integer values and on a nearly constant image", () => {
    const floats = [12.5, 200.25, 3.75, 254.9, 0.1, 128.0, 77.7, 77.7, 77.7, 33.3, 250.0, 99.99];
    expectNumpy(colorfulness(floats, 2, 2), [208.32919770597923, 192.76434871608777, 51.88282996630485]);
    // 999 pixels (250, 10, 5) and one (251, 10, 5): tiny std under a large mean, where a
    // one-pass E[x^2] - E[x]^2 would lose digits.
    const nearlyConstant = [...Array.from({ length: 999 }, () => [250, 10, 5]).flat(), 251, 10, 5];
    expectNumpy(colorfulness(nearlyConstant, 1000, 1), [81.21602778776528, 0.035337656968169234, 270.6023004359904]);
  });

  it("rejects wrong lengths, sizes and out-of-range values, naming the field", () => {
    expect(() => colorfulness([1, 2, 3, 4], 1, 1)).toThrow("rgb.length: 4 != width * height * 3 = 3");
    expect(() => colorfulness([1, 2, 3], 0, 1)).toThrow("width 0 and height 1 must be positive integers");
    expect(() => colorfulness([1, 256, 3], 1, 1)).toThrow("rgb[1]: 256 is not a finite value in 0..255");
    expect(() => colorfulness([1, 2, -1], 1, 1)).toThrow("rgb[2]: -1");
    expect(() => colorfulness([NaN, 2, 3], 1, 1)).toThrow("rgb[0]: NaN");
  });
});

describe("examples/score/colorfulness.json", () => {
  const example = JSON.parse(readFileSync(new URL("../../../examples/score/colorfulness.json", import.meta.url), "utf8")) as {
    images: { width: number; height: number; rgb: number[] }[];
  };
  // numpy: [M, sigma_rgyb, mu_rgyb] per image.
  const NUMPY: [number, number, number][] = [
    [119.40397208232002, 68.00735254367721, 171.32206512880938],
    [70.05274858165141, 63.55317594612802, 21.665242118411292],
    [281.97298363312586, 262.84798363312586, 63.75],
  ];

  it("matches numpy on every image", () => {
    expect(example.images).toHaveLength(NUMPY.length);
    example.images.forEach((im, i) => expectNumpy(colorfulness(im.rgb, im.width, im.height), NUMPY[i]!));
  });

  it("matches the hand count for the red / green / blue / yellow image", () => {
    // rg = 255, -255, 0, 0 -> mean 0, std 255 / sqrt(2); yb = 127.5, 127.5, -255, 255 ->
    // mean 63.75, std 191.25. sigma = sqrt(32512.5 + 36576.5625), mu = 63.75.
    const im = example.images[2]!;
    const r = colorfulness(im.rgb, im.width, im.height);
    close(r.sigmaRgyb, Math.sqrt(32512.5 + 36576.5625));
    close(r.muRgyb, 63.75);
  });
});
