import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { heldOutScenes } from "./scenes";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { taskDefinition, type TaskDefinition } from "@/lib/tasks";
import { fromArtifacts } from "./checkpoint";
import { loadCheckpointDir } from "./node/checkpoint-files";

/** The models the app ships (public/models/<task>/<kind>/), produced by the CLI (docs/RESULTS.md). */
const SHIPPED = [
  ["captioning", "mle"], ["captioning", "tuned"], ["colorization", "mle"], ["colorization", "tuned"], ["detection", "mle"], ["detection", "tuned"],
  ["panoptic", "mle"], ["panoptic", "tuned"],
] as const;

beforeAll(useWasmBackend);

describe("shipped checkpoints", () => {
  it.each(SHIPPED)("%s/%s loads, matches its manifest and evaluates a few test images", async (task, kind) => {
    const dir = path.join("public/models", task, kind);
    expect(existsSync(path.join(dir, "model.json")), `${dir}/model.json`).toBe(true);
    const { policy, manifest } = await fromArtifacts(await loadCheckpointDir(dir));
    try {
      expect(manifest.task).toBe(task);
      expect(manifest.run?.kind).toBe(kind === "mle" ? "mle" : "reinforce");
      expect(manifest.parent).toBe(kind === "mle" ? null : `models/${task}/mle`);
      expect(manifest.evalMetrics).not.toBeNull();
      if (kind === "tuned") expect(manifest.rewardSpec?.task).toBe(task);
      // No optimizer state in shipped models: weights only, a few MB at most.
      const json = JSON.parse(readFileSync(path.join(dir, "model.json"), "utf8"));
      const names: string[] = json.weightsManifest.flatMap((g: { weights: { name: string }[] }) => g.weights.map((w) => w.name));
      expect(names.some((n) => n.startsWith("optimizer/"))).toBe(false);
      const scenes = heldOutScenes("test", 4);
      const outputs = await policy.greedy(scenes);
      expect(outputs).toHaveLength(4);
      const metrics = (taskDefinition(task) as TaskDefinition).evalMetrics(outputs, scenes);
      for (const v of Object.values(metrics)) expect(Number.isFinite(v)).toBe(true);
    } finally {
      policy.dispose();
    }
  });
});
