/**
 * Judging a stage from what was measured in it: every check of the gate with its live value and
 * threshold, and the verdict. Pass: every check passed (advance). Fail: a guardrail, the error
 * rate, drift or the people's verdict says the candidate is worse (abort, all traffic back to the
 * baseline). Inconclusive: too little data, or between thresholds (wait, or a person decides).
 * Guardrails are judged from the first `EARLY_SAMPLES` predictions on, so a bad candidate is
 * stopped at the first evaluation instead of after the stage's full sample count. Pure.
 */
import type { DriftSpec, Gate } from "./contract";
import { cusum, meanStd } from "./drift";

/** Predictions of each side before guardrails, errors and drift are judged. */
export const EARLY_SAMPLES = 10;

export interface StageData {
  elapsedSeconds: number;
  /** Each prediction's statistics in this stage, in time order (the candidate's include the shadow runs). */
  candidate: { stats: readonly Record<string, number>[]; errors: number };
  baseline: { stats: readonly Record<string, number>[]; errors: number };
  /** The baseline's statistics in the shadow stage: drift's reference, and the guardrails' where this stage has too few of the baseline's own (this stage's baseline when there was no shadow stage). */
  reference: readonly Record<string, number>[];
  /** People's verdict from the gate's campaign (B = the candidate), when it has one. */
  winRate?: { p: number; lo: number; hi: number; n: number } | null;
  approved: boolean;
}

export type CheckStatus = "pass" | "fail" | "wait";
export interface Check { name: string; value: number | null; threshold: string; status: CheckStatus; note?: string }
export interface Verdict { outcome: "pass" | "fail" | "inconclusive"; reason: string; checks: Check[] }

const values = (rows: readonly Record<string, number>[], stat: string) => rows.map((r) => r[stat]).filter((v): v is number => typeof v === "number" && Number.isFinite(v));
const round = (v: number) => Number(v.toPrecision(4));

export function evaluateGate(gate: Gate, drift: readonly DriftSpec[], data: StageData): Verdict {
  const checks: Check[] = [];
  const nc = data.candidate.stats.length + data.candidate.errors;
  // The baseline's figures: this stage's, or (in a stage that sends it little or no traffic, as full does) the shadow stage's.
  const baseline = data.baseline.stats.length >= EARLY_SAMPLES ? data.baseline.stats : data.reference;
  const early = nc >= EARLY_SAMPLES && baseline.length >= EARLY_SAMPLES;
  checks.push({ name: "candidate samples", value: nc, threshold: `≥ ${gate.minSamples}`, status: nc >= gate.minSamples ? "pass" : "wait" });
  checks.push({ name: "time in stage (s)", value: round(data.elapsedSeconds), threshold: `≥ ${gate.minSeconds}`, status: data.elapsedSeconds >= gate.minSeconds ? "pass" : "wait" });

  const errorRate = nc ? data.candidate.errors / nc : 0;
  checks.push({ name: "candidate error rate", value: round(errorRate), threshold: `≤ ${gate.maxErrorRate}`, status: !early ? "wait" : errorRate <= gate.maxErrorRate ? "pass" : "fail" });

  for (const g of gate.guardrails) {
    const c = meanStd(values(data.candidate.stats, g.stat)).mean;
    const b = meanStd(values(baseline, g.stat)).mean;
    // Relative to the baseline's mean (to 1 when the baseline's mean is 0, so a count from 0 to 3 is +300 %).
    const change = Number.isFinite(c) && Number.isFinite(b) ? (c - b) / (Math.abs(b) > 1e-9 ? Math.abs(b) : 1) : NaN;
    const ok = Math.abs(change) <= g.maxRelativeChange;
    checks.push({
      name: `${g.stat}: candidate vs baseline`, value: Number.isFinite(change) ? round(change) : null, threshold: `within ±${round(100 * g.maxRelativeChange)} %`,
      status: !early || !Number.isFinite(change) ? "wait" : ok ? "pass" : "fail",
      note: Number.isFinite(c) && Number.isFinite(b) ? `mean ${round(c)} against ${round(b)}` : undefined,
    });
  }

  for (const d of drift) {
    const refValues = values(data.reference, d.stat);
    const r = refValues.length >= EARLY_SAMPLES ? cusum(values(data.candidate.stats, d.stat), meanStd(refValues), { k: d.k, h: d.h }) : null;
    checks.push({
      name: `${d.stat}: drift (CUSUM)`, value: r ? round(Math.max(r.upper, r.lower)) : null, threshold: `≤ ${d.h} (k ${d.k})`,
      status: !r || !early ? "wait" : r.alarm ? "fail" : "pass",
      note: r?.alarm ? `alarm at sample ${r.at}, ${r.direction}` : undefined,
    });
  }

  if (gate.winRate) {
    const w = data.winRate;
    const t = gate.winRate.minLowerBound;
    checks.push({
      name: "people's win rate (lower bound)", value: w && Number.isFinite(w.lo) ? round(w.lo) : null, threshold: `≥ ${t}`,
      status: !w || !Number.isFinite(w.lo) ? "wait" : w.lo >= t ? "pass" : w.hi < t ? "fail" : "wait",
      note: w ? `${round(100 * w.p)} % of ${w.n} decisive votes` : "no votes yet",
    });
  }
  if (gate.manualApproval) checks.push({ name: "approved by a person", value: null, threshold: "approved", status: data.approved ? "pass" : "wait" });

  const failed = checks.filter((c) => c.status === "fail");
  if (failed.length) return { outcome: "fail", reason: `guardrail breach: ${failed.map((c) => `${c.name} ${c.value ?? "—"} (${c.threshold})`).join("; ")}`, checks };
  const waiting = checks.filter((c) => c.status === "wait");
  if (waiting.length) return { outcome: "inconclusive", reason: `waiting for ${waiting.map((c) => c.name).join(", ")}`, checks };
  return { outcome: "pass", reason: "every check passed", checks };
}
