"use client";

import type { ReinforceStepLog } from "@/lib/training/reinforce";

/** Updates the trainer skipped (non-finite reward, loss or gradient), counted and explained where the engineer looks. */
export function SkippedSteps({ rows }: { rows: readonly ReinforceStepLog[] }) {
  const skipped = rows.filter((r) => r.skipped);
  if (skipped.length === 0) return null;
  const reasons = new Map<string, number[]>();
  for (const r of skipped) reasons.set(r.skipped as string, [...(reasons.get(r.skipped as string) ?? []), r.step + 1]);
  return (
    <div className="panel error-panel" role="alert" data-testid="run-skipped" data-count={skipped.length}>
      <strong>{skipped.length} of {rows.length} updates skipped</strong> — the weights were left as they were on those steps:
      <ul>
        {[...reasons].map(([reason, steps]) => <li key={reason}>{reason}: step{steps.length > 1 ? "s" : ""} {steps.join(", ")}</li>)}
      </ul>
    </div>
  );
}
