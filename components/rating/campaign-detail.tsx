"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import type { CampaignDetail } from "@/lib/rating/contract";
import { campaignDetail, closeCampaign, fieldError, openCampaign } from "./rating-api";
import { DEFAULT_SETTINGS, openBody, SettingsFields, type Settings } from "./settings-fields";
import styles from "./rating.module.css";

/** One campaign for its owner: a draft's settings and Open, or an open campaign's progress, raters, Close and results. */
export function CampaignDetailView({ campaignId }: { campaignId: string }) {
  const [c, setC] = useState<CampaignDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [busy, setBusy] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ field: string; message: string } | null>(null);

  const load = useCallback(() => campaignDetail(campaignId).then((d) => { setC(d); setError(null); }, (e: unknown) => setError(e instanceof Error ? e.message : String(e))), [campaignId]);
  useEffect(() => {
    void load();
    const t = setInterval(() => void load(), 5000);
    return () => clearInterval(t);
  }, [load]);

  const open = async () => {
    if (!c) return;
    setBusy(`Computing both models' outputs for ${c.pairs + settings.goldCount} pairs on the server, then opening…`);
    setRefusal(null);
    try {
      const r = await openCampaign(c.id, openBody(settings));
      setBusy(null);
      setError(null);
      await load();
      setBusy(`Opened in ${r.seconds.toFixed(1)} s.`);
    } catch (err) {
      setRefusal(fieldError(err));
      setBusy(null);
      setError(`Not opened: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const close = async () => {
    if (!c || !window.confirm(`Close "${c.name}"? Raters can no longer vote; the results stay.`)) return;
    try {
      await closeCampaign(c.id);
      await load();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  if (!c) return error ? <p className="fail" role="alert">{error}</p> : <p className="muted">Loading…</p>;
  const done = Math.min(c.votes + c.skips, c.wanted);
  return (
    <div data-testid="campaign-detail" data-status={c.status}>
      <section className="panel">
        <h2>{c.name} <span className="muted">· {c.status}</span></h2>
        <dl className="facts">
          <dt>task</dt><dd>{c.task}</dd>
          <dt>A</dt><dd>{c.a.name}</dd>
          <dt>B</dt><dd>{c.b.name}</dd>
          <dt>pairs</dt><dd>{c.pairs}{c.goldCount ? ` (${c.goldCount} gold)` : ""}</dd>
          {c.status !== "draft" ? <><dt>votes per pair</dt><dd>{c.votesPerPair}</dd><dt>opened</dt><dd>{c.openedAt ? new Date(c.openedAt).toLocaleString() : "—"}</dd></> : null}
          {c.closedAt ? <><dt>closed</dt><dd>{new Date(c.closedAt).toLocaleString()}</dd></> : null}
        </dl>
      </section>
      {error ? <p className="fail" role="alert" data-testid="campaign-error">{error}</p> : null}
      {c.status === "draft" ? (
        <section className="panel" aria-label="Open to raters">
          <h2>Open to raters</h2>
          <p className="muted">Opening computes both models&apos; outputs for every pair on the server, once, and stores them as pictures under random names; raters never learn which model made which.</p>
          <SettingsFields task={c.task} value={settings} onChange={setSettings} errorField={refusal} disabled={busy !== null} />
          <div className="toolbar" style={{ marginTop: "0.75rem" }}>
            <button type="button" className="button" onClick={() => void open()} disabled={busy !== null && !busy.startsWith("Opened")} data-testid="open-campaign">Open to raters</button>
            {busy ? <span className="muted" role="status">{busy}</span> : null}
          </div>
        </section>
      ) : (
        <section className="panel" aria-label="Progress">
          <h2>Progress</h2>
          <div className={styles.progress}>
            <progress max={Math.max(1, c.wanted)} value={done} aria-label="Votes so far" />
            <span data-testid="campaign-votes"><strong>{c.votes}</strong> votes of {c.wanted} wanted{c.skips ? `, ${c.skips} skipped` : ""}</span>
          </div>
          {c.instructions ? <p className={`panel ${styles.instructions}`}>{c.instructions}</p> : null}
          <table className="table" style={{ maxWidth: "36rem" }}>
            <thead><tr><th>rater</th><th>votes</th></tr></thead>
            <tbody>{c.raters.map((r) => <tr key={r.id}><td>{r.name} <span className="muted">{r.email}</span></td><td>{r.votes}</td></tr>)}</tbody>
          </table>
          <div className="toolbar" style={{ marginTop: "0.75rem" }}>
            <Link className="button" href={`/rate/${c.id}/results`} data-testid="results-link">Results</Link>
            {c.status === "open" ? <button type="button" className="button" onClick={() => void close()}>Close campaign</button> : null}
            <span className="muted">Raters find it under <Link href="/rate">Rate</Link> (or at <code>/rate/{c.id}</code>).</span>
          </div>
        </section>
      )}
    </div>
  );
}
