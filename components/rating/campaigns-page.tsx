"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { CampaignSummary } from "@/lib/compare/contract";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { useTaskCheckpoints } from "@/components/ui/use-task-checkpoints";
import { createCampaign, fieldError, listCampaigns } from "./rating-api";
import { DEFAULT_SETTINGS, openBody, SettingsFields, type Settings } from "./settings-fields";
import styles from "./rating.module.css";

/** Your rating campaigns (drafts from /compare, open, closed), and a form for a new one. */
export function CampaignsPage() {
  const [campaigns, setCampaigns] = useState<CampaignSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => { listCampaigns().then(setCampaigns, (e: unknown) => setError(e instanceof Error ? e.message : String(e))); }, []);
  return (
    <>
      <NewCampaign />
      <section className="panel" aria-label="Your campaigns">
        <h2>Your campaigns</h2>
        {error ? <p className="fail" role="alert">Cannot list campaigns: {error}</p> : null}
        {campaigns && campaigns.length === 0 ? <p className="muted">None yet: create one above, or send pairs from <Link href="/compare">Compare</Link>.</p> : null}
        {campaigns?.length ? (
          <table className="table" data-testid="campaigns-table">
            <thead><tr><th>campaign</th><th>status</th><th>task</th><th>A</th><th>B</th><th>pairs</th><th>created</th><th /></tr></thead>
            <tbody>{campaigns.map((c) => (
              <tr key={c.id} data-campaign={c.id} data-status={c.status}>
                <td><Link href={`/campaigns/${c.id}`}>{c.name}</Link></td>
                <td className={c.status === "open" ? "ok" : c.status === "draft" ? "muted" : ""}>{c.status}</td>
                <td>{c.task}</td><td>{c.a.name}</td><td>{c.b.name}</td><td>{c.pairs}</td>
                <td>{new Date(c.createdAt).toLocaleString()}</td>
                <td>{c.status === "draft" ? <Link href={`/campaigns/${c.id}`}>set up and open</Link> : <Link href={`/rate/${c.id}/results`}>results</Link>}</td>
              </tr>
            ))}</tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

function NewCampaign() {
  const router = useRouter();
  const [task, setTask] = useState<TaskId>("captioning");
  const { checkpoints, defaults, error: listError } = useTaskCheckpoints(task);
  // A pick stands while it is one of this task's checkpoints; else the default pair (shipped MLE against tuned).
  const [aPick, setA] = useState("");
  const [bPick, setB] = useState("");
  const a = checkpoints.some((c) => c.id === aPick) ? aPick : defaults.mle;
  const b = checkpoints.some((c) => c.id === bPick) ? bPick : defaults.tuned;
  const [name, setName] = useState("");
  const [start, setStart] = useState(0);
  const [count, setCount] = useState(20);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const submit = async (open: boolean) => {
    setBusy(true);
    setError(null);
    setMessage(open ? `Computing both models' outputs for ${count + settings.goldCount} pairs on the server…` : null);
    try {
      const label = name.trim() || `${checkpoints.find((c) => c.id === a)?.name ?? "A"} vs ${checkpoints.find((c) => c.id === b)?.name ?? "B"}`;
      const r = await createCampaign({ name: label, task, aCheckpointId: a, bCheckpointId: b, scenes: { start, count }, ...(open ? { open: openBody(settings) } : {}) });
      router.push(`/campaigns/${r.campaign.id}`);
    } catch (err) {
      setError(fieldError(err));
      setMessage(`Not created: ${err instanceof Error ? err.message : String(err)}`);
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="New campaign">
      <h2>New campaign</h2>
      <div className={styles.form}>
        <div className={styles.row}>
          <label>Task
            <select value={task} onChange={(e) => setTask(e.target.value as TaskId)} disabled={busy} aria-label="Task">
              {TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
            </select>
          </label>
          <label>A (the reference)
            <select value={a} onChange={(e) => setA(e.target.value)} disabled={busy} aria-label="Checkpoint A">
              {checkpoints.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label>B (the candidate)
            <select value={b} onChange={(e) => setB(e.target.value)} disabled={busy} aria-label="Checkpoint B">
              {checkpoints.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
            {error?.field === "bCheckpointId" ? <span className={styles.fieldError}>{error.message}</span> : null}
          </label>
          <label>Name (for you; raters do not see it)
            <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder="A vs B" disabled={busy} />
          </label>
        </div>
        <div className={styles.row}>
          <label>First test scene
            <input type="number" min={0} max={1999} value={start} onChange={(e) => setStart(Number(e.target.value))} disabled={busy} />
          </label>
          <label>Scenes (pairs)
            <input type="number" min={1} max={500} value={count} onChange={(e) => setCount(Number(e.target.value))} disabled={busy} />
            {error?.field === "scenes" ? <span className={styles.fieldError}>{error.message}</span> : null}
          </label>
        </div>
        <SettingsFields task={task} value={settings} onChange={setSettings} errorField={error} disabled={busy} />
        <div className="toolbar">
          <button type="button" className="button" onClick={() => void submit(true)} disabled={busy || !a || !b} data-testid="create-open">Create and open to raters</button>
          <button type="button" className="button" onClick={() => void submit(false)} disabled={busy || !a || !b}>Save as a draft</button>
          {busy ? <span className="muted" role="status">working…</span> : null}
        </div>
        {listError ? <p className="fail" role="alert">Cannot list checkpoints: {listError}</p> : null}
        {message ? <p className={error || message.startsWith("Not") || message.startsWith("Cannot") ? "fail" : "muted"} role={busy ? "status" : "alert"} data-testid="campaign-form-message">{message}</p> : null}
      </div>
    </section>
  );
}
