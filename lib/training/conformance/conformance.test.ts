import path from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { TASK_IDS, type TaskId } from "@/lib/rewards";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { selectBackend } from "../backend";
import { fromArtifacts } from "../checkpoint";
import { loadCheckpointDir } from "../node/checkpoint-files";
import { compareValues, OP_CASES, runConformance, taskCase } from ".";

const loadShipped = async (task: TaskId) => (await fromArtifacts(await loadCheckpointDir(path.join("public/models", task, "mle")))).policy;

beforeAll(async () => {
  await selectBackend("cpu");
  await useWasmBackend();
});

describe("compareValues", () => {
  it("judges each element against rtol plus atol scaled by the output's largest magnitude", () => {
    const tol = { rtol: 1e-3, atol: 1e-4, floor: 0 };
    // scale 100: atol = 0.01; element 1 may differ by 0.01 + 0.001 * 1 = 0.011.
    expect(compareValues([100, 1], [100.05, 1.0105], tol).ok).toBe(true);
    const bad = compareValues([100, 1], [100, 1.02], tol);
    expect(bad.ok).toBe(false);
    expect(bad.worst).toBe(1);
    expect(bad.maxAbsDiff).toBeCloseTo(0.02, 6);
  });

  it("fails a non-finite value where the reference is finite, and a length mismatch", () => {
    const c = compareValues([1, 2], [1, NaN], { rtol: 1, atol: 1, floor: 0 });
    expect(c).toMatchObject({ ok: false, nonFinite: 1, worst: 1 });
    expect(compareValues([1], [1, 2], { rtol: 1, atol: 1, floor: 0 }).ok).toBe(false);
    expect(compareValues([-Infinity], [-Infinity], { rtol: 0, atol: 0, floor: 0 }).ok).toBe(true);
  });

  it("never allows less than the floor (outputs that are zero in exact arithmetic)", () => {
    expect(compareValues([-7.7e-12], [1.2e-11], { rtol: 1e-4, atol: 1e-5, floor: 1e-7 }).ok).toBe(true);
    expect(compareValues([-7.7e-12], [2e-7], { rtol: 1e-4, atol: 1e-5, floor: 1e-7 }).ok).toBe(false);
  });
});

describe("conformance in Node: wasm against cpu", () => {
  it("every op agrees forward and backward, and leaks nothing", async () => {
    const before = tf.memory().numTensors;
    const results = await runConformance(OP_CASES, { backend: "wasm" });
    expect(tf.memory().numTensors).toBe(before);
    const failed = results.filter((r) => !r.ok).map((r) => `${r.id}: ${r.error ?? r.outputs.filter((o) => !o.ok).map((o) => `${o.name} ${o.ref} vs ${o.got}`).join(", ")}`);
    expect(failed).toEqual([]);
    expect(results.map((r) => r.id)).toContain("sequence-logp-detection");
    for (const r of results) expect(r.outputs.some((o) => o.name.startsWith("d/"))).toBe(true);
  });

  it.each(TASK_IDS)("%s: losses, log p and gradient norms agree from the shipped weights", async (task) => {
    const before = tf.memory().numTensors;
    const [r] = await runConformance([taskCase(task, loadShipped)], { backend: "wasm" });
    expect(tf.memory().numTensors).toBe(before); // the case disposes its policy and every tensor it made
    expect(r?.error).toBeUndefined();
    expect(r?.outputs.map((o) => o.name)).toEqual(["log p", "entropy", "MLE loss", "MLE grad norm", "REINFORCE loss", "REINFORCE grad norm"]);
    expect(r?.outputs.filter((o) => !o.ok)).toEqual([]);
    for (const o of r!.outputs) expect(Number.isFinite(o.got)).toBe(true);
  }, 60_000);
});
