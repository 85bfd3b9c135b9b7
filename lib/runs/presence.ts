/**
 * Where a run's trainer is, as the run page says it: training in this tab, in another tab of
 * this browser (it holds the run's Web Lock), in another browser (fresh heartbeat), or nowhere
 * although the server still says running ("interrupted": the tab was closed or reloaded, or the
 * server restarted). Pure, so the rules are tested without a browser.
 */
import type { RunSummary } from "@/lib/runs/contract";

export type Presence =
  | { kind: "this-tab" }
  | { kind: "other-tab" }
  | { kind: "other-browser" }
  | { kind: "interrupted" }
  | { kind: "paused" }
  | { kind: "queued" }
  | { kind: "ended"; status: "completed" | "failed" | "cancelled" };

export interface PresenceInput {
  run: Pick<RunSummary, "status" | "displayStatus">;
  /** A Worker in this page is training it. */
  trainingHere: boolean;
  /** Some tab of this browser holds the run's lock (a trainer is alive there). */
  lockHeld: boolean;
  /** This browser started a trainer for the run that has not reported an end. */
  startedInThisBrowser: boolean;
}

export function presenceOf(p: PresenceInput): Presence {
  if (p.trainingHere) return { kind: "this-tab" };
  const { status, displayStatus } = p.run;
  if (status === "running") {
    if (p.lockHeld) return { kind: "other-tab" };
    // This browser's trainer is gone (no lock) although its heartbeat may still look fresh.
    if (p.startedInThisBrowser || displayStatus === "interrupted") return { kind: "interrupted" };
    return { kind: "other-browser" };
  }
  if (status === "paused") return { kind: "paused" };
  if (status === "queued") return { kind: "queued" };
  return { kind: "ended", status };
}

/** Whether the page offers to start a trainer here: never while one is alive anywhere. */
export const canTrainHere = (p: Presence) => p.kind === "interrupted" || p.kind === "paused" || p.kind === "queued";

/** The status as a few words. */
export function presenceLabel(p: Presence, lastCheckpoint: number | null): string {
  const ck = lastCheckpoint === null ? "no checkpoint yet (resumes from the start)" : `last checkpoint at step ${lastCheckpoint}`;
  switch (p.kind) {
    case "this-tab": return "running in this tab";
    case "other-tab": return "running in another tab of this browser";
    case "other-browser": return "running in another tab or browser (its heartbeat is fresh)";
    case "interrupted": return `interrupted — ${ck}`;
    case "paused": return `paused — ${ck}`;
    case "queued": return "queued — not started";
    case "ended": return p.status;
  }
}
