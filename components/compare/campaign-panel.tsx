"use client";

import Link from "next/link";
import type { useCampaigns } from "./use-campaigns";

type Campaigns = ReturnType<typeof useCampaigns>;

/** Where "Send to campaign" puts pairs: one of your drafts of these checkpoints, or a new draft. */
export function CampaignPanel({ campaigns, defaultName }: { campaigns: Campaigns; defaultName: string }) {
  const { state: s, setTarget, setName } = campaigns;
  return (
    <section className="panel compare-campaign" aria-label="Rating campaign">
      <div className="toolbar">
        <strong>Send pairs to</strong>
        <label>
          
          <select aria-label="Campaign" value={s.target} onChange={(e) => setTarget(e.target.value)} disabled={s.sending}>
            <option value="new">a new draft campaign…</option>
            {s.drafts.map((d) => <option key={d.id} value={d.id}>{d.name} ({d.pairs} pairs)</option>)}
          </select>
        </label>
        {s.target === "new" ? (
          <label>Name
            <input aria-label="New campaign name" value={s.name} placeholder={defaultName} onChange={(e) => setName(e.target.value)} disabled={s.sending} maxLength={100} style={{ minWidth: "18em" }} />
          </label>
        ) : null}
        {s.sending ? <span className="muted">sending…</span> : null}
        {s.target !== "new" ? <Link href={`/campaigns/${s.target}`} data-testid="campaign-open-link">set up and open this campaign →</Link> : null}
      </div>
      <p className="muted">
        Each scene becomes a pair that raters will judge blind once the campaign is opened (the rating page computes both
        outputs then, on the server). Use a row&apos;s button for one scene, or &ldquo;Send these&rdquo; for every scene shown.
      </p>
      {s.message ? (
        <p className={s.message.error ? "fail" : "ok"} role={s.message.error ? "alert" : "status"} data-testid="campaign-message">{s.message.text}</p>
      ) : null}
    </section>
  );
}
