"use client";

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { MetricPoint, RunDetail } from "@/lib/runs/contract";
import type { EvalLog } from "@/lib/training/mle";
import { evalPoints, seriesOf, stepPoints } from "@/lib/training/metric-points";
import type { ReinforceStepLog } from "@/lib/training/reinforce";
import { getMetrics, getRun } from "@/lib/training/browser/run-client";

interface State {
  run: RunDetail | null;
  /** The server's points by "step:name". */
  points: ReadonlyMap<string, MetricPoint>;
  /** The highest step the server has sent points for (the next poll asks from there). */
  seen: number;
  error: string | null;
}

type Action = { type: "run"; run: RunDetail } | { type: "points"; points: MetricPoint[] } | { type: "error"; message: string };

const key = (p: MetricPoint) => `${p.step}:${p.name}`;

function reduce(s: State, a: Action): State {
  if (a.type === "run") return { ...s, run: a.run, error: null };
  if (a.type === "error") return { ...s, error: a.message };
  if (a.points.length === 0) return s;
  const points = new Map(s.points);
  for (const p of a.points) points.set(key(p), p);
  return { ...s, points, seen: Math.max(s.seen, ...a.points.map((p) => p.step)), error: null };
}

type Series = Map<string, { step: number; value: number | null }[]>;
const samePoints = (a: readonly { step: number; value: number | null }[], b: readonly { step: number; value: number | null }[]) =>
  a.length === b.length && a.every((p, i) => p.step === b[i]!.step && Object.is(p.value, b[i]!.value));

/**
 * `next` with every series whose points did not change kept as the array `prev` had, and `prev`
 * itself when none changed: a chart redraws only when its own points moved (an evaluation's chart
 * not at every step), and a poll that brings points the live logs already had redraws nothing.
 */
function keepUnchanged(prev: Series, next: Series): Series {
  let changed = prev.size !== next.size;
  for (const [name, points] of next) {
    const old = prev.get(name);
    if (old && samePoints(old, points)) next.set(name, old);
    else changed = true;
  }
  return changed ? next : prev;
}

/** How often the page asks the server while the run moves, and otherwise. */
const POLL_MS = { live: 2000, idle: 10_000 } as const;

/**
 * A run as its page shows it: GET /api/runs/<id> and its metric points (GET .../metrics?from=
 * the last step seen, every ~2 s while it runs), merged with the live logs of a trainer in this
 * tab so the charts move at every step. `series` is by metric name, in step order.
 */
export function useRunData(runId: string, live: { logs: readonly ReinforceStepLog[]; evals: readonly EvalLog[] }, training: boolean) {
  const [s, dispatch] = useReducer(reduce, { run: null, points: new Map(), seen: 0, error: null });

  const refresh = useCallback(async (from: number) => {
    try {
      dispatch({ type: "run", run: await getRun(runId) });
      dispatch({ type: "points", points: await getMetrics(runId, from) });
    } catch (err) {
      dispatch({ type: "error", message: err instanceof Error ? err.message : String(err) });
    }
  }, [runId]);

  const seen = useRef(0);
  useEffect(() => {
    seen.current = s.seen;
  }, [s.seen]);
  const moving = training || s.run?.status === "running" || s.run === null;
  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await refresh(seen.current);
      if (!stop) timer = setTimeout(() => void tick(), moving ? POLL_MS.live : POLL_MS.idle);
    };
    void tick();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [refresh, moving]);

  const merged = useMemo(() => {
    // The server's value wins: after a resume it keeps the first value of a repeated step.
    const all = new Map<string, MetricPoint>();
    for (const log of live.logs) for (const p of stepPoints(log)) all.set(key(p), p);
    for (const log of live.evals) for (const p of evalPoints(log)) all.set(key(p), p);
    for (const [k, p] of s.points) all.set(k, p);
    return [...all.values()];
  }, [s.points, live.logs, live.evals]);
  // Derived from the previous render's series (React's "storing information from previous renders").
  const [derived, setDerived] = useState(() => ({ merged, series: seriesOf(merged) }));
  if (derived.merged !== merged) setDerived({ merged, series: keepUnchanged(derived.series, seriesOf(merged)) });
  const series = derived.series;

  const again = useCallback(() => refresh(seen.current), [refresh]);
  return { run: s.run, error: s.error, points: merged, series, refresh: again };
}
