import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useWasmBackend } from "@/lib/testing/tf-backend";
import { createToyPolicy, weightBytes } from "@/lib/testing/toy-policy";
import { trainMle, type MleStepLog } from "./mle";
import { MleSettingsSchema } from "./settings";

beforeAll(useWasmBackend);

const settings = (extra: object) => MleSettingsSchema.parse({ task: "captioning", steps: 5, batchSize: 1, lr: 0.1, ...extra });

describe("trainMle and skipped updates", () => {
  it("a non-finite loss skips the update, says so in the step log, and halts after too many in a row", async () => {
    // The toy's label is choice 0, which it gives probability 0: loss -log p(0) = +Inf every step.
    const policy = createToyPolicy([-Infinity, 0, 0], [[0]]);
    const opt = tf.train.adam(0.1);
    const before = await weightBytes(policy);
    const logs: MleStepLog[] = [];
    const result = await trainMle(policy, opt, settings({ maxConsecutiveSkips: 1 }), { onStep: (l) => logs.push(l) });
    expect(logs.map((l) => [l.step, l.skipped])).toEqual([[0, "non-finite loss"], [1, "non-finite loss"]]);
    expect(result).toEqual({
      step: 2, skippedSteps: 2,
      halted: "the updates of steps 0 to 1 were skipped (2 in a row, more than maxConsecutiveSkips = 1); last reason: non-finite loss",
    });
    expect(await weightBytes(policy)).toEqual(before);
    opt.dispose();
    policy.dispose();
  });

  it("a finite run has no skipped field in its logs and reports no skips", async () => {
    const policy = createToyPolicy([0, 0, 0], [[0]]);
    const opt = tf.train.adam(0.1);
    const logs: MleStepLog[] = [];
    expect(await trainMle(policy, opt, settings({ steps: 2 }), { onStep: (l) => logs.push(l) })).toEqual({ step: 2, skippedSteps: 0 });
    for (const l of logs) expect(l).not.toHaveProperty("skipped");
    // p(0) = 1/3 at the start: loss ln 3.
    expect(logs[0]!.loss).toBeCloseTo(Math.log(3), 6);
    opt.dispose();
    policy.dispose();
  });

  it("the setting defaults to 5 and refuses a negative or fractional value", () => {
    expect(settings({}).maxConsecutiveSkips).toBe(5);
    expect(MleSettingsSchema.safeParse({ task: "captioning", steps: 1, batchSize: 1, lr: 0.1, maxConsecutiveSkips: -1 }).success).toBe(false);
    expect(MleSettingsSchema.safeParse({ task: "captioning", steps: 1, batchSize: 1, lr: 0.1, maxConsecutiveSkips: 1.5 }).success).toBe(false);
  });
});
