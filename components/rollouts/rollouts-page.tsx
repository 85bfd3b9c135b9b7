"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useVotedCampaigns } from "@/components/rating/use-voted-campaigns";
import { defaultStages } from "@/lib/rollout/contract";
import { apiCall } from "@/lib/http/api-call";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { useTaskCheckpoints } from "@/components/ui/use-task-checkpoints";

interface RolloutRow {
  id: string; name: string; task: TaskId; status: string; reason: string | null; stageIndex: number; stages: number;
  stage: { name: string; percent: number } | null; candidate: { name: string }; baseline: { name: string }; createdAt: string;
}

/** The list of roll-outs and a form that starts one with the default stages and a guardrail per task. */
export function RolloutsPage() {
  const [rows, setRows] = useState<RolloutRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const load = () => apiCall<{ rollouts: RolloutRow[] }>("/api/rollouts").then((r) => setRows(r.body.rollouts), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    void load();
    const t = setInterval(() => void load(), 5000);
    return () => clearInterval(t);
  }, []);
  return (
    <>
      <NewRollout />
      <section className="panel" aria-label="Roll-outs">
        <h2>Roll-outs</h2>
        {error ? <p className="fail" role="alert">{error}</p> : null}
        {rows && rows.length === 0 ? <p className="muted">None yet.</p> : null}
        {rows?.length ? (
          <table className="table" data-testid="rollouts-table">
            <thead><tr><th>roll-out</th><th>status</th><th>task</th><th>stage</th><th>candidate</th><th>baseline</th><th>started</th></tr></thead>
            <tbody>{rows.map((r) => (
              <tr key={r.id} data-status={r.status}>
                <td><Link href={`/rollouts/${r.id}`}>{r.name}</Link></td>
                <td className={r.status === "rolled_back" ? "fail" : r.status === "completed" ? "ok" : ""} title={r.reason ?? undefined}>{r.status.replace("_", " ")}</td>
                <td>{r.task}</td>
                <td>{r.stage ? `${r.stageIndex + 1}/${r.stages} ${r.stage.name} ${r.stage.percent} %` : "—"}</td>
                <td>{r.candidate.name}</td><td>{r.baseline.name}</td><td>{new Date(r.createdAt).toLocaleString()}</td>
              </tr>
            ))}</tbody>
          </table>
        ) : null}
      </section>
    </>
  );
}

/** The statistic each task's default guardrail watches. */
const WATCH: Record<TaskId, string> = { captioning: "caption_tokens", detection: "boxes", panoptic: "segments", colorization: "colorfulness" };

function NewRollout() {
  const router = useRouter();
  const [task, setTask] = useState<TaskId>("captioning");
  const { checkpoints, defaults } = useTaskCheckpoints(task);
  // A pick stands while it is one of this task's checkpoints; else the shipped tuned model.
  const [candidatePick, setCandidate] = useState("");
  const candidate = checkpoints.some((c) => c.id === candidatePick) ? candidatePick : defaults.tuned;
  const [name, setName] = useState("");
  const [change, setChange] = useState(30);
  const campaigns = useVotedCampaigns(task);
  const [campaignId, setCampaignId] = useState("");
  const [minWin, setMinWin] = useState(50);
  const [approval, setApproval] = useState(true);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const start = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const stat = WATCH[task];
      const guardrails = [{ stat, maxRelativeChange: change / 100 }];
      // The default stages; people's verdict (when asked for) and a person's approval gate leaving the 50 % canary for full.
      const stages = defaultStages(guardrails).map((s) => (s.name === "canary" && s.percent === 50
        ? { ...s, gate: { ...s.gate, manualApproval: approval, ...(campaignId ? { winRate: { campaignId, minLowerBound: minWin / 100 } } : {}) } }
        : s));
      const r = await apiCall<{ rollout: { id: string } }>("/api/rollouts", {
        json: {
          name: name.trim() || `${task}: ${checkpoints.find((c) => c.id === candidate)?.name ?? "candidate"}`, task, candidateId: candidate,
          stages,
          drift: [{ stat }],
        },
      });
      router.push(`/rollouts/${r.body.rollout.id}`);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-label="New roll-out">
      <h2>New roll-out</h2>
      <p className="muted">
        The candidate replaces the model serving the task now, in stages: shadow (it runs on mirrored requests, the baseline answers), canary 5 %,
        25 %, 50 %, then full. Each stage passes once it has its samples and time, its guardrail holds (the candidate&apos;s {WATCH[task]} within the
        share below of the baseline&apos;s) and drift (CUSUM against the shadow stage&apos;s baseline) stays quiet; a breach rolls back at once.
        Before full, it can also wait for people&apos;s verdict from a rating campaign of this candidate (B) and for a person&apos;s approval.
      </p>
      <div className="toolbar">
        <label>Task <select value={task} onChange={(e) => setTask(e.target.value as TaskId)} aria-label="Task">{TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}</select></label>
        <label>Candidate <select value={candidate} onChange={(e) => setCandidate(e.target.value)} aria-label="Candidate">{checkpoints.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}</select></label>
        <label>Guardrail: {WATCH[task]} within ± <input type="number" min={1} max={500} value={change} onChange={(e) => setChange(Number(e.target.value))} aria-label="Guardrail share" /> %</label>
        <label>Name <input type="text" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} placeholder="task: candidate" /></label>
      </div>
      <div className="toolbar">
        <label>People&apos;s verdict before full{" "}
          <select value={campaignId} onChange={(e) => setCampaignId(e.target.value)} aria-label="Rating campaign gate">
            <option value="">none</option>
            {campaigns.filter((c) => c.b.id === candidate).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        {campaignId ? <label>win rate&apos;s lower bound ≥ <input type="number" min={0} max={100} value={minWin} onChange={(e) => setMinWin(Number(e.target.value))} aria-label="Minimum lower bound" /> %</label> : null}
        <label><input type="checkbox" checked={approval} onChange={(e) => setApproval(e.target.checked)} /> a person approves the step to full</label>
        <button type="button" className="button" disabled={busy || !candidate} onClick={() => void start()} data-testid="start-rollout">Start roll-out</button>
      </div>
      {message ? <p className="fail" role="alert" data-testid="rollout-form-error">{message}</p> : null}
    </section>
  );
}
