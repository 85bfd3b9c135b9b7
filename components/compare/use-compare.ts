"use client";

import { useCallback, useEffect, useReducer, useRef } from "react";
import type { ComparedScene, ComparisonResult } from "@/lib/compare/contract";
import { specHash } from "@/lib/compare/spec-hash";
import type { CompareJob, FromCompareWorker, ToCompareWorker } from "@/lib/training/browser/compare-protocol";
import { cachedComparison, saveComparison } from "./compare-api";

/** Where the result on screen came from. */
export type Source = { kind: "computed"; backend: string; seconds: number } | { kind: "cache"; computedAt: string; by: string | null };

export interface CompareState {
  status: "idle" | "asking-cache" | "loading" | "decoding" | "aggregating" | "done" | "error";
  done: number;
  of: number;
  /** Scenes scored so far (final once `result` is set). */
  scenes: ComparedScene[];
  result: ComparisonResult | null;
  source: Source | null;
  /** What happened when the result was offered to the server's cache. */
  cacheNote: string | null;
  error: string | null;
  backend: string | null;
}

type Action =
  | { type: "start"; of: number }
  | { type: "loading" }
  | { type: "backend"; backend: string }
  | { type: "progress"; done: number; scenes: ComparedScene[] }
  | { type: "aggregating" }
  | { type: "result"; result: ComparisonResult; source: Source }
  | { type: "cache-note"; note: string }
  | { type: "error"; message: string };

const initial: CompareState = { status: "idle", done: 0, of: 0, scenes: [], result: null, source: null, cacheNote: null, error: null, backend: null };

function reduce(s: CompareState, a: Action): CompareState {
  switch (a.type) {
    case "start": return { ...initial, status: "asking-cache", of: a.of };
    case "loading": return { ...s, status: "loading" };
    case "backend": return { ...s, backend: a.backend };
    case "progress": return { ...s, status: "decoding", done: a.done, scenes: [...s.scenes, ...a.scenes] };
    case "aggregating": return { ...s, status: "aggregating" };
    case "result": return { ...s, status: "done", done: a.result.scenes.length, scenes: a.result.scenes, result: a.result, source: a.source };
    case "cache-note": return { ...s, cacheNote: a.note };
    case "error": return { ...s, status: "error", error: a.message };
  }
}

/** What to compare: the job for the worker (its spec decides the cache key with A, B and the scenes). */
export type CompareRequest = Omit<CompareJob, "backend"> & { backend: NonNullable<CompareJob["backend"]> };

/**
 * Runs one comparison: asks the server's cache first; otherwise computes it in the compare
 * Worker (progress scene by scene) and offers the result to the cache.
 */
export function useCompare() {
  const [state, dispatch] = useReducer(reduce, initial);
  const worker = useRef<Worker | null>(null);
  useEffect(() => () => worker.current?.terminate(), []);

  const run = useCallback(async (job: CompareRequest) => {
    worker.current?.terminate();
    worker.current = null;
    dispatch({ type: "start", of: job.count });
    let key;
    try {
      key = { aId: job.a.id, bId: job.b.id, split: job.split, start: job.start, count: job.count, specHash: await specHash(job.spec) };
      const cached = await cachedComparison(key);
      if (cached) {
        dispatch({ type: "result", result: cached.result, source: { kind: "cache", computedAt: cached.createdAt, by: cached.computedBy } });
        return;
      }
    } catch (err) {
      dispatch({ type: "error", message: err instanceof Error ? err.message : String(err) });
      return;
    }
    dispatch({ type: "loading" });
    const w = new Worker(new URL("../../lib/training/browser/compare-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    const end = () => { w.terminate(); if (worker.current === w) worker.current = null; };
    w.onmessage = (e: MessageEvent<FromCompareWorker>) => {
      const m = e.data;
      if (m.type === "backend") dispatch({ type: "backend", backend: m.choice.backend });
      if (m.type === "progress") dispatch({ type: "progress", done: m.done, scenes: m.scenes });
      if (m.type === "aggregating") dispatch({ type: "aggregating" });
      if (m.type === "error") { dispatch({ type: "error", message: m.message }); end(); }
      if (m.type === "done") {
        end();
        dispatch({ type: "result", result: m.result, source: { kind: "computed", backend: m.result.backend, seconds: m.result.seconds } });
        saveComparison({ ...key, result: m.result })
          .then((stored) => dispatch({ type: "cache-note", note: `Saved to the server's cache: next time these scenes load from there (stored ${new Date(stored.createdAt).toLocaleString()}).` }))
          .catch((err: unknown) => dispatch({ type: "cache-note", note: `Not cached on the server: ${err instanceof Error ? err.message : String(err)}` }));
      }
    };
    w.onerror = (e) => { dispatch({ type: "error", message: e.message || "the compare worker failed to start" }); end(); };
    w.postMessage({ type: "compare", job, wasmPaths: "/tfjs/" } satisfies ToCompareWorker);
  }, []);

  const cancel = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    dispatch({ type: "error", message: "stopped" });
  }, []);

  return { state, run, cancel };
}
