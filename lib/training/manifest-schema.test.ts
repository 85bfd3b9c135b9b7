import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_REWARD_SPECS } from "@/lib/rewards";
import { StudioError } from "@/lib/errors";
import { parseCheckpointManifest, parseCheckpointUpload } from "./manifest-schema";

/** The shipped tuned captioning model, as tf.io.http(url).save() would send it. */
function shipped(task = "captioning", kind = "tuned"): { json: Record<string, unknown>; weights: Uint8Array } {
  const dir = path.resolve("public/models", task, kind);
  const json = JSON.parse(readFileSync(path.join(dir, "model.json"), "utf8")) as { weightsManifest: { paths: string[] }[] };
  const weights = new Uint8Array(readFileSync(path.join(dir, json.weightsManifest[0]!.paths[0]!)));
  json.weightsManifest[0]!.paths = ["./model.weights.bin"];
  return { json, weights };
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Parses a changed copy of the shipped upload; returns the refusal message ("" when accepted). */
function refusal(change: (json: Json, manifest: Json) => void, weights?: (w: Uint8Array) => Uint8Array): string {
  const up = shipped();
  const json = structuredClone(up.json) as Json;
  change(json, json.userDefinedMetadata?.manifest ?? {});
  try {
    parseCheckpointUpload({ modelJson: JSON.stringify(json), weights: weights ? weights(up.weights) : up.weights });
    return "";
  } catch (err) {
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).code).toBe("bad_request:checkpoint");
    return (err as StudioError).message;
  }
}

describe("checkpoint manifest schema", () => {
  it("accepts the shipped checkpoints of both kinds, with the artifacts TF.js needs", () => {
    for (const kind of ["mle", "tuned"]) {
      const up = shipped("captioning", kind);
      const { artifacts, manifest } = parseCheckpointUpload({ modelJson: JSON.stringify(up.json), weights: up.weights });
      expect(manifest.task).toBe("captioning");
      expect(manifest.params).toBe(188_699);
      expect(artifacts.weightSpecs).toHaveLength(95);
      expect((artifacts.weightData as ArrayBuffer).byteLength).toBe(188_699 * 4);
      expect(artifacts.userDefinedMetadata).toEqual(up.json.userDefinedMetadata);
    }
    const color = shipped("colorization", "mle");
    expect(parseCheckpointUpload({ modelJson: JSON.stringify(color.json), weights: color.weights }).manifest.task).toBe("colorization");
  });

  it("accepts the optimizer's int32 step counter next to the float32 weights", () => {
    expect(refusal((j) => j.weightsManifest[0].weights.push({ name: "optimizer/iter", shape: [], dtype: "int32" }), (w) => {
      const out = new Uint8Array(w.byteLength + 4);
      out.set(w);
      return out;
    })).toBe("");
  });

  it.each<[string, (j: Json, m: Json) => void, RegExp]>([
    ["an unknown task", (_, m) => { m.task = "segmentation"; }, /^model\.json: userDefinedMetadata\.manifest\.task: expected one of captioning, detection, panoptic, colorization$/],
    ["another format", (_, m) => { m.format = "keras"; }, /manifest\.format: expected "reward-studio-checkpoint\/1"/],
    ["an architecture of another task", (_, m) => { m.architecture.task = "detection"; }, /manifest\.architecture\.task: expected captioning, the manifest's task/],
    ["no architecture kind", (_, m) => { delete m.architecture.kind; }, /manifest\.architecture\.kind: expected the model kind/],
    ["params 0", (_, m) => { m.params = 0; }, /manifest\.params: expected a positive number/],
    ["fractional params", (_, m) => { m.params = 1.5; }, /manifest\.params: expected a whole number/],
    ["params that do not match the weights", (_, m) => { m.params = 1000; }, /manifest\.params: expected 188699, the number of values in the model's weights, got 1000/],
    ["a run of an unknown kind", (_, m) => { m.run.kind = "ppo"; }, /manifest\.run\.kind: expected "mle" or "reinforce"/],
    ["a negative step", (_, m) => { m.run.step = -1; }, /manifest\.run\.step: expected the step reached >= 0/],
    ["a numeric parent", (_, m) => { m.parent = 5; }, /manifest\.parent: expected the parent's address or null/],
    ["a reward spec of another task", (_, m) => { m.rewardSpec = DEFAULT_REWARD_SPECS.detection; }, /manifest\.rewardSpec\.task: expected captioning/],
    ["an invalid reward spec", (_, m) => { m.rewardSpec.terms[0].weight = "high"; }, /manifest\.rewardSpec\.terms\[0\]\.weight: expected a finite number/],
    ["a text metric", (_, m) => { m.evalMetrics = { CIDEr: "high" }; }, /manifest\.evalMetrics\.CIDEr: /],
    ["an unknown key", (_, m) => { m.owner = "me"; }, /userDefinedMetadata\.manifest: .*owner/],
    ["a time that is not ISO 8601", (_, m) => { m.createdAt = "yesterday"; }, /manifest\.createdAt: expected an ISO 8601 time/],
    ["no manifest", (j) => { delete j.userDefinedMetadata; }, /^model\.json: userDefinedMetadata: expected \{ manifest \}$/],
    ["no weights manifest", (j) => { j.weightsManifest = []; }, /^model\.json: weightsManifest: expected at least one weight group$/],
    ["a weight named twice", (j) => { j.weightsManifest[0].weights[1].name = j.weightsManifest[0].weights[0].name; }, /^model\.json: weightsManifest\[0\]\.weights\[1\]\.name: "enc\/embed\/w" appears twice$/],
    ["an int32 model weight", (j) => { j.weightsManifest[0].weights[2].dtype = "int32"; }, /weightsManifest\[0\]\.weights\[2\]\.dtype: expected float32 \(int32 only for optimizer\/ state\)/],
    ["a string weight", (j) => { j.weightsManifest[0].weights[0].dtype = "string"; }, /weightsManifest\[0\]\.weights\[0\]\.dtype: expected float32/],
    ["quantized weights", (j) => { j.weightsManifest[0].weights[0].quantization = { dtype: "uint8", scale: 1, min: 0 }; }, /weights\[0\]\.quantization: quantized weights are not supported/],
  ])("refuses %s, naming the field", (_, change, message) => {
    expect(refusal(change)).toMatch(message);
  });

  it("refuses weights whose length is not the sum of the specs' sizes", () => {
    expect(refusal(() => {}, (w) => w.slice(0, w.byteLength - 4))).toBe(
      "model.weights.bin: expected 754796 bytes (the sizes in model.json's weightsManifest), got 754792",
    );
  });

  it("refuses text that is not JSON", () => {
    expect(() => parseCheckpointUpload({ modelJson: "{", weights: new Uint8Array() })).toThrow(/^model\.json: not valid JSON/);
  });

  it("parses a manifest on its own, naming the field", () => {
    const m = (shipped().json.userDefinedMetadata as { manifest: unknown }).manifest;
    expect(parseCheckpointManifest(m).task).toBe("captioning");
    expect(() => parseCheckpointManifest({ ...(m as object), task: "x" })).toThrow(/^manifest: task: expected one of captioning/);
  });
});
