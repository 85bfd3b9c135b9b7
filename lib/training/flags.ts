/**
 * Reward-hacking flags: patterns in a REINFORCE run's logged series that usually mean the
 * policy found a way to raise the reward without getting better at the task (Susano Pinto et
 * al. 2023, §5, and the RLHF literature on over-optimisation). Pure: series in, flags out, so
 * the run page, the CLI and tests read the same flags from the same numbers.
 */
import type { GuardrailOp } from "@/lib/rewards/spec";
import { EVAL_PREFIX, TERM_PREFIX } from "./metric-points";

type Series = ReadonlyMap<string, readonly { step: number; value: number | null }[]>;

export const FLAG_KINDS = ["kl_rising", "entropy_collapse", "zero_spread", "guardrail", "reward_vs_eval", "output_drift"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

export interface RunFlag {
  kind: FlagKind;
  /** The step the flag is raised at (where the chart marks it). */
  step: number;
  /** The series it is about, as the charts name them ("kl", "term/caption_length", "eval/CIDEr"). */
  series: string;
  title: string;
  detail: string;
}

/**
 * The thresholds, chosen for the per-sample quantities the trainer logs:
 * - `klMax` 1 nat and `klSlope` 0.05 nats a step over the last `window` steps: KL to the MLE
 *   model both large and still climbing fast (the paper keeps KL well under a nat at its best
 *   checkpoints; a steady climb means the policy walks away from the reference).
 * - `entropyRatio` 0.2: entropy below a fifth of its value over the first `window` steps.
 * - `zeroSpread` 0.9 for `zeroSpreadSteps` 3 steps in a row: nearly every input's N samples got
 *   the same reward, so the leave-one-out advantages are 0 and nothing is learned.
 * - `evalDrop` 2 % (relative, at least `evalDropAbs` 1e-3): the held-out metric fell between two
 *   evaluations while the training reward (mean over the `window` steps before each) rose.
 * - `sizeDrift` 25 %: output size (tokens, boxes, segments) moved that far from its start (mean
 *   of the first `window` steps), compared on a `window`-step trailing mean.
 */
export const FLAG_THRESHOLDS = { window: 3, klMax: 1, klSlope: 0.05, entropyRatio: 0.2, zeroSpread: 0.9, zeroSpreadSteps: 3, evalDrop: 0.02, evalDropAbs: 1e-3, sizeDrift: 0.25 } as const;
export type FlagThresholds = { [K in keyof typeof FLAG_THRESHOLDS]: number };

export interface FlagInput {
  series: Series;
  /** The spec's guardrails (each on the term `metric`, logged as term/<metric>). */
  guardrails?: readonly { metric: string; op: GuardrailOp; threshold: number }[];
  /** The task's held-out metric name (TASK_EVAL_METRIC), charted as eval/<name>. */
  evalMetric: string;
  /** The base model's held-out value: the evaluation before step 0. */
  baseEval?: number | null;
  thresholds?: Partial<FlagThresholds>;
}

const fmt = (v: number) => Number(v.toPrecision(3)).toString();
const finite = (s: Series, name: string) => (s.get(name) ?? []).filter((p): p is { step: number; value: number } => p.value !== null && Number.isFinite(p.value));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const holds = (v: number, op: GuardrailOp, t: number) => (op === "<" ? v < t : op === "<=" ? v <= t : op === ">" ? v > t : v >= t);

/** Least-squares slope of value over step. */
function slope(pts: readonly { step: number; value: number }[]): number {
  const mx = mean(pts.map((p) => p.step));
  const my = mean(pts.map((p) => p.value));
  const den = pts.reduce((a, p) => a + (p.step - mx) ** 2, 0);
  return den === 0 ? 0 : pts.reduce((a, p) => a + (p.step - mx) * (p.value - my), 0) / den;
}

function klRising(s: Series, t: FlagThresholds): RunFlag[] {
  const kl = finite(s, "kl");
  for (let i = t.window - 1; i < kl.length; i++) {
    const win = kl.slice(i - t.window + 1, i + 1);
    const k = slope(win);
    const p = kl[i]!;
    if (p.value > t.klMax && k > t.klSlope) return [{ kind: "kl_rising", step: p.step, series: "kl", title: "KL rising fast", detail: `KL ${fmt(p.value)} nats (over ${t.klMax}) and climbing ${fmt(k)} a step (over ${t.klSlope})` }];
  }
  return [];
}

function entropyCollapse(s: Series, t: FlagThresholds): RunFlag[] {
  const h = finite(s, "entropy");
  if (h.length <= t.window) return [];
  const start = mean(h.slice(0, t.window).map((p) => p.value));
  const p = h.slice(t.window).find((q) => q.value < t.entropyRatio * start);
  return p && start > 0 ? [{ kind: "entropy_collapse", step: p.step, series: "entropy", title: "Entropy collapsing", detail: `entropy ${fmt(p.value)}, under ${t.entropyRatio * 100} % of its start (${fmt(start)})` }] : [];
}

function zeroSpread(s: Series, t: FlagThresholds): RunFlag[] {
  const z = finite(s, "zero_spread");
  let run = 0;
  for (const p of z) {
    run = p.value >= t.zeroSpread ? run + 1 : 0;
    if (run === t.zeroSpreadSteps) return [{ kind: "zero_spread", step: p.step, series: "zero_spread", title: "All samples equal", detail: `${t.zeroSpreadSteps} steps in a row with ≥ ${t.zeroSpread * 100} % of inputs getting the same reward for all N samples` }];
  }
  return [];
}

function guardrails(s: Series, input: FlagInput): RunFlag[] {
  return (input.guardrails ?? []).flatMap((g) => {
    const name = `${TERM_PREFIX}${g.metric}`;
    const pts = finite(s, name);
    // Every crossing from holding to broken (the first point counts as a crossing when broken).
    return pts.filter((p, i) => !holds(p.value, g.op, g.threshold) && (i === 0 || holds(pts[i - 1]!.value, g.op, g.threshold))).map((p) => ({
      kind: "guardrail" as const, step: p.step, series: name, title: `Guardrail ${g.metric} ${g.op} ${g.threshold} broken`, detail: `${g.metric} = ${fmt(p.value)}`,
    }));
  });
}

function rewardVsEval(s: Series, input: FlagInput, t: FlagThresholds): RunFlag[] {
  const name = `${EVAL_PREFIX}${input.evalMetric}`;
  const composite = finite(s, "composite");
  const evals = [...(input.baseEval !== null && input.baseEval !== undefined ? [{ step: -1, value: input.baseEval }] : []), ...finite(s, name)];
  // The training reward "at" an evaluation: mean over the window ending there (step 0 for the base).
  const level = (step: number) => {
    const upto = composite.filter((p) => p.step <= Math.max(step, 0)).slice(-t.window);
    return upto.length ? mean(upto.map((p) => p.value)) : null;
  };
  const out: RunFlag[] = [];
  for (let i = 1; i < evals.length; i++) {
    const a = evals[i - 1]!;
    const b = evals[i]!;
    const ra = level(a.step);
    const rb = level(b.step);
    const drop = a.value - b.value;
    if (ra === null || rb === null || rb <= ra || drop <= Math.max(t.evalDropAbs, t.evalDrop * Math.abs(a.value))) continue;
    out.push({ kind: "reward_vs_eval", step: b.step, series: name, title: "Reward up, held-out down", detail: `training reward ${fmt(ra)} → ${fmt(rb)} while ${input.evalMetric} fell ${fmt(a.value)} → ${fmt(b.value)}` });
  }
  return out;
}

function outputDrift(s: Series, t: FlagThresholds): RunFlag[] {
  const o = finite(s, "output_size");
  if (o.length < 2 * t.window) return [];
  const start = mean(o.slice(0, t.window).map((p) => p.value));
  for (let i = 2 * t.window - 1; i < o.length; i++) {
    const now = mean(o.slice(i - t.window + 1, i + 1).map((p) => p.value));
    const moved = start === 0 ? (now === 0 ? 0 : Infinity) : Math.abs(now - start) / start;
    if (moved > t.sizeDrift) return [{ kind: "output_drift", step: o[i]!.step, series: "output_size", title: "Output size drifting", detail: `output size ${fmt(start)} → ${fmt(now)} (${now > start ? "+" : "−"}${start === 0 ? "∞" : fmt(moved * 100)} %, over ${t.sizeDrift * 100} %)` }];
  }
  return [];
}

/** Every flag the series raise, in step order. */
export function rewardHackingFlags(input: FlagInput): RunFlag[] {
  const t: FlagThresholds = { ...FLAG_THRESHOLDS, ...input.thresholds };
  const s = input.series;
  return [...klRising(s, t), ...entropyCollapse(s, t), ...zeroSpread(s, t), ...guardrails(s, input), ...rewardVsEval(s, input, t), ...outputDrift(s, t)].sort((a, b) => a.step - b.step);
}
