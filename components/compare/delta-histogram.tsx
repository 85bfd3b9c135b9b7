"use client";

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
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
  const data = bins(values, Math.min(16, Math.max(4, Math.ceil(Math.sqrt(values.length)) * 2))).map((d) => ({
    ...d, range: `${signed(d.lo)} to ${signed(d.hi)}`, mid: signed((d.lo + d.hi) / 2),
  }));
  const gains = values.filter((v) => v > 0).length;
  const losses = values.filter((v) => v < 0).length;
  const median = [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  return (
    <figure className="compare-histogram" data-testid="delta-histogram">
      <figcaption>
        Per-scene {label} delta (B − A): B gains on <span className="ok">{gains}</span>, loses on <span className="fail">{losses}</span>,
        {" "}ties on {values.length - gains - losses} of {values.length} scenes; median {fmt(median)}.
      </figcaption>
      <div role="img" aria-label={`histogram of per-scene ${label} deltas`} style={{ width: "100%", maxWidth: 520, height: 170 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barCategoryGap={2}>
            <XAxis dataKey="mid" fontSize={10} interval="preserveStartEnd" />
            <YAxis allowDecimals={false} fontSize={10} width={28} />
            <Tooltip formatter={(n) => [`${String(n)} scene${n === 1 ? "" : "s"}`, "count"]} labelFormatter={(_, p) => (p[0]?.payload as { range?: string } | undefined)?.range ?? ""} />
            <Bar dataKey="n" isAnimationActive={false}>
              {data.map((d, i) => <Cell key={i} fill={d.k > 0 ? "var(--good)" : d.k < 0 ? "var(--bad)" : "#888"} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
