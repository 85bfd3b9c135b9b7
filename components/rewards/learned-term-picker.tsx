"use client";

import { useState } from "react";
import { useVotedCampaigns } from "@/components/rating/use-voted-campaigns";
import { apiCall } from "@/lib/http/api-call";
import type { LearnReport } from "@/lib/rating/learned-reward";
import type { TaskId } from "@/lib/rewards/task-types";

const pct = (p: number) => (Number.isFinite(p) ? `${(100 * p).toFixed(0)} %` : "—");

/**
 * Adds `human_preference` learned from one of your rating campaigns of this task: the server fits
 * Bradley–Terry on the campaign's votes and answers the term's params with the model's held-out
 * accuracy against the majority side, shown before it is added.
 */
export function LearnedTermPicker({ task, onAdd }: { task: TaskId; onAdd: (params: Record<string, unknown>) => void }) {
  const campaigns = useVotedCampaigns(task);
  const [picked, setPicked] = useState("");
  const [fit, setFit] = useState<{ params: Record<string, unknown>; report: LearnReport } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const learn = async (id: string) => {
    setPicked(id);
    setFit(null);
    setMessage(id ? "fitting on the campaign's votes…" : null);
    if (!id) return;
    try {
      const r = await apiCall<{ params: Record<string, unknown>; report: LearnReport }>(`/api/campaigns/${id}/preference-model`);
      setFit(r.body);
      setMessage(null);
    } catch (err) {
      setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  if (campaigns.length === 0) return <p className="term-meta muted">No open or closed {task} rating campaign of yours yet: run one under Campaigns, then learn a reward from its votes here.</p>;
  const r = fit?.report;
  return (
    <div className="term-meta" data-testid="learned-picker">
      <label>learn from{" "}
        <select aria-label="Campaign to learn from" value={picked} onChange={(e) => void learn(e.target.value)}>
          <option value="">choose a campaign…</option>
          {campaigns.map((c) => <option key={c.id} value={c.id}>{c.name} ({c.status})</option>)}
        </select>
      </label>
      {message ? <span className={fit ? "" : "muted"}> {message}</span> : null}
      {r ? (
        <div data-testid="learned-fit">
          <span>
            {r.votes} votes on {r.pairs} pairs · held-out accuracy <strong>{pct(r.accuracy.p)}</strong> [{pct(r.accuracy.lo)}, {pct(r.accuracy.hi)}] against{" "}
            {pct(r.baseline.p)} for always picking the majority side ({r.folds}-fold by pair) ·{" "}
            {r.features.map((f) => `${f.weight >= 0 ? "+" : "−"}${Math.abs(f.weight).toFixed(2)} ${f.term}`).join(", ")}
          </span>{" "}
          <button type="button" className="button small" onClick={() => onAdd(fit!.params)} aria-label="Add human_preference">Add</button>
        </div>
      ) : null}
    </div>
  );
}
