"use client";

import { useCallback, useRef, useState } from "react";
import type { TaskId } from "@/lib/rewards/task-types";
import type { BackendDetails, BackendName } from "@/lib/training/backend";
import { runsOn } from "./runs-on";
import type { FromConformanceWorker, ToConformanceWorker } from "@/lib/training/browser/conformance-worker";
import type { CaseResult } from "@/lib/training/conformance/types";

export interface ConformanceRun {
  status: "running" | "done" | "error";
  results: CaseResult[];
  runsOn?: string;
  details?: BackendDetails;
  seconds?: number;
  error?: string;
}

/** Runs the conformance suite on one backend at a time in a Worker; results arrive case by case. */
export function useConformance() {
  const [runs, setRuns] = useState<Partial<Record<BackendName, ConformanceRun>>>({});
  const worker = useRef<Worker | null>(null);

  const check = useCallback((backend: BackendName, tasks: readonly TaskId[], wasmThreads?: number) => new Promise<void>((resolve) => {
    worker.current?.terminate();
    const w = new Worker(new URL("../../lib/training/browser/conformance-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    const update = (f: (r: ConformanceRun) => ConformanceRun) => setRuns((all) => ({ ...all, [backend]: f(all[backend] ?? { status: "running", results: [] }) }));
    setRuns((all) => ({ ...all, [backend]: { status: "running", results: [] } }));
    const end = (f: (r: ConformanceRun) => ConformanceRun) => {
      update(f);
      w.terminate();
      resolve();
    };
    w.onmessage = (e: MessageEvent<FromConformanceWorker>) => {
      const m = e.data;
      if (m.type === "backend") update((r) => ({ ...r, runsOn: runsOn(m.choice.details), details: m.choice.details }));
      if (m.type === "result") update((r) => ({ ...r, results: [...r.results, m.result] }));
      if (m.type === "done") end((r) => ({ ...r, status: "done", seconds: m.seconds }));
      if (m.type === "error") end((r) => ({ ...r, status: "error", error: m.message }));
    };
    w.onerror = (e) => end((r) => ({ ...r, status: "error", error: e.message || "the check's worker failed to start" }));
    w.postMessage({ type: "run", backend, tasks: [...tasks], wasmPaths: "/tfjs/", ...(wasmThreads !== undefined ? { wasmThreads } : {}) } satisfies ToConformanceWorker);
  }), []);

  return { runs, check };
}
