// Panoptic quality against numbers from a transliteration of cocodataset/panopticapi
// (see panoptic-conformance-cases.ts), and the example file examples/score/panoptic-quality.json.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PANOPTIC_CASES, caseImages } from "./panoptic-conformance-cases";
import { panopticQuality, PQStat, type PanopticCategory, type PanopticImage, type PQ } from "./panoptic-quality";

function close(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}
function expectAvg(actual: PQ, [pq, sq, rq, n]: [number, number, number, number]): void {
  close(actual.PQ, pq);
  close(actual.SQ, sq);
  close(actual.RQ, rq);
  expect(actual.n).toBe(n);
}

describe("panopticQuality matches panopticapi", () => {
  for (const c of PANOPTIC_CASES) {
    it(`random case seed ${c.seed}`, () => {
      const r = panopticQuality(c.categories, caseImages(c));
      expectAvg(r.All, c.all);
      expectAvg(r.Things, c.things);
      expectAvg(r.Stuff, c.stuff);
      expect(Object.keys(r.perClass).sort()).toEqual(Object.keys(c.perClass).sort());
      for (const [id, [pq, sq, rq]] of Object.entries(c.perClass)) {
        close(r.perClass[id]!.PQ, pq);
        close(r.perClass[id]!.SQ, sq);
        close(r.perClass[id]!.RQ, rq);
      }
    });
  }

  it("gives the same result image by image through PQStat.merge", () => {
    const c = PANOPTIC_CASES[2]!;
    const stat = new PQStat();
    for (const im of caseImages(c)) stat.merge(new PQStat().add(im));
    expectAvg(stat.average(c.categories).All, c.all);
  });
});

describe("examples/score/panoptic-quality.json", () => {
  const example = JSON.parse(readFileSync(new URL("../../../examples/score/panoptic-quality.json", import.meta.url), "utf8")) as {
    categories: PanopticCategory[];
    images: PanopticImage[];
  };

  it("scores as panopticapi does", () => {
    // Per class, summed over both images (hand check):
    //   circle: tp 1, IoU 6/9; its second prediction lies in the circle crowd -> ignored.
    //   square: tp 2 (IoU 9/12 and 1), fp 1 (on the sky), fn 1 -> PQ 1.75 / 3.
    //   sky:    tp 1 (IoU 16 / (18 + 18 - 16) = 0.8), fp 1 (image 2) -> PQ 0.8 / 1.5.
    //   grass:  tp 1 (IoU 17 / (25 + 17 - 17 - 2 VOID) = 17/23), image 2: IoU 20/51 -> fp 1, fn 1.
    //   sand:   absent everywhere -> 0s, not in n.
    const r = panopticQuality(example.categories, example.images);
    expectAvg(r.All, [0.5382246376811594, 0.7701992753623188, 0.7083333333333333, 4]);
    expectAvg(r.Things, [0.625, 0.7708333333333333, 0.8333333333333333, 2]);
    expectAvg(r.Stuff, [0.4514492753623188, 0.7695652173913043, 0.5833333333333333, 2]);
    close(r.perClass["1"]!.PQ, 2 / 3);
    close(r.perClass["2"]!.PQ, 1.75 / 3);
    close(r.perClass["7"]!.PQ, 0.8 / 1.5);
    close(r.perClass["8"]!.SQ, 17 / 23);
    expect(r.perClass["11"]).toEqual({ PQ: 0, SQ: 0, RQ: 0 });
  });
});
