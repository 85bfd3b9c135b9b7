"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { BackendChoice } from "@/lib/training/backend";
import type { FromPreviewWorker, PreviewBatch, PreviewJob, PreviewTermRequest, ToPreviewWorker } from "@/lib/training/browser/preview-protocol";

export interface PreviewState {
  status: "idle" | "running" | "ready" | "error";
  progress: { phase: "loading" | "sampling" | "scoring"; done: number; of: number } | null;
  backend: BackendChoice | null;
  batch: PreviewBatch | null;
  /** Raw values per term key (termScoreKey), [rows]: grows as terms are added. */
  raw: Record<string, number[]>;
  /** Terms that could not be scored, with why. */
  failed: Record<string, string>;
  /** Term keys asked for and not answered yet. */
  pending: string[];
  lastScoreMs: number | null;
  error: string | null;
}

type Action =
  | { type: "start" }
  | { type: "message"; m: FromPreviewWorker }
  | { type: "asked"; keys: string[] }
  | { type: "failed"; message: string };

const IDLE: PreviewState = { status: "idle", progress: null, backend: null, batch: null, raw: {}, failed: {}, pending: [], lastScoreMs: null, error: null };

function reducer(s: PreviewState, a: Action): PreviewState {
  if (a.type === "start") return { ...IDLE, status: "running" };
  if (a.type === "asked") return { ...s, pending: [...new Set([...s.pending, ...a.keys])] };
  if (a.type === "failed") return { ...s, status: "error", progress: null, error: a.message };
  const m = a.m;
  switch (m.type) {
    case "backend":
      return { ...s, backend: m.choice };
    case "progress":
      return { ...s, progress: { phase: m.phase, done: m.done, of: m.of } };
    case "sampled":
      return { ...s, status: "ready", progress: null, batch: m.batch, raw: m.raw, failed: m.failed, pending: [] };
    case "scored": {
      const answered = new Set([...Object.keys(m.raw), ...Object.keys(m.failed)]);
      return { ...s, raw: { ...s.raw, ...m.raw }, failed: { ...s.failed, ...m.failed }, pending: s.pending.filter((k) => !answered.has(k)), lastScoreMs: m.ms };
    }
    case "error":
      return { ...s, status: s.batch ? "ready" : "error", progress: null, error: m.message };
  }
}

/**
 * The preview Worker (lib/training/browser/preview-worker.ts) on the page: `run(job, terms)`
 * samples and scores; `score(terms)` scores more terms on the stored draw (no resampling).
 */
export function usePreview() {
  const [state, dispatch] = useReducer(reducer, IDLE);
  const worker = useRef<Worker | null>(null);
  const asks = useRef(0);

  useEffect(() => () => worker.current?.terminate(), []);

  const run = useCallback((job: Partial<PreviewJob> & Pick<PreviewJob, "task" | "checkpoint" | "reference">, terms: PreviewTermRequest[]) => {
    worker.current?.terminate();
    const w = new Worker(new URL("../../lib/training/browser/preview-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    dispatch({ type: "start" });
    w.onmessage = (e: MessageEvent<FromPreviewWorker>) => dispatch({ type: "message", m: e.data });
    w.onerror = (e) => dispatch({ type: "failed", message: e.message || "the preview worker failed to start" });
    w.postMessage({ type: "sample", job, terms, wasmPaths: "/tfjs/" } satisfies ToPreviewWorker);
  }, []);

  const score = useCallback((terms: (PreviewTermRequest & { key: string })[]) => {
    if (!worker.current || terms.length === 0) return;
    dispatch({ type: "asked", keys: terms.map((t) => t.key) });
    worker.current.postMessage({ type: "score", id: ++asks.current, terms: terms.map(({ term, params }) => ({ term, ...(params ? { params } : {}) })) } satisfies ToPreviewWorker);
  }, []);

  return { state, run, score };
}
