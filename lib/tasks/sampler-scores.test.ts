import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sceneAt } from "@/lib/data";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { createRandom, TASKS } from "./index";

beforeAll(useWasmBackend);

const scenes = Array.from({ length: 2 }, (_, i) => sceneAt("train", 40 + i));

/**
 * Where a sampler returns log p and entropy of its samples (the trainer then skips a no-grad
 * scoring pass), they are what `score` gives for the same actions at the same temperature.
 */
describe("sampler scores equal score()", () => {
  for (const id of ["captioning", "detection"] as const) {
    for (const temperature of [1, 0.6]) {
      it(`${id} at t ${temperature}`, async () => {
        const policy = TASKS[id]!.createPolicy("smoke", 5);
        try {
          const drawn = await policy.sample(scenes, { n: 3, temperature, rand: createRandom(2) });
          expect(drawn.scores).toBeDefined();
          const scored = tf.tidy(() => policy.score(scenes, drawn.actions, { n: 3, temperature }));
          const logp = Array.from(await scored.logp.data());
          const entropy = Array.from(await scored.entropy.data());
          scored.logp.dispose();
          scored.entropy.dispose();
          for (let i = 0; i < logp.length; i++) {
            expect(drawn.scores!.logp[i]).toBeCloseTo(logp[i]!, 3);
            expect(Math.abs(drawn.scores!.entropy[i]! - entropy[i]!)).toBeLessThan(1e-3 * Math.max(1, Math.abs(entropy[i]!)));
          }
          expect((await policy.sample(scenes, { n: 1, temperature, rand: createRandom(2), greedy: true })).scores).toBeUndefined();
        } finally {
          policy.dispose();
        }
      });
    }
  }
});
