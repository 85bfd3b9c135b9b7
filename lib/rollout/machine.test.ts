import { describe, expect, it } from "vitest";
import { transition, TransitionRefused, type MachineInput, type RolloutState, type RolloutStatus } from "./machine";

const now = new Date("2026-12-01T12:00:00Z");
const state = (status: RolloutStatus, stageIndex = 0): RolloutState => ({ status, stageIndex, stageStartedAt: null, approvedStage: null, reason: null });
const ALL: MachineInput[] = [
  { type: "start" }, { type: "pause" }, { type: "resume" }, { type: "approve" }, { type: "promote" }, { type: "rollback" },
  { type: "verdict", outcome: "pass", reason: "ok" }, { type: "verdict", outcome: "fail", reason: "bad" },
];

describe("the roll-out state machine", () => {
  // Which inputs each status allows: every other is refused with a reason.
  const allowed: Record<RolloutStatus, string[]> = {
    draft: ["start", "rollback"],
    active: ["pause", "approve", "promote", "rollback", "verdict:pass", "verdict:fail"],
    paused: ["resume", "approve", "promote", "rollback"],
    completed: [],
    rolled_back: [],
  };
  const name = (i: MachineInput) => (i.type === "verdict" ? `verdict:${i.outcome}` : i.type);

  for (const status of Object.keys(allowed) as RolloutStatus[]) {
    it(`${status}: allows exactly ${allowed[status].join(", ") || "nothing"}`, () => {
      for (const input of ALL) {
        const run = () => transition(state(status, 1), input, 3, now);
        if (allowed[status].includes(name(input))) expect(run, name(input)).not.toThrow();
        else expect(run, name(input)).toThrow(TransitionRefused);
      }
    });
  }

  it("starts at stage 0, advances stage by stage on a pass, and completes on the last", () => {
    let s = transition(state("draft"), { type: "start" }, 3, now);
    expect(s.state).toMatchObject({ status: "active", stageIndex: 0, stageStartedAt: now });
    expect(s.event).toEqual({ type: "started", stageIndex: 0, details: {} });
    const later = new Date(now.getTime() + 1000);
    s = transition(s.state, { type: "verdict", outcome: "pass", reason: "every check passed", numbers: { samples: 50 } }, 3, later);
    expect(s.state).toMatchObject({ status: "active", stageIndex: 1, stageStartedAt: later });
    expect(s.event).toEqual({ type: "advanced", stageIndex: 1, details: { reason: "every check passed", samples: 50, from: 0 } });
    s = transition(s.state, { type: "promote", reason: "looks fine" }, 3, later);
    expect(s.state.stageIndex).toBe(2);
    s = transition(s.state, { type: "verdict", outcome: "pass", reason: "ok" }, 3, later);
    expect(s.state.status).toBe("completed");
    expect(s.event.type).toBe("completed");
  });

  it("a failed gate rolls back with its reason; pause holds the stage; rollback by hand says so", () => {
    const failed = transition(state("active", 1), { type: "verdict", outcome: "fail", reason: "guardrail breach: caption_tokens" }, 3, now);
    expect(failed.state).toMatchObject({ status: "rolled_back", reason: "guardrail breach: caption_tokens", stageIndex: 1 });
    expect(failed.event).toMatchObject({ type: "gate_failed", stageIndex: 1, details: { reason: "guardrail breach: caption_tokens" } });
    const paused = transition(state("active", 2), { type: "pause" }, 3, now);
    expect(paused.state).toMatchObject({ status: "paused", stageIndex: 2 });
    expect(transition(paused.state, { type: "resume" }, 3, now).state.status).toBe("active");
    expect(transition(paused.state, { type: "rollback" }, 3, now).state).toMatchObject({ status: "rolled_back", reason: "rolled back by hand" });
    expect(transition(state("active", 1), { type: "approve" }, 3, now).state.approvedStage).toBe(1);
  });
});
