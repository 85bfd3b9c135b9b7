"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { RaterCampaign } from "@/lib/rating/contract";
import { myCampaigns } from "./rating-api";

/** The open campaigns you are invited to rate, with your progress in each. */
export function RateList() {
  const [campaigns, setCampaigns] = useState<RaterCampaign[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    myCampaigns().then(setCampaigns, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  if (error) return <p className="fail" role="alert">Cannot list your campaigns: {error}</p>;
  if (!campaigns) return <p className="muted">Loading…</p>;
  if (campaigns.length === 0) {
    return <p className="panel muted" data-testid="rate-none">No campaign is waiting for you. When an engineer invites you to one, it appears here.</p>;
  }
  return (
    <section className="panel" aria-label="Your campaigns">
      <table className="table" data-testid="rate-campaigns">
        <thead><tr><th>campaign</th><th>task</th><th>voted</th><th>left for you</th><th /></tr></thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id} data-campaign={c.id}>
              <td className="wrap">{c.name}{c.instructions ? <div className="muted">{c.instructions}</div> : null}</td>
              <td>{c.task}</td>
              <td>{c.voted}</td>
              <td>{c.remaining}</td>
              <td>{c.remaining > 0 ? <Link className="button" href={`/rate/${c.id}`}>{c.voted > 0 ? "Continue" : "Start"} rating</Link> : <span className="ok">done</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
