import { beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { createRandom, TASKS } from "./index";

beforeAll(useWasmBackend);

const scenes = Array.from({ length: 2 }, (_, i) => sceneAt("train", 20 + i));

describe("sample({ greedy: true }) is the greedy output, with its actions", () => {
  for (const [id, task] of Object.entries(TASKS)) {
    it(id, async () => {
      const policy = task.createPolicy("smoke", 3);
      try {
        const sampled = await policy.sample(scenes, { n: 1, temperature: 0.7, rand: createRandom(1), greedy: true });
        expect(sampled.outputs).toEqual(await policy.greedy(scenes));
        expect(sampled.actions).toHaveLength(scenes.length);
      } finally {
        policy.dispose();
      }
    });
  }
});
