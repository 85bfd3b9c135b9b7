"use client";

import { useState } from "react";
import type { RunFlag } from "@/lib/training/flags";
import { BASE_PREFIX, EVAL_PREFIX, TERM_PREFIX } from "@/lib/training/metric-points";
import { MetricChart } from "./metric-chart";
import styles from "./runs.module.css";
import { useThrottled } from "./use-throttled";

type Series = ReadonlyMap<string, { step: number; value: number | null }[]>;
const EMPTY: { step: number; value: number | null }[] = [];

/** The core series, each with its chart title. */
const CORE: readonly [string, string][] = [
  ["kl", "KL to the MLE model (nats)"],
  ["entropy", "entropy"],
  ["zero_spread", "zero-spread fraction"],
  ["output_size", "output size"],
  ["skipped", "skipped updates (1 = skipped)"],
];

/**
 * The run's live charts: the composite with a Brush that zooms every chart to a step range, the
 * held-out metric against the base model, a second held-out metric picked from all the run logs
 * (by default what the task's reward leaves out), each rewarded term as a small multiple (terms at
 * weight 0 behind a disclosure), then KL, entropy, zero spread, output size and skipped steps. One
 * smoothing slider for all.
 */
export function RunCharts(props: { series: Series; flags: readonly RunFlag[]; evalMetric: string; baseEval: number | null; blindSpotMetric: string; watchOnly?: ReadonlySet<string> }) {
  const { evalMetric, baseEval } = props;
  // Redrawn at most every 1.5 s, chart after chart (each in its own task: chart-turns).
  const series = useThrottled(props.series, 1500);
  const flags = useThrottled(props.flags, 1500);
  const [smoothing, setSmoothing] = useState(0.6);
  const [domain, setDomain] = useState<[number, number] | null>(null);
  const terms = [...series.keys()].filter((k) => k.startsWith(TERM_PREFIX) && !k.endsWith("/std")).sort();
  // Terms at weight 0 are logged but not rewarded: their charts wait behind a disclosure (drawn
  // only when opened) unless a flag points at them.
  const flagged = new Set(flags.map((f) => f.series));
  const watched = terms.filter((t) => props.watchOnly?.has(t.slice(TERM_PREFIX.length)) && !flagged.has(t));
  const rewarded = terms.filter((t) => !watched.includes(t));
  const [showWatched, setShowWatched] = useState(false);
  const evalName = `${EVAL_PREFIX}${evalMetric}`;
  // The base checkpoint evaluated on the run's own scenes (logged before the first step), else its stored metric (other scenes).
  const sameScenes = series.get(`${BASE_PREFIX}${evalMetric}`)?.[0]?.value ?? null;
  const ref = sameScenes ?? baseEval;
  const reference = ref === null ? null : { value: ref, label: `base ${Number(ref.toPrecision(3))}${sameScenes === null ? " (its own eval scenes)" : ""}` };
  // A second held-out metric, chosen from every one the run logs: by default what the reward leaves out.
  const otherMetrics = [...series.keys()].filter((k) => k.startsWith(EVAL_PREFIX) && k !== evalName).map((k) => k.slice(EVAL_PREFIX.length));
  const [picked, setPicked] = useState<string | null>(null);
  const other = picked ?? (otherMetrics.includes(props.blindSpotMetric) ? props.blindSpotMetric : otherMetrics[0]) ?? null;
  const otherBase = other === null ? null : (series.get(`${BASE_PREFIX}${other}`)?.[0]?.value ?? null);
  const chart = (name: string, title: string, extra: Partial<Parameters<typeof MetricChart>[0]> = {}) => (
    <MetricChart
      key={name} name={name} title={title} points={series.get(name) ?? EMPTY} smoothing={smoothing} domain={domain} flags={flags.filter((f) => f.series === name)}
      {...extra}
    />
  );
  return (
    <section className="panel" aria-label="Charts">
      <div className="toolbar">
        <h2 style={{ margin: 0 }}>Charts</h2>
        <label>
          Smoothing
          <input type="range" min={0} max={0.95} step={0.05} value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} aria-label="Smoothing" />
          <span className="mono">{smoothing.toFixed(2)}</span>
        </label>
        <span className="muted">{domain ? `steps ${domain[0]}–${domain[1]}` : "all steps"} · drag the handles under the reward to zoom; hover for values</span>
        {domain ? <button type="button" className="button" onClick={() => setDomain(null)}>Show all steps</button> : null}
      </div>
      <div className={styles.grid}>
        <div className={styles.wide}>{chart("composite", "composite reward (train samples)", { onZoom: setDomain, height: 200, domain: null })}</div>
        {chart(evalName, `held-out ${evalMetric} (greedy, val)`, { reference })}
        {other === null ? null : (
          <div>
            <label className="muted">
              chart another held-out metric{" "}
              <select value={other} onChange={(e) => setPicked(e.target.value)} aria-label="Held-out metric to chart">
                {otherMetrics.map((m) => <option key={m} value={m}>{m}</option>)}
              </select>
            </label>
            {chart(`${EVAL_PREFIX}${other}`, `held-out ${other} (greedy, val)`, { reference: otherBase === null ? null : { value: otherBase, label: `base ${Number(otherBase.toPrecision(3))}` } })}
          </div>
        )}
        {rewarded.map((t) => chart(t, `term ${t.slice(TERM_PREFIX.length)}`))}
        {watched.length ? (
          <details className={styles.wide} open={showWatched} onToggle={(e) => setShowWatched(e.currentTarget.open)} data-testid="watched-terms">
            <summary>
              {watched.length} term{watched.length === 1 ? "" : "s"} at weight 0, logged but not rewarded: {watched.map((t) => t.slice(TERM_PREFIX.length)).join(", ")}
            </summary>
            {showWatched ? <div className={styles.grid}>{watched.map((t) => chart(t, `term ${t.slice(TERM_PREFIX.length)} (weight 0)`))}</div> : null}
          </details>
        ) : null}
        {CORE.map(([name, title]) => chart(name, title))}
      </div>
    </section>
  );
}
