// Input checks of panoptic quality: panopticapi's KeyErrors (unknown category, id in the
// PNG but not in segments_info, id in segments_info but not in the PNG) plus shape checks.
import { describe, expect, it } from "vitest";
import { panopticQuality, PQStat, type PanopticCategory, type PanopticImage } from "./panoptic-quality";

const CATS: PanopticCategory[] = [
  { id: 1, isthing: 1 },
  { id: 7, isthing: 0 },
];
function ok(id: number | string = 7): PanopticImage {
  return {
    id,
    height: 1,
    width: 3,
    groundTruth: { segmentIds: [1, 1, 2], segments: [{ id: 1, category_id: 7 }, { id: 2, category_id: 1 }] },
    prediction: { segmentIds: [5, 5, 6], segments: [{ id: 5, category_id: 7 }, { id: 6, category_id: 1 }] },
  };
}
function withPred(pred: Partial<PanopticImage["prediction"]>): PanopticImage {
  const base = ok();
  return { ...base, prediction: { ...base.prediction, ...pred } };
}

describe("panopticQuality input checks", () => {
  it("rejects a prediction with an unknown category", () => {
    const im = withPred({ segmentIds: [5, 5, 6], segments: [{ id: 5, category_id: 7 }, { id: 6, category_id: 99 }] });
    expect(() => panopticQuality(CATS, [ok(), ok(), im])).toThrow(
      'images[2].prediction.segments[1].category_id: 99 is not a known category (image id 7)',
    );
  });

  it("defers the category check of a PQStat built without categories to average()", () => {
    const im = withPred({ segmentIds: [5, 5, 6], segments: [{ id: 5, category_id: 7 }, { id: 6, category_id: 99 }] });
    const stat = new PQStat().add(im);
    expect(() => stat.average(CATS)).toThrow("image.prediction.segments[1].category_id: 99 is not a known category");
    expect(() => new PQStat(CATS).add(im)).toThrow("99 is not a known category");
    expect(() => new PQStat().average()).toThrow("no categories");
  });

  it("rejects an id in the map that is not listed", () => {
    expect(() => panopticQuality(CATS, [withPred({ segmentIds: [5, 8, 0] })])).toThrow(
      "images[0].prediction.segmentIds[1]: segment id 8 is not listed in segments (image id 7)",
    );
    const gt = { ...ok(), groundTruth: { segmentIds: [1, 3, 2], segments: ok().groundTruth.segments } };
    expect(() => panopticQuality(CATS, [gt])).toThrow("images[0].groundTruth.segmentIds[1]: segment id 3 is not listed");
  });

  it("rejects a listed segment absent from the map", () => {
    const im = withPred({ segmentIds: [5, 5, 5] }); // 6 listed, no pixels
    expect(() => panopticQuality(CATS, [im])).toThrow(
      "images[0].prediction.segments[1].id: segment 6 is listed but absent from images[0].prediction.segmentIds",
    );
  });

  it("rejects maps whose length is not height * width", () => {
    expect(() => panopticQuality(CATS, [withPred({ segmentIds: [5, 5] })])).toThrow(
      "images[0].prediction.segmentIds: length 2 != height * width = 3 (image id 7)",
    );
    expect(() => panopticQuality(CATS, [{ ...ok(), height: 2 }])).toThrow("groundTruth.segmentIds: length 3 != height * width = 6");
  });

  it("rejects bad segment ids, iscrowd values and category tables", () => {
    expect(() => panopticQuality(CATS, [withPred({ segments: [{ id: 0, category_id: 7 }] })])).toThrow(
      "images[0].prediction.segments[0].id: 0 is not a positive integer (0 is VOID)",
    );
    const twice = [{ id: 5, category_id: 7 }, { id: 5, category_id: 1 }];
    expect(() => panopticQuality(CATS, [withPred({ segments: twice })])).toThrow("segments[1].id: segment id 5 is listed twice");
    const crowd = { ...ok(), groundTruth: { ...ok().groundTruth, segments: [{ id: 1, category_id: 7, iscrowd: 2 as 1 }] } };
    expect(() => panopticQuality(CATS, [crowd])).toThrow("groundTruth.segments[0].iscrowd: 2 is not 0 or 1");
    expect(() => panopticQuality([...CATS, { id: 1, isthing: 0 }], [])).toThrow("categories[2].id: category 1 is listed twice");
    expect(() => panopticQuality([{ id: 3, isthing: 2 as 1 }], [])).toThrow("categories[0].isthing: 2 is not 0, 1 or a boolean");
  });

  it("accepts typed-array maps and leaves the stat unchanged after a rejected image", () => {
    const stat = new PQStat(CATS);
    stat.add({ ...ok(), groundTruth: { ...ok().groundTruth, segmentIds: Int32Array.from([1, 1, 2]) } });
    const before = stat.get(1);
    expect(() => stat.add(withPred({ segmentIds: [5, 9, 0] }))).toThrow();
    expect(stat.get(1)).toEqual(before);
  });
});
