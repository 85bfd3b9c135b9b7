"use client";

import { REWARD_METRIC, type ComparisonResult } from "@/lib/compare/contract";
import { TASK_EVAL_METRIC } from "@/lib/training/metric-points";
import { fmt, signed } from "./format";

/** Whether B − A's interval lies above 0, below 0, or spans it. */
function verdict(lo: number | null, hi: number | null): { text: string; cls: string } {
  if (lo === null || hi === null) return { text: "—", cls: "muted" };
  if (lo > 0) return { text: "B higher", cls: "ok" };
  if (hi < 0) return { text: "B lower", cls: "fail" };
  return { text: "no clear difference", cls: "muted" };
}

/**
 * The task's held-out metrics, the mean reward and each term's mean for A and B on the compared
 * scenes, with B − A and its paired bootstrap interval.
 */
export function AggregateTable({ result, aName, bName }: { result: ComparisonResult; aName: string; bName: string }) {
  const { metrics, resamples, level } = result.aggregates;
  const primary = TASK_EVAL_METRIC[result.task];
  const rank = (name: string) => (name === primary ? 0 : name === REWARD_METRIC ? 1 : name.startsWith("mean ") ? 3 : 2);
  const rows = [...metrics].sort((x, y) => rank(x.name) - rank(y.name));
  return (
    <section className="panel" aria-label="Aggregate metrics">
      <h2>Aggregate metrics on {result.scenes.length} scenes</h2>
      <p className="muted" data-testid="bootstrap-note">
        B − A with a paired bootstrap {Math.round(level * 100)} % interval: {resamples.toLocaleString("en-US")} resamples of the
        scenes with replacement (seed {result.aggregates.seed}), both models&apos; metrics recomputed on each resample, the
        {" "}{(100 * (1 - level) / 2).toFixed(1)}th and {(100 * (1 + level) / 2).toFixed(1)}th percentiles of the difference.
      </p>
      <div style={{ overflowX: "auto" }}>
        <table className="table" data-testid="aggregate-table">
          <thead>
            <tr><th>metric</th><th title={aName}>A</th><th title={bName}>B</th><th>B − A</th><th>{Math.round(level * 100)} % interval</th><th /></tr>
          </thead>
          <tbody>
            {rows.map((m) => {
              const v = verdict(m.lo, m.hi);
              return (
                <tr key={m.name} data-testid="aggregate-row" data-metric={m.name} className={m.name === primary ? "compare-primary" : undefined}>
                  <td>{m.name === REWARD_METRIC ? "reward (composite, mean)" : m.name}</td>
                  <td>{fmt(m.a)}</td><td>{fmt(m.b)}</td>
                  <td data-testid="aggregate-diff">{signed(m.diff)}</td>
                  <td data-testid="aggregate-interval">[{signed(m.lo)}, {signed(m.hi)}]</td>
                  <td className={v.cls}>{v.text}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
