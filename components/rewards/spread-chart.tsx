import type { SpreadShares } from "@/lib/rewards";

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/**
 * Which weighted term drives the composite's spread within an image's samples — the signal
 * REINFORCE learns from: cov(w_k x_k, R) / var(R) per group, averaged (they sum to 100%). Bars
 * grow right for a share that adds to the spread and left for one that pulls against it.
 */
export function SpreadChart({ shares }: { shares: SpreadShares }) {
  const scale = Math.max(1, ...shares.shares.map((s) => (Number.isFinite(s) ? Math.abs(s) : 0)));
  return (
    <section className="spread-chart" aria-labelledby="spread-title" data-testid="spread-chart">
      <h3 id="spread-title">What drives the ranking</h3>
      <p className="muted small">
        Share of the composite&apos;s variance within each image&apos;s samples carried by each weighted term (cov(w·x, R) / var(R), averaged over the{" "}
        {shares.groups} of {shares.of} images whose samples differ). A term with a large weight but a tiny share barely steers tuning.
      </p>
      {shares.groups === 0 ? <p className="muted">Every image&apos;s samples got the same composite: nothing to learn from here.</p> : (
        <ul className="bars">
          {shares.keys.map((k, i) => {
            const v = shares.shares[i] as number;
            const w = Number.isFinite(v) ? (Math.abs(v) / scale) * 50 : 0;
            return (
              <li key={k} data-key={k} data-share={v}>
                <span className="bar-label"><code>{k}</code></span>
                <span className="bar-track" aria-hidden="true">
                  <span className={`bar ${v < 0 ? "neg" : "pos"}`} style={v < 0 ? { right: "50%", width: `${w}%` } : { left: "50%", width: `${w}%` }} />
                </span>
                <span className="bar-value">{pct(v)}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
