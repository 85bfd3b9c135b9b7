import { describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { captioningTask } from "./task";

const scenes = [...Array(40).keys()].map((i) => sceneAt("val", i));

describe("captioning evalMetrics: what CIDEr-D leaves out", () => {
  it("the first reference captions name every object, none that is absent, and state right counts", () => {
    const m = captioningTask.evalMetrics(scenes.map((s) => ({ text: s.captions[0]! })), scenes);
    expect(m).toMatchObject({ object_recall: 1, object_hallucination: 0, count_accuracy: 1 });
  });

  it("counts corpus diversity: vocabulary, distinct captions and distinct-2", () => {
    const texts = ["a red circle", "a red circle", "two blue squares"];
    const m = captioningTask.evalMetrics(texts.map((text) => ({ text })), scenes.slice(0, 3));
    // Words: a red circle two blue squares. Bigrams: (a red) (red circle) twice, (two blue) (blue squares): 4 distinct of 6.
    expect(m).toMatchObject({ vocabulary: 6, distinct_captions: 2, distinct_2: 4 / 6 });
  });

  it("a caption that names nothing has recall 0 on scenes with objects, and sums over the corpus, not per caption", () => {
    const two = scenes.filter((s) => s.objects.length > 0).slice(0, 2);
    const m = captioningTask.evalMetrics([{ text: two[0]!.captions[0]! }, { text: "a plain scene" }], two);
    expect(m.object_recall).toBeCloseTo(two[0]!.objects.length / (two[0]!.objects.length + two[1]!.objects.length), 12);
  });
});
