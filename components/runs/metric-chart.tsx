"use client";

import { memo } from "react";
import { Brush, CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RunFlag } from "@/lib/training/flags";
import { emaSmooth, type SeriesPoint } from "@/lib/training/smoothing";
import styles from "./runs.module.css";
import { useDelayed } from "./use-throttled";

const COLORS = { line: "#5eb0ff", raw: "rgba(94, 176, 255, 0.3)", grid: "#2a323c", axis: "#9aa5b1", ref: "#f5b94d", flag: "#ff6b6b" } as const;
const fmt = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : "—");

export interface MetricChartProps {
  title: string;
  /** The series name, as the charts and flags name it ("kl", "term/cider_d"). */
  name: string;
  points: readonly SeriesPoint[];
  /** EMA weight in [0, 1) (0: raw). */
  smoothing: number;
  /** The step range shown (the zoom), or all. */
  domain: [number, number] | null;
  flags: readonly RunFlag[];
  /** A horizontal reference (the base model's held-out value, a guardrail's bound). */
  reference?: { value: number; label: string } | null;
  /** Draw a Brush under the chart that reports the step range picked. */
  onZoom?: (range: [number, number] | null) => void;
  height?: number;
  /** Redraw this long after the points changed (charts of a page take turns, see useDelayed). */
  delayMs?: number;
}

const flagKey = (fs: readonly RunFlag[]) => fs.map((f) => `${f.kind}@${f.step}`).join(",");

/** Props equal for drawing: the same arrays or values, and flags at the same steps (a filtered copy is a new array each render). */
function sameProps(a: MetricChartProps, b: MetricChartProps): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof MetricChartProps)[]);
  for (const k of keys) {
    if (k === "flags") {
      if (flagKey(a.flags) !== flagKey(b.flags)) return false;
    } else if (k === "reference") {
      if (a.reference?.value !== b.reference?.value || a.reference?.label !== b.reference?.label) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

/**
 * One logged series over steps: raw values faint, the EMA-smoothed line on top, hover for the
 * values, flags marked at their step.
 */
const NO_POINTS: readonly SeriesPoint[] = [];

export const MetricChart = memo(function MetricChart(p: MetricChartProps) {
  // The body redraws only when its (delayed) points arrive: a redraw of the page's charts is then
  // one task per chart, not one for all.
  return <ChartBody {...p} points={useDelayed(p.points, p.delayMs ?? 0, NO_POINTS)} />;
}, sameProps);

const ChartBody = memo(function ChartBody(p: MetricChartProps) {
  const data = emaSmooth(p.points, p.smoothing);
  const last = data.at(-1);
  const at = (step: number) => data.find((d) => d.step === step)?.smoothed ?? null;
  return (
    <figure className={styles.chart} data-testid="metric-chart" data-name={p.name} data-points={data.length}>
      <figcaption>
        <span>{p.title}</span>
        <span className="muted">{last ? `step ${last.step}: ${fmt(last.value)}` : "no points yet"}</span>
      </figcaption>
      <ResponsiveContainer width="100%" height={p.height ?? 150}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={p.domain ?? ["dataMin", "dataMax"]} allowDataOverflow tick={{ fill: COLORS.axis, fontSize: 11 }} stroke={COLORS.grid} />
          <YAxis width={52} domain={["auto", "auto"]} tickFormatter={fmt} tick={{ fill: COLORS.axis, fontSize: 11 }} stroke={COLORS.grid} />
          <Tooltip
            contentStyle={{ background: "#171b21", border: "1px solid #2a323c", fontSize: 12 }}
            labelFormatter={(s) => `step ${String(s)}`}
            formatter={(v, n) => [fmt(v), n === "smoothed" ? "smoothed" : "value"]}
          />
          <Line dataKey="value" stroke={COLORS.raw} dot={false} isAnimationActive={false} connectNulls />
          <Line dataKey="smoothed" stroke={COLORS.line} dot={data.length <= 40 ? { r: 2 } : false} isAnimationActive={false} connectNulls />
          {p.reference ? (
            <ReferenceLine y={p.reference.value} stroke={COLORS.ref} strokeDasharray="5 3" ifOverflow="extendDomain" label={{ value: p.reference.label, fill: COLORS.ref, fontSize: 11, position: "insideTopLeft" }} />
          ) : null}
          {p.flags.map((f) => (
            <ReferenceLine key={`${f.kind}-${f.step}`} x={f.step} stroke={COLORS.flag} strokeDasharray="2 2" label={{ value: `⚑ ${f.title}`, fill: COLORS.flag, fontSize: 10, position: "insideTopRight" }} />
          ))}
          {p.flags.map((f) => {
            const y = at(f.step);
            return y === null ? null : <ReferenceDot key={`dot-${f.kind}-${f.step}`} x={f.step} y={y} r={4} fill={COLORS.flag} stroke="none" />;
          })}
          {p.onZoom && data.length > 2 ? (
            <Brush
              dataKey="step" height={18} stroke={COLORS.line} fill="#0f1216" travellerWidth={8}
              onChange={(r) => {
                const a = data[r.startIndex ?? 0]?.step;
                const b = data[r.endIndex ?? data.length - 1]?.step;
                p.onZoom?.(a === undefined || b === undefined || (r.startIndex === 0 && r.endIndex === data.length - 1) ? null : [a, b]);
              }}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}, sameProps);
