"use client";

import type { CompareState } from "./use-compare";

const STEP: Partial<Record<CompareState["status"], string>> = {
  "asking-cache": "Asking the server's cache…",
  loading: "Loading both checkpoints in a Web Worker…",
  aggregating: "Every scene is in: bootstrapping the aggregate metrics…",
};

/** Where the comparison is (progress, x of N scenes) and where its result came from. */
export function CompareStatus({ state }: { state: CompareState }) {
  const { status, source } = state;
  return (
    <div className="compare-status" data-testid="compare-status" data-status={status} aria-live="polite">
      {status === "decoding" || status === "loading" ? (
        <p>
          <progress max={state.of} value={state.done} aria-label="Scenes compared" />{" "}
          <span data-testid="compare-progress">{state.done} of {state.of} scenes</span>
          {state.backend ? <span className="muted"> · greedy decoding on {state.backend}, in a Web Worker</span> : null}
        </p>
      ) : null}
      {STEP[status] ? <p className="muted">{STEP[status]}</p> : null}
      {status === "done" && source?.kind === "computed" ? (
        <p data-testid="compare-source" data-source="computed">Computed in this tab on {source.backend} in {source.seconds.toFixed(1)} s.</p>
      ) : null}
      {status === "done" && source?.kind === "cache" ? (
        <p data-testid="compare-source" data-source="cache">
          From the server&apos;s cache (computed {new Date(source.computedAt).toLocaleString()} by {source.by ?? "someone no longer here"}).
        </p>
      ) : null}
      {state.cacheNote ? <p className="muted" data-testid="cache-note">{state.cacheNote}</p> : null}
      {status === "error" ? <p className="fail" role="alert" data-testid="compare-error">{state.error === "stopped" ? "Stopped." : `The comparison failed: ${state.error}`}</p> : null}
    </div>
  );
}
