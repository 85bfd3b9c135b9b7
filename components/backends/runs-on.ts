import type { BackendDetails } from "@/lib/training/backend";

/** WASM's binary and pool in words: "threaded-SIMD binary, 4 threads". */
export function wasmPool(binary: string, threads: number): string {
  return `${binary} binary, ${threads} thread${threads === 1 ? "" : "s"}`;
}

/** What a backend runs on, in words: WASM's binary and pool (`isolation` names the page's state too), or the GPU adapter / renderer. */
export function runsOn(d: BackendDetails | undefined, isolation: "when-not" | "always" = "when-not"): string {
  if (!d) return "";
  if (d.threads !== undefined) {
    const pool = wasmPool(d.binary ?? (d.simd ? "SIMD" : "plain"), d.threads);
    if (isolation === "always") return `${pool}, page ${d.isolated ? "cross-origin isolated" : "not cross-origin isolated"}`;
    return `${pool}${d.isolated === false ? ", not cross-origin isolated" : ""}`;
  }
  return d.adapter ? `${d.adapter}${d.fallback ? " (software / fallback adapter)" : ""}` : "";
}
