import { describe, expect, it } from "vitest";
import type { RunSummary } from "./contract";
import { evalDelta, runDurationMs, sortRuns } from "./list";

const run = (id: string, over: Partial<RunSummary>): RunSummary => ({
  id, name: "", task: "captioning", kind: "reinforce", source: "tab", status: "completed", displayStatus: "completed",
  owner: { id: "u", name: "Eli", email: "e@x" }, settings: {}, backend: "wasm", backendReason: null, error: null, baseCheckpointId: null, baseUri: null,
  rewardSpec: null, stepsDone: 0, totalSteps: 6, evalMetric: "CIDEr", bestEval: null, baseEval: null, createdAt: "2026-01-01T00:00:00.000Z",
  startedAt: null, finishedAt: null, heartbeatAt: null, ...over,
});

describe("runs list", () => {
  it("computes duration and the delta to the base", () => {
    expect(runDurationMs({ startedAt: "2026-01-01T00:00:00Z", finishedAt: "2026-01-01T00:01:30Z", heartbeatAt: null })).toBe(90_000);
    expect(runDurationMs({ startedAt: "2026-01-01T00:00:00Z", finishedAt: null, heartbeatAt: "2026-01-01T00:00:10Z" })).toBe(10_000);
    expect(runDurationMs({ startedAt: null, finishedAt: null, heartbeatAt: null })).toBeNull();
    expect(evalDelta({ bestEval: 0.5, baseEval: 0.4 })).toBeCloseTo(0.1, 12);
    expect(evalDelta({ bestEval: 0.5, baseEval: null })).toBeNull();
  });

  it("sorts by a column, missing values last both ways", () => {
    const runs = [run("a", { bestEval: 0.2, baseEval: 0.1 }), run("b", {}), run("c", { bestEval: 0.5, baseEval: 0.45 })];
    expect(sortRuns(runs, "bestEval", "desc").map((r) => r.id)).toEqual(["c", "a", "b"]);
    expect(sortRuns(runs, "bestEval", "asc").map((r) => r.id)).toEqual(["a", "c", "b"]);
    expect(sortRuns(runs, "delta", "desc").map((r) => r.id)).toEqual(["a", "c", "b"]);
  });
});
