/**
 * Which TF.js WASM binary a browser runs, and with how many threads. Pure, so the rule is
 * tested in Node; lib/training/backend.ts applies it (lib/training/browser/wasm-threads.ts
 * starts the threaded binary inside this bundled app).
 */

/** The binaries tfjs-backend-wasm ships; the threaded one exists only with SIMD. */
export type WasmBinary = "threaded-SIMD" | "SIMD" | "plain";

export interface WasmPlan {
  binary: WasmBinary;
  /** XNNPACK's pool size the plan asks for (1 unless the binary is threaded-SIMD). */
  threads: number;
  /** Why this binary and this many threads (shown after the count), for the run page and the Backends page. */
  note: string;
}

export interface WasmPlanInput {
  simd: boolean;
  /** TF.js's WASM_HAS_MULTITHREAD_SUPPORT: SharedArrayBuffer (cross-origin isolation) and WASM threads. */
  threadsSupported: boolean;
  /** navigator.hardwareConcurrency. */
  cores: number;
  /** An explicit pool size (the Backends page's choice); otherwise TF.js's own default. */
  requested?: number;
}

/** tfjs-backend-wasm's cap on its pool: 8 Web Workers are made when the binary starts. */
export const MAX_WASM_THREADS = 8;

/**
 * TF.js's default pool (cc/backend.cc): half the logical cores, as it assumes two hyperthreads a
 * core, at least 1 and at most 8.
 */
export const defaultWasmThreads = (cores: number) => Math.min(MAX_WASM_THREADS, Math.max(1, Math.floor(cores / 2)));

/**
 * The plan. A pool of one thread takes the SIMD binary: the threaded one would do the same work
 * on one thread behind atomics, after starting 8 Workers for nothing (a captioning train step,
 * Chromium, 2 shared cores: 140-195 ms against SIMD's 155-163 ms, no gain). An explicit count is
 * capped at the logical cores and at 8.
 */
export function planWasm({ simd, threadsSupported, cores, requested }: WasmPlanInput): WasmPlan {
  const binary: WasmBinary = simd ? "SIMD" : "plain";
  if (!simd) return { binary, threads: 1, note: "this browser has no WASM SIMD, and TF.js's threaded binary needs it" };
  if (!threadsSupported) return { binary, threads: 1, note: "threads need SharedArrayBuffer (a cross-origin isolated page) and WASM threads, which this context lacks" };
  const wanted = requested === undefined ? defaultWasmThreads(cores) : Math.min(MAX_WASM_THREADS, Math.max(1, cores), Math.max(1, Math.floor(requested)));
  const why = requested === undefined ? `TF.js's default, half of ${cores} logical cores` : `asked for ${requested}${wanted < requested ? `, capped at ${Math.min(MAX_WASM_THREADS, cores)}` : ""}`;
  if (wanted < 2) return { binary, threads: 1, note: `${why}; the threaded binary is no faster on one thread` };
  return { binary: "threaded-SIMD", threads: wanted, note: why };
}
