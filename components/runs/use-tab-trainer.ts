"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { BackendChoice } from "@/lib/training/backend";
import type { EvalLog } from "@/lib/training/mle";
import type { ReinforceStepLog } from "@/lib/training/reinforce";
import type { OutboxState } from "@/lib/training/browser/outbox";
import type { FromRunWorker, RunEnd, RunJob, ToRunWorker } from "@/lib/training/browser/run-protocol";
import { holdRunLock, markStartedHere } from "./run-lock";

/** "ending": the trainer is done and sends its last points before it reports the end. */
export type TrainerPhase = "idle" | "preparing" | "training" | "pausing" | "stopping" | "ending" | "ended";

export interface TrainerState {
  phase: TrainerPhase;
  what: string;
  choice: BackendChoice | null;
  logs: ReinforceStepLog[];
  evals: EvalLog[];
  outbox: OutboxState | null;
  checkpoints: { step: number; uri?: string; error?: string }[];
  samplesAt: { step: number; error?: string }[];
  ended: { status: RunEnd; step: number; message?: string; seconds: number } | null;
}

const IDLE: TrainerState = { phase: "idle", what: "", choice: null, logs: [], evals: [], outbox: null, checkpoints: [], samplesAt: [], ended: null };

type Action = { type: "start" } | { type: "ask"; phase: "pausing" | "stopping" } | { type: "from"; m: FromRunWorker };

function reduce(s: TrainerState, a: Action): TrainerState {
  if (a.type === "start") return { ...IDLE, phase: "preparing", what: "starting the trainer" };
  if (a.type === "ask") return s.phase === "training" || s.phase === "preparing" ? { ...s, phase: a.phase } : s;
  const m = a.m;
  switch (m.type) {
    case "backend": return { ...s, choice: m.choice };
    case "preparing": return { ...s, what: m.what, phase: s.phase === "training" ? "ending" : s.phase };
    case "step": return { ...s, phase: s.phase === "preparing" ? "training" : s.phase, logs: [...s.logs, m.log] };
    case "eval": return { ...s, evals: [...s.evals, m.log] };
    case "samples": return { ...s, samplesAt: [...s.samplesAt, { step: m.step, ...(m.error ? { error: m.error } : {}) }] };
    case "checkpoint": return { ...s, checkpoints: [...s.checkpoints, { step: m.step, uri: m.uri, error: m.error }] };
    case "outbox": return { ...s, outbox: m.state };
    case "ended": return { ...s, phase: "ended", ended: { status: m.status, step: m.step, message: m.message, seconds: m.seconds } };
  }
}

/**
 * The run's trainer in this tab: `start(job)` opens the run Worker (lib/training/browser/
 * run-worker.ts) holding the run's lock, `pause()` and `stop()` ask it to save, upload and end.
 * The state is what the Worker reported, step by step.
 */
export function useTabTrainer(runId: string) {
  const [state, dispatch] = useReducer(reduce, IDLE);
  const worker = useRef<Worker | null>(null);
  const release = useRef<(() => void) | null>(null);

  const finish = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    release.current?.();
    release.current = null;
  }, []);
  useEffect(() => finish, [finish]);

  const start = useCallback(async (job: RunJob) => {
    if (worker.current) return;
    dispatch({ type: "start" });
    release.current = await holdRunLock(runId);
    markStartedHere(runId, true);
    const w = new Worker(new URL("../../lib/training/browser/run-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromRunWorker>) => {
      dispatch({ type: "from", m: e.data });
      if (e.data.type === "ended") {
        markStartedHere(runId, false);
        finish();
      }
    };
    w.onerror = (e) => {
      dispatch({ type: "from", m: { type: "ended", status: "failed", step: 0, message: e.message || "the training worker failed to start", seconds: 0 } });
      finish();
    };
    w.postMessage({ type: "start", job, wasmPaths: "/tfjs/" } satisfies ToRunWorker);
  }, [runId, finish]);

  const ask = useCallback((type: "pause" | "stop") => {
    worker.current?.postMessage({ type } satisfies ToRunWorker);
    dispatch({ type: "ask", phase: type === "pause" ? "pausing" : "stopping" });
  }, []);

  const active = state.phase !== "idle" && state.phase !== "ended";
  return { state, active, start, pause: () => ask("pause"), stop: () => ask("stop") };
}
