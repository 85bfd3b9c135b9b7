"use client";

import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SpreadShares } from "@/lib/rewards";

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : "—");

/**
 * Which weighted term drives the composite's spread within an image's samples — the signal
 * REINFORCE learns from: cov(w_k x_k, R) / var(R) per group, averaged (they sum to 100%). A bar
 * right of 0 adds to the spread; one left of 0 pulls against the others.
 */
export function SpreadChart({ shares }: { shares: SpreadShares }) {
  const data = shares.keys.map((key, i) => ({ key, share: Number.isFinite(shares.shares[i]) ? (shares.shares[i] as number) * 100 : 0 }));
  return (
    <section className="spread-chart" aria-labelledby="spread-title" data-testid="spread-chart">
      <h3 id="spread-title">What drives the ranking</h3>
      <p className="muted small">
        Share of the composite&apos;s variance within each image&apos;s samples carried by each weighted term (cov(w·x, R) / var(R), averaged over the{" "}
        {shares.groups} of {shares.of} images whose samples differ). A term with a large weight but a tiny share barely steers tuning.
      </p>
      {shares.groups === 0 ? <p className="muted">Every image&apos;s samples got the same composite: nothing to learn from here.</p> : (
        <div className="spread-body">
          <div className="spread-plot" aria-hidden="true">
            <ResponsiveContainer width="100%" height={32 + 26 * data.length}>
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid horizontal={false} stroke="var(--line)" />
                <XAxis type="number" unit="%" domain={[(min: number) => Math.min(0, Math.floor(min / 10) * 10), (max: number) => Math.max(100, Math.ceil(max / 10) * 10)]}
                  tick={{ fill: "var(--muted)", fontSize: 11 }} stroke="var(--line)" />
                <YAxis type="category" dataKey="key" width={120} tick={{ fill: "var(--text)", fontSize: 11 }} stroke="var(--line)" />
                <ReferenceLine x={0} stroke="var(--muted)" />
                <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} contentStyle={{ background: "var(--panel)", border: "1px solid var(--line)" }} cursor={{ fill: "var(--panel-2)" }} />
                <Bar dataKey="share" isAnimationActive={false}>
                  {data.map((d) => <Cell key={d.key} fill={d.share < 0 ? "var(--bad)" : "var(--accent)"} />)}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          <ul className="spread-values">
            {shares.keys.map((k, i) => (
              <li key={k} data-key={k} data-share={shares.shares[i]}><code>{k}</code> {pct(shares.shares[i] as number)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
