/**
 * The runs list's columns as numbers and text to sort by: duration, the best held-out value and
 * its change over the base model. Pure, shared by the list and its tests.
 */
import type { RunSummary } from "./contract";

export const RUN_SORT_KEYS = ["created", "status", "task", "spec", "bestEval", "delta", "duration", "backend", "owner", "source"] as const;
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];

/** Wall time from start to finish (or to the last heartbeat while it runs), ms; null before it started. */
export function runDurationMs(r: Pick<RunSummary, "startedAt" | "finishedAt" | "heartbeatAt">): number | null {
  if (!r.startedAt) return null;
  const end = r.finishedAt ?? r.heartbeatAt;
  return end ? Math.max(0, Date.parse(end) - Date.parse(r.startedAt)) : 0;
}

/** bestEval - baseEval, when both are known. */
export const evalDelta = (r: Pick<RunSummary, "bestEval" | "baseEval">): number | null => (r.bestEval !== null && r.baseEval !== null ? r.bestEval - r.baseEval : null);

function value(r: RunSummary, key: RunSortKey): string | number | null {
  switch (key) {
    case "created": return r.createdAt;
    case "status": return r.displayStatus;
    case "task": return r.task;
    case "spec": return r.rewardSpec ? `${r.rewardSpec.name} v${String(r.rewardSpec.version).padStart(6, "0")}` : null;
    case "bestEval": return r.bestEval;
    case "delta": return evalDelta(r);
    case "duration": return runDurationMs(r);
    case "backend": return r.backend;
    case "owner": return r.owner.name;
    case "source": return r.source;
  }
}

/** Runs sorted by `key`; missing values last in either direction. */
export function sortRuns(runs: readonly RunSummary[], key: RunSortKey, dir: "asc" | "desc"): RunSummary[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...runs].sort((a, b) => {
    const va = value(a, key);
    const vb = value(b, key);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return sign * (typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb)));
  });
}
