/**
 * A run's logs as the server stores them: one number per (step, name). One module, so the tab,
 * the CLI (`tune --server`) and the run page name every series alike. No TF.js here.
 *
 *   composite, composite_std, greedy_composite, term/<key>, term/<key>/std, kl, entropy,
 *   zero_spread, output_size, loss, grad_norm, lr, samples_per_sec, step_ms, skipped (1 or 0),
 *   eval/<metric> (held-out greedy evaluation: CIDEr, AP, PQ, colorfulness, ...),
 *   base/<metric> (the base checkpoint evaluated the same way on the same scenes, at step 0,
 *   before the first update: the reference the run's evaluations are read against)
 *
 * Non-finite values (a skipped step's loss) travel as null.
 */
import type { TaskId } from "@/lib/rewards/task-types";
// Types only: erased, so this module stays free of TF.js.
import type { ReinforceStepLog } from "./reinforce";

export interface MetricPoint {
  step: number;
  name: string;
  value: number | null;
}

/** The held-out metric each task's runs are judged by (as `evalMetrics` names it); higher is better. */
export const TASK_EVAL_METRIC: Record<TaskId, string> = {
  captioning: "CIDEr",
  detection: "AP",
  panoptic: "PQ",
  colorization: "colorfulness",
};

/**
 * The held-out metric that shows what each task's reward leaves out, charted beside the task
 * metric by default: objects a caption names, boxes with the wrong class, objects no segment
 * covers, the sky's colour.
 */
export const TASK_BLIND_SPOT_METRIC: Record<TaskId, string> = {
  captioning: "object_recall",
  detection: "wrong_class_per_image",
  panoptic: "missed_objects_per_image",
  colorization: "chroma_error_sky",
};

export const TERM_PREFIX = "term/";
export const EVAL_PREFIX = "eval/";
export const BASE_PREFIX = "base/";

const num = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

/** The points of one REINFORCE step. */
export function stepPoints(log: Omit<ReinforceStepLog, "phase" | "backend" | "phases">): MetricPoint[] {
  const p = (name: string, value: number | undefined): MetricPoint => ({ step: log.step, name, value: num(value) });
  return [
    p("composite", log.composite.mean),
    p("composite_std", log.composite.std),
    ...(log.greedyComposite !== undefined ? [p("greedy_composite", log.greedyComposite)] : []),
    ...Object.entries(log.terms).flatMap(([k, v]) => [p(`${TERM_PREFIX}${k}`, v.mean), p(`${TERM_PREFIX}${k}/std`, v.std)]),
    p("kl", log.kl),
    p("entropy", log.entropy),
    p("zero_spread", log.zeroSpreadFraction),
    p("output_size", log.outputSize),
    p("loss", log.loss),
    p("grad_norm", log.gradNorm),
    p("lr", log.lr),
    p("samples_per_sec", log.samplesPerSec),
    p("step_ms", log.ms),
    p("skipped", log.skipped ? 1 : 0),
  ];
}

/** The points of one held-out evaluation (logged at the step it followed). */
export function evalPoints(log: { step: number; metrics: Record<string, number> }): MetricPoint[] {
  return Object.entries(log.metrics).map(([k, v]) => ({ step: log.step, name: `${EVAL_PREFIX}${k}`, value: num(v) }));
}

/** The base checkpoint's evaluation, on the run's own held-out scenes (logged at step 0). */
export function basePoints(metrics: Record<string, number>): MetricPoint[] {
  return Object.entries(metrics).map(([k, v]) => ({ step: 0, name: `${BASE_PREFIX}${k}`, value: num(v) }));
}

/** Whether a point is one step's training log (not an evaluation, not the base's). */
export const isTrainPoint = (name: string): boolean => !name.startsWith(EVAL_PREFIX) && !name.startsWith(BASE_PREFIX);

/** Series by name, each in step order: what the run page charts. */
export function seriesOf(points: readonly MetricPoint[]): Map<string, { step: number; value: number | null }[]> {
  const out = new Map<string, { step: number; value: number | null }[]>();
  for (const pt of points) {
    const list = out.get(pt.name);
    if (list) list.push({ step: pt.step, value: pt.value });
    else out.set(pt.name, [{ step: pt.step, value: pt.value }]);
  }
  for (const list of out.values()) list.sort((a, b) => a.step - b.step);
  return out;
}
