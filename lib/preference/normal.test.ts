import { describe, expect, it } from "vitest";
import { normalQuantile } from "./normal";

const expectRel = (actual: number, want: number, rel = 1e-15) => expect(Math.abs(actual - want)).toBeLessThanOrEqual(rel * Math.abs(want));

// [p, scipy.stats.norm.ppf(p)], scipy 1.10.1 (Debian python3-scipy; Cephes ndtri, a different
// algorithm from AS 241). p: 8 uniform draws, 8 log-uniform in (1e-300, 0.1), 4 near 1, then the
// branch edges of AS 241 (|p - 0.5| = 0.425; r = 5 at p = exp(-25)) and the extremes.
const SCIPY: [number, number][] = [
  [0.897075452571164, 1.2650620239917254],
  [0.7685327872658538, 0.7340234839991113],
  [0.7350604311707173, 0.6281905232627015],
  [0.3476060338895446, -0.39179178181435886],
  [0.587942923225537, 0.2222565765879758],
  [0.0706151452622229, -1.4712249549949659],
  [0.3027940059926496, -0.5163814601336891],
  [0.9378346891715328, 1.53684764986442],
  [2.8926291081056196e-233, -32.589455171746785],
  [7.757952306112945e-166, -27.420752826226273],
  [1.1897049275310399e-122, -23.52288097704606],
  [7.561697905031631e-36, -12.443749731300057],
  [9.344723879911421e-247, -33.528241583189015],
  [4.875760495651614e-16, -8.0299464630131],
  [2.3374680314647228e-62, -16.62394888145884],
  [2.124354718517111e-61, -16.49113804788353],
  [0.9999994582043961, 4.8758168341594255],
  [0.9985484526753658, 2.9778167861481917],
  [0.9999128137940869, 3.7535145415441113],
  [0.9999999488009365, 5.32241590267166],
  [0.075, -1.4395314709384563],
  [0.925, 1.4395314709384563],
  [0.07499999999999, -1.4395314709385265],
  [1.3887943864964021e-11, -6.657904643501104],
  [1.3887945253758408e-11, -6.657904628799511],
  [0.975, 1.959963984540054],
  [0.025, -1.9599639845400545],
  [0.8413447460685429, 1.0],
  [5e-324, -38.467405617144344],
  [1e-300, -37.0470962993612],
];

describe("normalQuantile (AS 241)", () => {
  it("matches scipy.stats.norm.ppf to 1e-15 relative, tails and branch edges included", () => {
    for (const [p, z] of SCIPY) expectRel(normalQuantile(p), z);
  });

  it("is 0 at 1/2, odd about 1/2, and increasing", () => {
    expect(normalQuantile(0.5)).toBe(0);
    for (const p of [0.3, 0.1, 0.01, 1e-5]) expectRel(normalQuantile(1 - p), -normalQuantile(p), 1e-11); // 1 - p rounds
    const zs = Array.from({ length: 999 }, (_, i) => normalQuantile((i + 1) / 1000));
    for (let i = 1; i < zs.length; i++) expect(zs[i]).toBeGreaterThan(zs[i - 1]!);
  });

  it("gives the infinities at 0 and 1 and NaN outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    for (const p of [-0.1, 1.5, NaN]) expect(normalQuantile(p)).toBeNaN();
  });
});
