"use client";

import { fmt, signed } from "./format";

/**
 * Equal-width bins over `values` placed so that 0 is the centre of one bin (ties and near-ties
 * stay apart from gains and losses): bin k covers [(k − ½)w, (k + ½)w). One bin when all are equal.
 */
function bins(values: readonly number[], count: number): { lo: number; hi: number; n: number; k: number }[] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!(hi > lo)) return [{ lo, hi, n: values.length, k: Math.sign(lo) }];
  const w = (hi - lo) / count;
  const first = Math.floor(lo / w + 0.5);
  const last = Math.floor(hi / w + 0.5);
  const out = Array.from({ length: last - first + 1 }, (_, i) => ({ lo: (first + i - 0.5) * w, hi: (first + i + 0.5) * w, n: 0, k: first + i }));
  for (const v of values) out[Math.min(out.length - 1, Math.floor(v / w + 0.5) - first)]!.n++;
  return out;
}

/** A histogram of per-scene deltas (B − A): bars of gains green, of losses red, with the count of each side. */
export function DeltaHistogram({ values, label }: { values: readonly number[]; label: string }) {
  if (values.length === 0) return null;
  const data = bins(values, Math.min(16, Math.max(4, Math.ceil(Math.sqrt(values.length)) * 2)));
  const W = 480;
  const H = 140;
  const pad = { l: 28, b: 22, t: 8 };
  const maxN = Math.max(...data.map((d) => d.n));
  const bw = (W - pad.l) / data.length;
  const gains = values.filter((v) => v > 0).length;
  const losses = values.filter((v) => v < 0).length;
  return (
    <figure className="compare-histogram" data-testid="delta-histogram">
      <figcaption>
        Per-scene {label} delta (B − A): B gains on <span className="ok">{gains}</span>, loses on <span className="fail">{losses}</span>,
        {" "}ties on {values.length - gains - losses} of {values.length} scenes.
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`histogram of per-scene ${label} deltas`}>
        <line x1={pad.l} y1={H - pad.b} x2={W} y2={H - pad.b} stroke="currentColor" strokeOpacity={0.4} />
        <text x={pad.l - 4} y={pad.t + 8} fontSize={10} textAnchor="end" fill="currentColor">{maxN}</text>
        <text x={pad.l - 4} y={H - pad.b} fontSize={10} textAnchor="end" fill="currentColor">0</text>
        {data.map((d, i) => {
          const h = maxN ? ((H - pad.b - pad.t) * d.n) / maxN : 0;
          const color = d.k > 0 ? "var(--good)" : d.k < 0 ? "var(--bad)" : "#888";
          return (
            <rect key={i} x={pad.l + i * bw + 1} y={H - pad.b - h} width={Math.max(1, bw - 2)} height={h} fill={color}>
              <title>{`${signed(d.lo)} to ${signed(d.hi)}: ${d.n} scene${d.n === 1 ? "" : "s"}`}</title>
            </rect>
          );
        })}
        <text x={pad.l} y={H - 6} fontSize={10} fill="currentColor">{signed(data[0]!.lo)}</text>
        <text x={W} y={H - 6} fontSize={10} textAnchor="end" fill="currentColor">{signed(data.at(-1)!.hi)}</text>
        <text x={(pad.l + W) / 2} y={H - 6} fontSize={10} textAnchor="middle" fill="currentColor">{label} delta, median {fmt([...values].sort((x, y) => x - y)[Math.floor(values.length / 2)])}</text>
      </svg>
    </figure>
  );
}
