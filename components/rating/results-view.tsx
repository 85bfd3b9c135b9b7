"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { CartesianGrid, ErrorBar, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import { OutputView } from "@/components/outputs/output-view";
import { generateScene } from "@/lib/data";
import type { CampaignDetail } from "@/lib/rating/contract";
import type { CampaignResults } from "@/lib/rating/results";
import type { TaskId } from "@/lib/rewards/task-types";
import { campaignDetail, campaignResults } from "./rating-api";
import styles from "./rating.module.css";

const pct = (p: number | null | undefined) => (p === null || p === undefined || !Number.isFinite(p) ? "—" : `${(100 * p).toFixed(1)} %`);
const num = (v: number | null | undefined, d = 3) => (v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(d));
const interval = (lo: number | null, hi: number | null) => `[${pct(lo)}, ${pct(hi)}]`;

/** Whether an interval lies wholly above, below, or around 0.5. */
function verdict(lo: number | null, hi: number | null, above: string, below: string, around: string): string {
  if (lo === null || hi === null || !Number.isFinite(lo) || !Number.isFinite(hi)) return "not enough votes yet";
  return lo > 0.5 ? above : hi < 0.5 ? below : around;
}

/** The campaign's results for its owner: the figures with their intervals, drawn; raters, agreement, and where people and the reward disagree. */
export function ResultsView({ campaignId }: { campaignId: string }) {
  const [detail, setDetail] = useState<CampaignDetail | null>(null);
  const [results, setResults] = useState<CampaignResults | null>(null);
  const [exclude, setExclude] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { campaignDetail(campaignId).then(setDetail, (e: unknown) => setError(String((e as Error).message ?? e))); }, [campaignId]);
  useEffect(() => {
    let live = true;
    const load = () => campaignResults(campaignId, exclude).then((r) => live && setResults(r), (e: unknown) => live && setError(String((e as Error).message ?? e)));
    void load();
    const t = setInterval(() => void load(), 10_000);
    return () => { live = false; clearInterval(t); };
  }, [campaignId, exclude]);

  if (error) return <p className="fail" role="alert">Cannot read the results: {error}</p>;
  if (!detail || !results) return <p className="muted">Loading the results…</p>;
  const A = detail.a.name;
  const B = detail.b.name;
  const r = results;
  const toggle = (id: string) => setExclude((xs) => (xs.includes(id) ? xs.filter((x) => x !== id) : [...xs, id]));
  return (
    <div data-testid="results">
      <section className="panel">
        <p>
          <strong>A</strong> = {A} · <strong>B</strong> = {B} · {detail.task} · {detail.status} · {r.counts.votes} vote{r.counts.votes === 1 ? "" : "s"} on{" "}
          {r.counts.ratedPairs} of {r.counts.pairs - r.counts.goldPairs} pairs ({r.counts.skip} skipped, {r.counts.goldPairs} gold pair{r.counts.goldPairs === 1 ? "" : "s"} for rater checks)
          {r.excluded.length ? <> · <span className="fail">{r.excluded.length} rater{r.excluded.length === 1 ? "" : "s"} excluded</span></> : null}
        </p>
        <div className={styles.figures}>
          <Figure title={`B's win rate over A (decisive votes, n = ${r.winRate.n})`} value={pct(r.winRate.p)} sub={`95 % Wilson ${interval(r.winRate.lo, r.winRate.hi)}`}
            read={verdict(r.winRate.lo, r.winRate.hi, "people prefer B", "people prefer A", "no clear preference yet")} testId="win-rate" />
          <Figure title={`With ties and both-bad as half (n = ${r.winRateTiesHalf.n})`} value={pct(r.winRateTiesHalf.p)} sub={`95 % Wilson ${interval(r.winRateTiesHalf.lo, r.winRateTiesHalf.hi)}`}
            read={`${r.counts.a} A · ${r.counts.b} B · ${r.counts.tie} tie · ${r.counts.both_bad} both bad`} />
          <Figure title="Bradley–Terry: P(B beats A)" value={pct(r.bradleyTerry.pBeatsA.estimate)}
            sub={r.bradleyTerry.estimable ? `95 % bootstrap by pair ${interval(r.bradleyTerry.pBeatsA.lo, r.bradleyTerry.pBeatsA.hi)} · log-odds ${num(r.bradleyTerry.logOdds.estimate, 2)}` : (r.bradleyTerry.reason ?? "")}
            read={r.bradleyTerry.notEstimable ? `${r.bradleyTerry.notEstimable} of ${r.bradleyTerry.resamples} resamples not estimable` : `${r.bradleyTerry.resamples} resamples, seed ${r.seed}`} />
          <Figure title={`Position bias: left side's share of wins (n = ${r.positionBias.n})`} value={pct(r.positionBias.p)} sub={`95 % Wilson ${interval(r.positionBias.lo, r.positionBias.hi)}`}
            read={verdict(r.positionBias.lo, r.positionBias.hi, "raters favour the left side", "raters favour the right side", "no sign of a side bias")} />
        </div>
        <IntervalChart results={r} />
      </section>

      <section className="panel" aria-label="Agreement">
        <h2>Agreement between raters</h2>
        <p>
          Fleiss&apos; κ over pairs with {r.agreement.fleiss?.ratersPerItem ?? detail.votesPerPair} votes:{" "}
          <strong data-testid="fleiss">{r.agreement.fleiss ? num(r.agreement.fleiss.kappa) : "—"}</strong>
          {r.agreement.fleiss ? <span className="muted"> ({r.agreement.fleiss.items} pairs; 1 is full agreement, 0 what chance gives)</span>
            : <span className="muted"> ({detail.votesPerPair > 1 ? `no pair has ${detail.votesPerPair} votes yet: pairs get their first vote before their second` : "each pair gets one vote in this campaign; agreement needs votes per pair above 1"})</span>}
        </p>
        {r.agreement.cohen.length ? (
          <table className="table">
            <thead><tr><th>raters</th><th>pairs both rated</th><th>Cohen&apos;s κ</th></tr></thead>
            <tbody>{r.agreement.cohen.map((c) => (
              <tr key={c.raters.join()}><td>{c.raters.map((id) => r.raters.find((x) => x.id === id)?.name ?? id).join(" · ")}</td><td>{c.items}</td><td>{num(c.kappa)}</td></tr>
            ))}</tbody>
          </table>
        ) : null}
      </section>

      <section className="panel" aria-label="Raters">
        <h2>Raters</h2>
        <p className="muted">
          Each rater&apos;s decisive votes (left or right better) against the gold pairs (a scene&apos;s own output against another
          scene&apos;s) and against the others&apos; majority, where a coin would agree half the time. A sequential test (Wald&apos;s SPRT,
          1 % false alarms) flags raters who agree far below chance. Exclude one to see the numbers move.
        </p>
        <table className="table" data-testid="raters-table">
          <thead><tr><th>rater</th><th>votes</th><th>gold right</th><th>agrees with others</th><th>below-chance test</th><th>exclude</th></tr></thead>
          <tbody>{r.raters.map((q) => (
            <tr key={q.id} data-rater={q.id} data-flagged={q.sprt.flagged}>
              <td>{q.name}</td>
              <td>{q.votes}</td>
              <td>{q.gold.n ? `${q.gold.agreements}/${q.gold.n} (${pct(q.gold.p)})` : "—"}</td>
              <td>{q.consensus.n ? `${q.consensus.agreements}/${q.consensus.n} (${pct(q.consensus.p)}, ${interval(q.consensus.lo, q.consensus.hi)})` : "—"}</td>
              <td className={q.sprt.flagged ? styles.flag : ""}>{q.sprt.flagged ? `flagged at vote ${q.sprt.step}` : q.sprt.decision === "cleared" ? `cleared at vote ${q.sprt.step}` : `undecided (${q.sprt.n} checked)`}</td>
              <td><input type="checkbox" aria-label={`exclude ${q.name}`} checked={exclude.includes(q.id)} onChange={() => toggle(q.id)} /></td>
            </tr>
          ))}</tbody>
        </table>
      </section>

      <Disagreements task={detail.task} results={r} a={A} b={B} />
      <p><Link href={`/campaigns/${detail.id}`}>← campaign settings and progress</Link></p>
    </div>
  );
}

function Figure({ title, value, sub, read, testId }: { title: string; value: string; sub: string; read: string; testId?: string }) {
  return (
    <div className={styles.figure} data-testid={testId}>
      <div className="muted">{title}</div>
      <div className={styles.big}>{value}</div>
      <div>{sub}</div>
      <div className="muted">{read}</div>
    </div>
  );
}

/** The four proportions with their 95 % intervals on one 0–1 axis, 0.5 marked. */
function IntervalChart({ results: r }: { results: CampaignResults }) {
  const rows = useMemo(() => [
    { name: "B wins", p: r.winRate.p, lo: r.winRate.lo, hi: r.winRate.hi },
    { name: "B, ties as ½", p: r.winRateTiesHalf.p, lo: r.winRateTiesHalf.lo, hi: r.winRateTiesHalf.hi },
    { name: "BT P(B > A)", p: r.bradleyTerry.pBeatsA.estimate, lo: r.bradleyTerry.pBeatsA.lo, hi: r.bradleyTerry.pBeatsA.hi },
    { name: "left side", p: r.positionBias.p, lo: r.positionBias.lo, hi: r.positionBias.hi },
  ].filter((d) => d.p !== null && Number.isFinite(d.p)).map((d, i) => ({ ...d, y: i, err: [d.p - (d.lo ?? d.p), (d.hi ?? d.p) - d.p] })), [r]);
  if (rows.length === 0) return null;
  return (
    <div style={{ width: "100%", height: 60 + rows.length * 40 }} data-testid="interval-chart" aria-label="Proportions with 95 % intervals">
      <ResponsiveContainer>
        <ScatterChart margin={{ top: 10, right: 30, bottom: 20, left: 10 }}>
          <CartesianGrid stroke="var(--line)" />
          <XAxis type="number" dataKey="p" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)} %`} stroke="var(--muted)" />
          <YAxis type="number" dataKey="y" domain={[-0.5, rows.length - 0.5]} ticks={rows.map((d) => d.y)} tickFormatter={(y: number) => rows[y]?.name ?? ""} stroke="var(--muted)" width={110} reversed />
          <ReferenceLine x={0.5} stroke="var(--warn)" strokeDasharray="4 4" />
          <Tooltip formatter={(v) => pct(typeof v === "number" ? v : null)} labelFormatter={() => ""} contentStyle={{ background: "var(--panel)", border: "1px solid var(--line)" }} />
          <Scatter data={rows} fill="var(--accent)" isAnimationActive={false}>
            <ErrorBar dataKey="err" direction="x" width={6} stroke="var(--accent)" />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

function Disagreements({ task, results: r, a, b }: { task: TaskId; results: CampaignResults; a: string; b: string }) {
  return (
    <section className="panel" aria-label="Where people and the reward disagree">
      <h2>Where people and the reward disagree ({r.disagreements.length})</h2>
      <p className="muted">Pairs whose voters preferred one side while the campaign&apos;s reward scored the other higher: the reward&apos;s blind spots, to open first.</p>
      {r.disagreements.length === 0 ? <p className="muted" data-testid="no-disagreements">None so far.</p> : null}
      <div className={styles.figures}>
        {r.disagreements.slice(0, 24).map((d) => {
          const scene = generateScene(d.sceneSeed);
          return (
            <div key={d.pairId} className={styles.figure} data-testid="disagreement">
              <div><strong>scene {d.sceneSeed}</strong> · people: {d.people.a} A, {d.people.b} B{d.people.tie ? `, ${d.people.tie} tie` : ""} · reward: A {num(d.reward.a)}, B {num(d.reward.b)}</div>
              <div className={styles.row}>
                <OutputView task={task} scene={scene} output={d.outputA} title={`A (${a}) · ${d.people.prefers === "a" ? "people's pick" : "the reward's pick"}`} />
                <OutputView task={task} scene={scene} output={d.outputB} title={`B (${b}) · ${d.people.prefers === "b" ? "people's pick" : "the reward's pick"}`} />
              </div>
              {d.comments.length ? <ul>{d.comments.map((c, i) => <li key={i} className="muted">“{c}”</li>)}</ul> : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
