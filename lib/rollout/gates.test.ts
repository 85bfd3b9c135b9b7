import { describe, expect, it } from "vitest";
import { GateSchema, type DriftSpec } from "./contract";
import { evaluateGate, type StageData } from "./gates";

const rows = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ caption_tokens: f(i) }));
const gate = GateSchema.parse({ minSamples: 30, minSeconds: 10, guardrails: [{ stat: "caption_tokens", maxRelativeChange: 0.2 }] });
const drift: DriftSpec[] = [{ stat: "caption_tokens", k: 0.5, h: 5 }];
const data = (over: Partial<StageData> = {}): StageData => ({
  elapsedSeconds: 20, candidate: { stats: rows(40, (i) => 10 + (i % 3) - 1), errors: 0 }, baseline: { stats: rows(40, (i) => 10 + (i % 3) - 1), errors: 0 },
  reference: rows(40, (i) => 10 + (i % 3) - 1), approved: false, ...over,
});

describe("evaluateGate", () => {
  it("passes when every check passes, listing each with its value and threshold", () => {
    const v = evaluateGate(gate, drift, data());
    expect(v.outcome).toBe("pass");
    expect(v.checks.map((c) => [c.name, c.status])).toEqual([
      ["candidate samples", "pass"], ["time in stage (s)", "pass"], ["candidate error rate", "pass"],
      ["caption_tokens: candidate vs baseline", "pass"], ["caption_tokens: drift (CUSUM)", "pass"],
    ]);
  });

  it("waits for samples and time", () => {
    const v = evaluateGate(gate, drift, data({ elapsedSeconds: 2, candidate: { stats: rows(12, () => 10), errors: 0 } }));
    expect(v.outcome).toBe("inconclusive");
    expect(v.reason).toBe("waiting for candidate samples, time in stage (s)");
  });

  it("fails a bad candidate from its first ten predictions: empty captions breach the guardrail and drift", () => {
    const v = evaluateGate(gate, drift, data({ elapsedSeconds: 1, candidate: { stats: rows(10, () => 0), errors: 0 } }));
    expect(v.outcome).toBe("fail");
    expect(v.reason).toMatch(/^guardrail breach: caption_tokens: candidate vs baseline -1 \(within ±20 %\); caption_tokens: drift \(CUSUM\)/);
  });

  it("fails on errors; waits on the people's verdict and on approval until given", () => {
    expect(evaluateGate(gate, [], data({ candidate: { stats: rows(35, () => 10), errors: 5 } })).outcome).toBe("fail");
    const withVotes = GateSchema.parse({ ...gate, winRate: { campaignId: "c1", minLowerBound: 0.5 }, manualApproval: true });
    expect(evaluateGate(withVotes, [], data({ winRate: { p: 0.6, lo: 0.45, hi: 0.72, n: 80 } })).reason).toBe("waiting for people's win rate (lower bound), approved by a person");
    expect(evaluateGate(withVotes, [], data({ winRate: { p: 0.3, lo: 0.2, hi: 0.42, n: 80 } })).outcome).toBe("fail");
    expect(evaluateGate(withVotes, [], data({ winRate: { p: 0.7, lo: 0.55, hi: 0.8, n: 80 }, approved: true })).outcome).toBe("pass");
  });
});
