"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { apiCall } from "@/lib/http/api-call";
import type { RolloutView } from "@/lib/server/rollout-store";
import styles from "./rollouts.module.css";

const fmt = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? "—" : Number(v.toPrecision(4)).toString());
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString() : "—");

/** A moving average of one statistic per side, over the latest predictions (a point every few). */
function series(recent: RolloutView["recent"], stat: string, window = 20) {
  const out: { i: number; t: string; baseline?: number; candidate?: number }[] = [];
  const acc: Record<"baseline" | "candidate", number[]> = { baseline: [], candidate: [] };
  recent.forEach((p, i) => {
    const v = p.stats[stat];
    if (typeof v !== "number" || p.error) return;
    const a = acc[p.side];
    a.push(v);
    if (a.length > window) a.shift();
    const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : undefined);
    out.push({ i, t: new Date(p.t).toLocaleTimeString(), baseline: mean(acc.baseline), candidate: mean(acc.candidate) });
  });
  return out;
}

const ACTIONS: { action: string; label: string; when: (s: string) => boolean; confirm?: string }[] = [
  { action: "evaluate", label: "Evaluate now", when: (s) => s === "active" },
  { action: "pause", label: "Pause", when: (s) => s === "active" },
  { action: "resume", label: "Resume", when: (s) => s === "paused" },
  { action: "approve", label: "Approve this stage", when: (s) => s === "active" || s === "paused" },
  { action: "promote", label: "Promote to the next stage", when: (s) => s === "active" || s === "paused", confirm: "Skip this stage's gate and move the candidate to the next stage now?" },
  { action: "rollback", label: "Roll back", when: (s) => s === "active" || s === "paused" || s === "draft", confirm: "Send all traffic back to the baseline and end this roll-out?" },
  { action: "start", label: "Start", when: (s) => s === "draft" },
];

/** One roll-out: stages as a timeline, the split now, each gate check with its live value and threshold, live statistics charted, actions, events. */
export function RolloutDetail({ rolloutId }: { rolloutId: string }) {
  const [r, setR] = useState<RolloutView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = useCallback(() => apiCall<{ rollout: RolloutView }>(`/api/rollouts/${rolloutId}`).then((x) => { setR(x.body.rollout); setError(null); }, (e: unknown) => setError(e instanceof Error ? e.message : String(e))), [rolloutId]);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), 3000);
    return () => clearInterval(t);
  }, [load]);
  const act = async (action: string, confirm?: string) => {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    try {
      const x = await apiCall<{ rollout: RolloutView }>(`/api/rollouts/${rolloutId}/actions`, { json: { action } });
      setR(x.body.rollout);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const stats = useMemo(() => {
    const keys = new Set<string>();
    for (const p of r?.recent ?? []) for (const k of Object.keys(p.stats)) keys.add(k);
    return [...keys];
  }, [r]);
  if (!r) return error ? <p className="fail" role="alert">{error}</p> : <p className="muted">Loading…</p>;
  const stage = r.stages[r.stageIndex];
  return (
    <div data-testid="rollout" data-status={r.status}>
      <section className="panel">
        <h2>{r.name} <span className={r.status === "rolled_back" ? "fail" : r.status === "completed" ? "ok" : "muted"} data-testid="rollout-status">· {r.status.replace("_", " ")}</span></h2>
        <p><strong>{r.candidate.name}</strong> (candidate) against <strong>{r.baseline.name}</strong> (baseline) on {r.task}.</p>
        {r.reason ? <p className="fail" role="alert" data-testid="rollout-reason">Stopped: {r.reason}</p> : null}
        <ol className={styles.timeline} aria-label="Stages">
          {r.stages.map((s, i) => {
            const state = r.status === "completed" || i < r.stageIndex ? "done" : i === r.stageIndex ? (r.status === "rolled_back" ? "failed" : "current") : "next";
            return (
              <li key={i} className={styles[state]} data-stage={i} data-state={state}>
                <strong>{s.name}</strong> {s.percent} %
                <div className="muted small">{s.startedAt ? `${when(s.startedAt)}${s.endedAt ? ` – ${when(s.endedAt)}` : ""}` : "not started"}</div>
                <div className="muted small">≥ {s.gate.minSamples} samples, ≥ {s.gate.minSeconds} s{s.gate.manualApproval ? ", approval" : ""}{s.gate.winRate ? ", people's win rate" : ""}</div>
              </li>
            );
          })}
        </ol>
        <div className={styles.split} aria-label="Traffic split now" data-testid="split">
          <span className={styles.candidateBar} style={{ width: `${r.split.candidate}%` }} />
          <span>{r.split.mirrored ? "shadow: the baseline answers everything, the candidate runs on the same requests" : `candidate ${r.split.candidate} % · baseline ${r.split.baseline} %`}</span>
        </div>
        <div className="toolbar" style={{ marginTop: "0.75rem" }}>
          {ACTIONS.filter((a) => a.when(r.status)).map((a) => (
            <button key={a.action} type="button" className="button" disabled={busy} onClick={() => void act(a.action, a.confirm)} data-action={a.action}>{a.label}</button>
          ))}
          {error ? <span className="fail" role="alert">{error}</span> : null}
        </div>
      </section>

      {r.gate && stage ? (
        <section className="panel" aria-label="Gate">
          <h2>Gate of stage {r.stageIndex + 1} ({stage.name} {stage.percent} %): <span className={r.gate.outcome === "fail" ? "fail" : r.gate.outcome === "pass" ? "ok" : "muted"} data-testid="gate-outcome">{r.gate.outcome}</span></h2>
          <p className="muted">{r.gate.reason}. Judged as predictions come in (every 2 s at most), or with <em>Evaluate now</em>.</p>
          <table className="table" data-testid="gate-checks">
            <thead><tr><th>check</th><th>live value</th><th>threshold</th><th>status</th><th className="wrap">note</th></tr></thead>
            <tbody>{r.gate.checks.map((c) => (
              <tr key={c.name} data-status={c.status}>
                <td>{c.name}</td><td>{fmt(c.value)}</td><td>{c.threshold}</td>
                <td className={c.status === "fail" ? "fail" : c.status === "pass" ? "ok" : "muted"}>{c.status}</td><td className="wrap muted">{c.note ?? ""}</td>
              </tr>
            ))}</tbody>
          </table>
        </section>
      ) : null}

      <section className="panel" aria-label="Live statistics">
        <h2>Live statistics (moving average of 20, latest {r.recent.length} predictions)</h2>
        {r.recent.length === 0 ? <p className="muted">No predictions yet: send some with <code>npm run traffic -- --task {r.task} --token rs_...</code>.</p> : null}
        <div className={styles.charts}>
          {stats.map((stat) => (
            <figure key={stat} className={styles.chart} data-testid="stat-chart" data-stat={stat}>
              <figcaption>{stat}</figcaption>
              <ResponsiveContainer width="100%" height={160}>
                <LineChart data={series(r.recent, stat)} margin={{ top: 5, right: 10, bottom: 0, left: 0 }}>
                  <CartesianGrid stroke="var(--line)" />
                  <XAxis dataKey="t" stroke="var(--muted)" fontSize={10} minTickGap={40} />
                  <YAxis stroke="var(--muted)" fontSize={10} width={40} />
                  <Tooltip contentStyle={{ background: "var(--panel)", border: "1px solid var(--line)" }} />
                  <Legend />
                  <Line dataKey="baseline" stroke="#9aa5b1" dot={false} isAnimationActive={false} connectNulls />
                  <Line dataKey="candidate" stroke="#5eb0ff" dot={false} isAnimationActive={false} connectNulls />
                </LineChart>
              </ResponsiveContainer>
            </figure>
          ))}
        </div>
      </section>

      <section className="panel" aria-label="Events">
        <h2>Events</h2>
        <table className="table" data-testid="events">
          <thead><tr><th>time</th><th>event</th><th>stage</th><th className="wrap">reason and numbers</th></tr></thead>
          <tbody>{[...r.events].reverse().map((e, i) => {
            const d = e.details as { reason?: string; checks?: { name: string; value: number | null; threshold: string }[] } | null;
            return (
              <tr key={i} data-event={e.type}>
                <td>{new Date(e.createdAt).toLocaleString()}</td><td>{e.type.replace("_", " ")}</td><td>{e.stage ?? "—"}</td>
                <td className="wrap">{d?.reason ?? ""}{d?.checks ? <span className="muted"> · {d.checks.map((c) => `${c.name} ${fmt(c.value)} (${c.threshold})`).join("; ")}</span> : null}</td>
              </tr>
            );
          })}</tbody>
        </table>
      </section>
    </div>
  );
}
