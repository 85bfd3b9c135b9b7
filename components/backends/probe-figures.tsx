"use client";

import { runsOn } from "./runs-on";
import type { ProbeState } from "./use-backend-probe";

const ms = (v: number | undefined) => (v === undefined ? "—" : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v).toLocaleString("en-US")} ms`);


/** What `auto` measured: each backend's step time (or why it has none) and the choice. */
export function ProbeFigures({ state }: { state: ProbeState }) {
  const { figures, current, result, running } = state;
  if (!running && figures.length === 0) return null;
  return (
    <div data-testid="probe" data-chosen={result?.chosen ?? ""}>
      {result ? (
        <p data-testid="probe-choice">
          <strong>auto</strong> chose <strong>{result.chosen}</strong>, the fastest train step measured{" "}
          {result.cached ? <>in this browser on {new Date(result.at).toLocaleString()} (kept, so the probe is not paid again)</> : "just now"}.
        </p>
      ) : (
        <p className="muted" role="status">
          Measuring train steps of this model on each backend{current ? `: ${current.backend} (gives up after ${(current.limitMs / 1000).toFixed(0)} s)` : ""}…
        </p>
      )}
      <div style={{ overflowX: "auto" }}>
      <table className="table" data-testid="probe-figures">
        <thead>
          <tr><th>backend</th><th>step time</th><th>first step (compiles)</th><th className="wrap">runs on</th><th className="wrap">result</th></tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.backend} data-testid="probe-row" data-backend={f.backend} data-status={f.status} data-ms={f.msPerStep ?? ""} data-binary={f.details?.binary ?? ""} data-threads={f.details?.threads ?? ""}>
              <td>{f.backend}{result?.chosen === f.backend ? " ✓" : ""}</td>
              <td>{ms(f.msPerStep)}</td>
              <td>{ms(f.warmupMs)}</td>
              <td className="wrap" title={f.details?.threadsNote}>{runsOn(f.details)}</td>
              <td className={f.status === "measured" ? "wrap" : "wrap muted"}>{f.status === "measured" ? `median of ${f.steps.length} steps` : f.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </div>
  );
}
