"use client";

import { memo, useCallback, useState } from "react";
import { Brush, CartesianGrid, Line, LineChart, ReferenceDot, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { RunFlag } from "@/lib/training/flags";
import { emaSmooth, type SeriesPoint } from "@/lib/training/smoothing";
import styles from "./runs.module.css";
import { useChartTurn } from "./chart-turns";

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
}

const flagKey = (fs: readonly RunFlag[]) => fs.map((f) => `${f.kind}@${f.step}`).join(",");

/** Props equal for drawing: the same arrays or values, and flags at the same steps (a filtered copy is a new array each render). */
function sameProps<P extends MetricChartProps>(a: P, b: P): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof P)[]);
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

/**
 * The content width of the element `ref` is given to (null until measured). The charts get their
 * width from here, not from recharts' ResponsiveContainer: that one measures in an effect and
 * draws again in a React task of its own, outside the chart's turn, and charts resized together
 * (a scrollbar appearing) would all draw again in one task.
 */
function useContentWidth(): [(el: HTMLElement | null) => () => void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback((el: HTMLElement | null) => {
    const observer = new ResizeObserver(([e]) => e && setWidth(Math.round(e.contentRect.width)));
    if (el) observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

type BodyProps = MetricChartProps & { width: number | null; frame: (el: HTMLElement | null) => void };

export const MetricChart = memo(function MetricChart(p: MetricChartProps) {
  // The body redraws only on its turn (chart-turns), with the props and width it had then: a
  // redraw of the page's charts (new points, smoothing, zoom, a resize) is one task per chart,
  // the first draw too (an empty frame until then, so the task that mounts the page draws none).
  const [frame, width] = useContentWidth();
  const shown = useChartTurn<BodyProps | null>(width === null ? null : { ...p, width, frame }, null);
  return <ChartBody {...(shown ?? { ...p, points: NO_POINTS, width: null, frame })} />;
}, sameProps);

const ChartBody = memo(function ChartBody({ frame, ...p }: BodyProps) {
  const data = emaSmooth(p.points, p.smoothing);
  const last = data.at(-1);
  const at = (step: number) => data.find((d) => d.step === step)?.smoothed ?? null;
  const height = p.height ?? 150;
  return (
    <figure ref={frame} className={styles.chart} data-testid="metric-chart" data-name={p.name} data-points={data.length}>
      <figcaption>
        <span>{p.title}</span>
        <span className="muted">{last ? `step ${last.step}: ${fmt(last.value)}` : "no points yet"}</span>
      </figcaption>
      {p.points === NO_POINTS || !p.width ? <div style={{ height }} /> : (
        <LineChart width={p.width} height={height} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={COLORS.grid} strokeDasharray="3 3" />
          <XAxis dataKey="step" type="number" domain={p.domain ?? ["dataMin", "dataMax"]} allowDataOverflow interval={0} tick={{ fill: COLORS.axis, fontSize: 11 }} stroke={COLORS.grid} />
          <YAxis width={52} domain={["auto", "auto"]} interval={0} tickFormatter={fmt} tick={{ fill: COLORS.axis, fontSize: 11 }} stroke={COLORS.grid} />
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
      )}
    </figure>
  );
}, sameProps);
