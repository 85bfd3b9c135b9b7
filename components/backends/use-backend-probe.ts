"use client";

import { useCallback, useRef, useState } from "react";
import type { BackendName } from "@/lib/training/backend";
import { loadProbe, probeBackends, probeKey, saveProbe } from "@/lib/training/browser/backend-probe";
import { browserEnvironment } from "@/lib/training/browser/environment";
import type { ProbeFigure, ProbeJob, ProbeResult } from "@/lib/training/browser/probe-protocol";

export interface ProbeState {
  running: boolean;
  figures: readonly ProbeFigure[];
  current: { backend: BackendName; limitMs: number } | null;
  result: (ProbeResult & { cached: boolean }) | null;
  error: string | null;
}

const IDLE: ProbeState = { running: false, figures: [], current: null, result: null, error: null };

/**
 * `auto`'s measurement on the page: `choose(job)` answers from this browser's cache when the
 * same model shape was measured here before, and otherwise times each backend in a probe
 * Worker (lib/training/browser/probe-worker.ts), keeps the result and returns the fastest.
 */
export function useBackendProbe() {
  const [state, setState] = useState<ProbeState>(IDLE);
  const busy = useRef(false);

  /** `wasmThreads` (the Backends page's choice) measures WASM with that pool; such a result is not kept. */
  const choose = useCallback(async (job: ProbeJob, opts: { force?: boolean; wasmThreads?: number } = {}): Promise<ProbeResult> => {
    if (busy.current) throw new Error("a backend measurement is already running");
    busy.current = true;
    try {
      const env = await browserEnvironment();
      const key = probeKey(job, env.signature);
      const cached = opts.force ? null : loadProbe(key, localStorage);
      if (cached) {
        setState({ ...IDLE, figures: cached.figures, result: { ...cached, cached: true } });
        return cached;
      }
      setState({ ...IDLE, running: true });
      const { chosen, figures } = await probeBackends(job, {
        candidates: env.candidates,
        wasmPaths: "/tfjs/",
        ...(opts.wasmThreads !== undefined ? { wasmThreads: opts.wasmThreads } : {}),
        createWorker: () => new Worker(new URL("../../lib/training/browser/probe-worker.ts", import.meta.url), { type: "module" }),
        onProgress: (f, current) => setState((s) => ({ ...s, figures: [...f], current })),
      });
      if (!chosen) throw new Error(`no backend could run a train step here: ${figures.map((f) => `${f.backend}: ${f.reason ?? f.status}`).join("; ")}`);
      const result: ProbeResult = { chosen, figures, at: new Date().toISOString(), key };
      if (opts.wasmThreads === undefined) saveProbe(result, localStorage);
      setState({ ...IDLE, figures, result: { ...result, cached: false } });
      return result;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      setState((s) => ({ ...s, running: false, current: null, error }));
      throw err;
    } finally {
      busy.current = false;
    }
  }, []);

  const reset = useCallback(() => setState(IDLE), []);
  return { state, choose, reset };
}
