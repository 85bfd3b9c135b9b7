"use client";

import type { BackendName } from "@/lib/training/backend";
import type { CaseResult } from "@/lib/training/conformance/types";
import type { ConformanceRun } from "./use-conformance";

const sci = (v: number) => (!Number.isFinite(v) ? String(v) : v === 0 ? "0" : v.toExponential(1));

/** The worst output of a case: the one furthest from agreement (a failing one first). */
function worstOf(r: CaseResult) {
  return [...r.outputs].sort((a, b) => Number(a.ok) - Number(b.ok) || b.worstRatio - a.worstRatio)[0];
}

/** One backend's conformance results: each case, its worst output and how far it is from the cpu reference. */
export function ConformanceTable({ backend, run }: { backend: BackendName; run: ConformanceRun }) {
  const failed = run.results.filter((r) => !r.ok);
  return (
    <div data-testid="conformance" data-backend={backend} data-status={run.status} data-failed={failed.length} data-count={run.results.length}
      data-binary={run.details?.binary ?? ""} data-threads={run.details?.threads ?? ""}>
      <h3>
        {backend}{run.runsOn ? <span className="muted" title={run.details?.threadsNote}> on {run.runsOn}</span> : null}:{" "}
        {run.status === "running" ? <span role="status">checking… {run.results.length} cases so far</span> : null}
        {run.status === "done" ? (
          <span className={failed.length ? "fail" : "ok"} data-testid="conformance-summary">
            {failed.length ? `${failed.length} of ${run.results.length} cases disagree with cpu` : `all ${run.results.length} cases agree with cpu`} ({run.seconds?.toFixed(1)} s)
          </span>
        ) : null}
        {run.status === "error" ? <span className="fail" role="alert">{run.error}</span> : null}
      </h3>
      <div style={{ overflowX: "auto" }}>
        <table className="table">
          <thead>
            <tr><th>check</th><th>what</th><th>outputs</th><th>worst output</th><th>max |Δ|</th><th>worst Δ / allowed</th><th>cpu vs {backend} there</th><th>result</th></tr>
          </thead>
          <tbody>
            {run.results.map((r) => {
              const w = worstOf(r);
              return (
                <tr key={r.id} data-testid="conformance-row" data-case={r.id} data-ok={r.ok}>
                  <td>{r.id}</td>
                  <td style={{ whiteSpace: "normal", textAlign: "left", maxWidth: "36ch" }} className="muted">{r.what}</td>
                  <td>{r.outputs.length}</td>
                  <td>{w?.name ?? "—"}</td>
                  <td>{w ? sci(w.maxAbsDiff) : "—"}</td>
                  <td>{w ? (Number.isFinite(w.worstRatio) ? w.worstRatio.toFixed(3) : "∞") : "—"}</td>
                  <td>{w ? `${w.ref.toPrecision(6)} vs ${w.got.toPrecision(6)}` : "—"}</td>
                  <td className={r.ok ? "ok" : "fail"}>{r.error ? `error: ${r.error}` : r.ok ? "agrees" : `${r.outputs.filter((o) => !o.ok).map((o) => o.name).join(", ")} differ${w && w.nonFinite ? ` (${w.nonFinite} non-finite)` : ""}`}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
