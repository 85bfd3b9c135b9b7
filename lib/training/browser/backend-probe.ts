/**
 * `auto`, by measurement: which backends this browser offers, a probe that times real train
 * steps of the model about to be tuned on each (./probe-worker.ts, one Worker per backend,
 * terminated at its time limit), the choice of the fastest, and a per-browser cache so the probe
 * is paid once per model shape. No TF.js here: it runs on the page.
 */
import type { BackendName } from "../backend";
import type { FromProbeWorker, ProbeFigure, ProbeJob, ProbeResult, ToProbeWorker } from "./probe-protocol";

export interface ProbeOptions {
  /** Backends to time, in order; the first sets the bar for the others' time limits. */
  candidates: readonly BackendName[];
  createWorker: () => Worker;
  wasmPaths: string;
  /** WASM's pool size (BackendOptions.wasmThreads); TF.js's default when absent. */
  wasmThreads?: number;
  /** Timed steps after the warm-up. */
  steps?: number;
  /** Time limit of the first candidate (model load, warm-up and steps), ms. */
  firstLimitMs?: number;
  /** Later candidates get max(minLimitMs, factor x the fastest candidate's whole probe time). */
  minLimitMs?: number;
  factor?: number;
  onProgress?: (figures: readonly ProbeFigure[], current: { backend: BackendName; limitMs: number } | null) => void;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Times one backend in its own Worker; resolves "too-slow" (and terminates it) at `limitMs`. */
export function probeOne(backend: BackendName, job: ProbeJob, limitMs: number, opts: Pick<ProbeOptions, "createWorker" | "wasmPaths" | "wasmThreads" | "steps">): Promise<ProbeFigure> {
  const n = opts.steps ?? 2;
  return new Promise((resolve) => {
    const t0 = performance.now();
    const steps: number[] = [];
    let warmupMs: number | undefined;
    let details: ProbeFigure["details"];
    const worker = opts.createWorker();
    const finish = (fig: Omit<ProbeFigure, "backend" | "steps" | "spentMs" | "details" | "warmupMs"> & { spentMs?: number }) => {
      clearTimeout(timer);
      worker.terminate();
      resolve({ backend, steps, spentMs: performance.now() - t0, ...(warmupMs !== undefined ? { warmupMs } : {}), ...(details ? { details } : {}), ...fig });
    };
    const timer = setTimeout(() => {
      const where = warmupMs === undefined ? (details ? "during its first (warm-up) step" : "before it was ready") : `after ${steps.length} of ${n} timed steps`;
      finish({ status: "too-slow", spentMs: limitMs, reason: `gave up after ${(limitMs / 1000).toFixed(1)} s, ${where}` });
    }, limitMs);
    worker.onmessage = (e: MessageEvent<FromProbeWorker>) => {
      const m = e.data;
      if (m.type === "ready") details = m.details;
      if (m.type === "step") {
        if (m.warmup) warmupMs = m.ms;
        else steps.push(m.ms);
        if (steps.length >= n) finish({ status: "measured", msPerStep: median(steps) });
      }
      if (m.type === "error") finish({ status: "failed", reason: m.message });
    };
    worker.onerror = (e) => finish({ status: "failed", reason: e.message || "the probe worker failed to start" });
    worker.postMessage({ type: "probe", job, backend, steps: n, wasmPaths: opts.wasmPaths, ...(opts.wasmThreads !== undefined ? { wasmThreads: opts.wasmThreads } : {}) } satisfies ToProbeWorker);
  });
}

/** The fastest measured backend, or null when none could be measured. */
export function chooseFastest(figures: readonly ProbeFigure[]): BackendName | null {
  let best: ProbeFigure | null = null;
  for (const f of figures) if (f.status === "measured" && f.msPerStep !== undefined && (!best || f.msPerStep < (best.msPerStep as number))) best = f;
  return best?.backend ?? null;
}

/** Times every candidate in turn and picks the fastest; the limits follow the fastest so far. */
export async function probeBackends(job: ProbeJob, opts: ProbeOptions): Promise<{ chosen: BackendName | null; figures: ProbeFigure[] }> {
  const figures: ProbeFigure[] = [];
  let bestSpent = Infinity;
  for (const backend of opts.candidates) {
    const limitMs = Number.isFinite(bestSpent) ? Math.max(opts.minLimitMs ?? 8000, (opts.factor ?? 5) * bestSpent) : (opts.firstLimitMs ?? 60_000);
    opts.onProgress?.(figures, { backend, limitMs });
    const fig = await probeOne(backend, job, limitMs, opts);
    figures.push(fig);
    if (fig.status === "measured") bestSpent = Math.min(bestSpent, fig.spentMs);
  }
  opts.onProgress?.(figures, null);
  return { chosen: chooseFastest(figures), figures };
}

/** What a probe result is valid for: the model and step shape, and this browser's environment. */
export function probeKey(job: ProbeJob, environment: string): string {
  return [job.task, job.from ?? `fresh-${job.size}`, `${job.batchSize}x${job.samples}`, environment].join("|");
}

const STORE = "reward-studio/backend-probe/v1";
/** Measurements older than this are taken again (browsers and drivers update). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

function readAll(storage: Storage): Record<string, ProbeResult> {
  try {
    const v = JSON.parse(storage.getItem(STORE) ?? "{}") as unknown;
    return v && typeof v === "object" ? (v as Record<string, ProbeResult>) : {};
  } catch {
    return {};
  }
}

export function loadProbe(key: string, storage: Storage, now = Date.now()): ProbeResult | null {
  const r = readAll(storage)[key];
  return r && now - Date.parse(r.at) < MAX_AGE_MS ? r : null;
}

export function saveProbe(result: ProbeResult, storage: Storage): void {
  storage.setItem(STORE, JSON.stringify({ ...readAll(storage), [result.key]: result }));
}

export function forgetProbes(storage: Storage): void {
  storage.removeItem(STORE);
}
