"use client";

import Link from "next/link";
import { useEffect, useReducer } from "react";
import { RUN_STATUSES, type RunSummary } from "@/lib/runs/contract";
import { evalDelta, runDurationMs, sortRuns, type RunSortKey } from "@/lib/runs/list";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { listRuns } from "@/lib/training/browser/run-client";
import styles from "./runs.module.css";

interface State {
  task: TaskId | "";
  status: string;
  mine: boolean;
  sort: { key: RunSortKey; dir: "asc" | "desc" };
  runs: RunSummary[] | null;
  error: string | null;
}
type Action = { type: "filter"; patch: Partial<Pick<State, "task" | "status" | "mine">> } | { type: "sort"; key: RunSortKey } | { type: "runs"; runs: RunSummary[] } | { type: "error"; message: string };

function reduce(s: State, a: Action): State {
  if (a.type === "filter") return { ...s, ...a.patch };
  if (a.type === "sort") return { ...s, sort: { key: a.key, dir: s.sort.key === a.key && s.sort.dir === "desc" ? "asc" : "desc" } };
  if (a.type === "runs") return { ...s, runs: a.runs, error: null };
  return { ...s, error: a.message };
}

const fmt = (v: number | null) => (v === null ? "—" : Number(v.toPrecision(3)).toString());
const dur = (ms: number | null) => (ms === null ? "—" : ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} min`);
const COLUMNS: [RunSortKey, string][] = [["status", "status"], ["task", "task"], ["spec", "reward spec"], ["bestEval", "best eval"], ["delta", "Δ base"], ["duration", "duration"], ["backend", "backend"], ["owner", "started by"], ["source", "source"], ["created", "created"]];

/** Every run (tab and CLI) the server has, filtered by task, status and owner, sortable by column; refreshed every 5 s. */
export function RunsList() {
  const [s, dispatch] = useReducer(reduce, { task: "", status: "", mine: false, sort: { key: "created", dir: "desc" }, runs: null, error: null });
  const { task, status, mine } = s;
  useEffect(() => {
    let live = true;
    // "interrupted" is a display status: ask for running runs and keep the quiet ones.
    const load = () => listRuns({ task: task || undefined, status: status === "interrupted" ? "running" : status || undefined, mine: mine || undefined })
      .then((runs) => live && dispatch({ type: "runs", runs: status ? runs.filter((r) => r.displayStatus === status) : runs }))
      .catch((err: unknown) => live && dispatch({ type: "error", message: err instanceof Error ? err.message : String(err) }));
    void load();
    const t = setInterval(() => void load(), 5000);
    return () => {
      live = false;
      clearInterval(t);
    };
  }, [task, status, mine]);

  const rows = s.runs ? sortRuns(s.runs, s.sort.key, s.sort.dir) : [];
  return (
    <section className="panel" aria-label="All runs">
      <div className="toolbar">
        <label>Task
          <select value={task} onChange={(e) => dispatch({ type: "filter", patch: { task: e.target.value as TaskId | "" } })} aria-label="Filter by task">
            <option value="">all</option>{TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>Status
          <select value={status} onChange={(e) => dispatch({ type: "filter", patch: { status: e.target.value } })} aria-label="Filter by status">
            <option value="">all</option>{[...RUN_STATUSES, "interrupted"].map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label><input type="checkbox" checked={mine} onChange={(e) => dispatch({ type: "filter", patch: { mine: e.target.checked } })} /> mine only</label>
        <Link className="button" href="/runs/new">New run</Link>
      </div>
      {s.error ? <p className="fail" role="alert">cannot list the runs: {s.error}</p> : null}
      {s.runs && rows.length === 0 ? <p className="muted" data-testid="runs-empty">No runs yet. <Link href="/runs/new">Launch one</Link>, or tune from the CLI with <code>--server</code>.</p> : null}
      {rows.length ? (
        <div style={{ overflowX: "auto" }}>
          <table className="table" data-testid="runs-table">
            <thead>
              <tr>
                <th>run</th>
                {COLUMNS.map(([key, label]) => (
                  <th key={key} className={styles.sortable} onClick={() => dispatch({ type: "sort", key })} aria-sort={s.sort.key === key ? (s.sort.dir === "asc" ? "ascending" : "descending") : "none"}>
                    {label}{s.sort.key === key ? (s.sort.dir === "asc" ? " ▲" : " ▼") : ""}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const d = evalDelta(r);
                return (
                  <tr key={r.id} data-testid="run-row" data-run={r.id} data-status={r.displayStatus}>
                    <td><Link href={`/runs/${r.id}`}>{r.name || r.id.slice(0, 8)}</Link></td>
                    <td className={r.displayStatus === "failed" || r.displayStatus === "interrupted" ? "fail" : r.displayStatus === "completed" ? "ok" : ""}>{r.displayStatus} <span className="muted">{r.stepsDone}/{r.totalSteps}</span></td>
                    <td>{r.task}</td>
                    <td>{r.rewardSpec ? `${r.rewardSpec.name} v${r.rewardSpec.version}` : "—"}</td>
                    <td>{r.bestEval === null ? "—" : `${r.evalMetric ?? ""} ${fmt(r.bestEval)}`}</td>
                    <td className={`${styles.delta} ${d === null ? "" : d >= 0 ? styles.up : styles.down}`}>{d === null ? "—" : `${d >= 0 ? "+" : ""}${fmt(d)}`}</td>
                    <td>{dur(runDurationMs(r))}</td>
                    <td>{r.backend ?? "—"}</td>
                    <td>{r.owner.name}</td>
                    <td>{r.source}</td>
                    <td>{new Date(r.createdAt).toLocaleString()}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
