import { describe, expect, it } from "vitest";
import { canTrainHere, presenceLabel, presenceOf } from "./presence";

const base = { trainingHere: false, lockHeld: false, startedInThisBrowser: false };

describe("presenceOf", () => {
  it("tells this tab, another tab, another browser and an interrupted trainer apart", () => {
    const running = { status: "running", displayStatus: "running" } as const;
    expect(presenceOf({ ...base, run: running, trainingHere: true }).kind).toBe("this-tab");
    expect(presenceOf({ ...base, run: running, lockHeld: true, startedInThisBrowser: true }).kind).toBe("other-tab");
    expect(presenceOf({ ...base, run: running }).kind).toBe("other-browser");
    // Reloaded: the heartbeat is still fresh, but this browser's trainer holds no lock any more.
    expect(presenceOf({ ...base, run: running, startedInThisBrowser: true }).kind).toBe("interrupted");
    expect(presenceOf({ ...base, run: { status: "running", displayStatus: "interrupted" } }).kind).toBe("interrupted");
  });

  it("offers a trainer only where none is alive", () => {
    expect(canTrainHere(presenceOf({ ...base, run: { status: "paused", displayStatus: "paused" } }))).toBe(true);
    expect(canTrainHere(presenceOf({ ...base, run: { status: "running", displayStatus: "running" } }))).toBe(false);
    expect(canTrainHere(presenceOf({ ...base, run: { status: "completed", displayStatus: "completed" } }))).toBe(false);
  });

  it("names the last checkpoint of an interrupted run", () => {
    expect(presenceLabel({ kind: "interrupted" }, 3)).toBe("interrupted — last checkpoint at step 3");
    expect(presenceLabel({ kind: "paused" }, null)).toBe("paused — no checkpoint yet (resumes from the start)");
  });
});
