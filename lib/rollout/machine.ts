/**
 * The roll-out state machine, pure: from a state and an action (a person's, or a gate's
 * verdict), the next state and the event that explains it, or a refusal saying why. The store
 * applies the result in one transaction guarded by the roll-out's version (lib/db).
 *
 *   draft --start--> active(stage 0) --pass--> active(stage i+1) ... --pass on the last--> completed
 *   active <--pause / resume--> paused;   promote: the next stage now (or completed on the last)
 *   active | paused | draft --rollback, or a failed gate--> rolled_back (all traffic to the baseline)
 */
import type { RolloutAction } from "./contract";

export type RolloutStatus = "draft" | "active" | "paused" | "completed" | "rolled_back";

export interface RolloutState {
  status: RolloutStatus;
  stageIndex: number;
  stageStartedAt: Date | null;
  approvedStage: number | null;
  reason: string | null;
}

export type MachineInput =
  | { type: Exclude<RolloutAction, "evaluate">; reason?: string }
  | { type: "verdict"; outcome: "pass" | "fail"; reason: string; numbers?: Record<string, unknown> };

export interface MachineEvent {
  type: string;
  /** The stage it happened in (its index) and the details behind it. */
  stageIndex: number;
  details: Record<string, unknown>;
}

export class TransitionRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransitionRefused";
  }
}

const LIVE: readonly RolloutStatus[] = ["active", "paused"];

/** The next state and its event; throws TransitionRefused for an action the state does not allow. */
export function transition(state: RolloutState, input: MachineInput, stageCount: number, now: Date): { state: RolloutState; event: MachineEvent } {
  const at = state.stageIndex;
  const refuse = (what: string) => { throw new TransitionRefused(`cannot ${what}: the roll-out is ${state.status}`); };
  const next = (type: string, details: Record<string, unknown>) => {
    if (at + 1 >= stageCount) return { state: { ...state, status: "completed" as const }, event: { type: "completed", stageIndex: at, details: { ...details, via: type } } };
    return { state: { ...state, stageIndex: at + 1, stageStartedAt: now }, event: { type, stageIndex: at + 1, details: { ...details, from: at } } };
  };
  switch (input.type) {
    case "start":
      if (state.status !== "draft") refuse("start");
      return { state: { ...state, status: "active", stageIndex: 0, stageStartedAt: now }, event: { type: "started", stageIndex: 0, details: {} } };
    case "pause":
      if (state.status !== "active") refuse("pause");
      return { state: { ...state, status: "paused" }, event: { type: "paused", stageIndex: at, details: input.reason ? { reason: input.reason } : {} } };
    case "resume":
      if (state.status !== "paused") refuse("resume");
      return { state: { ...state, status: "active" }, event: { type: "resumed", stageIndex: at, details: {} } };
    case "approve":
      if (!LIVE.includes(state.status)) refuse("approve a stage");
      return { state: { ...state, approvedStage: at }, event: { type: "approved", stageIndex: at, details: input.reason ? { reason: input.reason } : {} } };
    case "promote":
      if (!LIVE.includes(state.status)) refuse("promote");
      return next("promoted", input.reason ? { reason: input.reason } : {});
    case "rollback": {
      if (!LIVE.includes(state.status) && state.status !== "draft") refuse("roll back");
      const reason = input.reason ?? "rolled back by hand";
      return { state: { ...state, status: "rolled_back", reason }, event: { type: "rolled_back", stageIndex: at, details: { reason } } };
    }
    case "verdict":
      if (state.status !== "active") refuse("judge a stage");
      if (input.outcome === "fail") {
        return { state: { ...state, status: "rolled_back", reason: input.reason }, event: { type: "gate_failed", stageIndex: at, details: { reason: input.reason, ...input.numbers } } };
      }
      return next("advanced", { reason: input.reason, ...input.numbers });
  }
}
