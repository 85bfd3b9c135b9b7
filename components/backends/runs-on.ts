import type { BackendDetails } from "@/lib/training/backend";

/** What a backend runs on, in words: WASM's binary and pool, or the GPU adapter / renderer. */
export function runsOn(d: BackendDetails | undefined): string {
  if (!d) return "";
  if (d.threads !== undefined) {
    const binary = d.binary ?? (d.simd ? "SIMD" : "plain");
    return `${binary} binary, ${d.threads} thread${d.threads === 1 ? "" : "s"}${d.isolated === false ? ", not cross-origin isolated" : ""}`;
  }
  return d.adapter ? `${d.adapter}${d.fallback ? " (software / fallback adapter)" : ""}` : "";
}
