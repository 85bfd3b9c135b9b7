"use client";

import { runsOn } from "@/components/backends/runs-on";
import type { BackendChoice } from "@/lib/training/backend";
import type { ReinforceStepLog } from "@/lib/training/reinforce";

/** Median of the step times after the first (which compiles kernels on GPU backends). */
function typicalMs(rows: readonly ReinforceStepLog[]): number | null {
  const ms = rows.slice(rows.length > 1 ? 1 : 0).map((r) => r.ms).sort((a, b) => a - b);
  return ms.length ? (ms[Math.floor(ms.length / 2)] as number) : null;
}

/** The backend a run trains on, what it runs on (threads, adapter) and its step time. */
export function BackendLine({ choice, rows }: { choice: BackendChoice; rows: readonly ReinforceStepLog[] }) {
  const d = choice.details;
  const on = `${runsOn(d, "always")}${d.threads !== undefined && d.threadsNote ? ` (${d.threadsNote})` : ""}`;
  const step = typicalMs(rows);
  return (
    <p data-testid="run-backend" data-backend={choice.backend} data-threads={d.threads ?? ""} data-binary={d.binary ?? ""} data-isolated={d.isolated ?? ""}>
      Backend: <strong>{choice.backend}</strong>{on ? <span> — {on}</span> : null}
      {step !== null ? <span data-testid="run-step-time" data-ms={step}> · {Math.round(step).toLocaleString("en-US")} ms a step</span> : null}
      {choice.skipped.length ? <span className="muted"> (skipped: {choice.skipped.map((s) => `${s.backend} — ${s.reason}`).join("; ")})</span> : null}
    </p>
  );
}
