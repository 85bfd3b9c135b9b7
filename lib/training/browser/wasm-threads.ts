/// <reference lib="webworker" />
/**
 * Starts TF.js 4.22's threaded-SIMD WASM inside this bundled app (tfjs#4107).
 *
 * tfjs-backend-wasm hands its pthread Workers a Blob of `"var WasmBackendModuleThreadedSimd = " +
 * factory.toString()`, and each pthread importScripts it. Bundled, that function's source names
 * the bundle's own bindings (Turbopack's production build: `r` for its `process` shim, `e` for its
 * module context, `a` for the script path), which a pthread does not have, so each one dies with
 * a ReferenceError and the backend never starts. Here the factory's toString answers the
 * published, unbundled file instead (public/tfjs/, copied by scripts/copy-wasm.mjs): the
 * pthreads run the very source the bundle was made from, and the main thread keeps the bundled
 * one. Browser only: TF.js has no threaded build for Node.
 */
import * as threadedModule from "@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js";

const FILE = "tfjs-backend-wasm-threaded-simd.js";
const PREFIX = "var WasmBackendModuleThreadedSimd = ";

/** The function object backend_wasm.js calls: the same module, read as it reads it. */
const factory = ((threadedModule as { default?: unknown }).default || threadedModule) as object;

/** Makes the threaded factory's toString the published source; fetched once from `wasmPaths`. */
export async function serveThreadedSource(wasmPaths: string): Promise<void> {
  if (Object.prototype.hasOwnProperty.call(factory, "toString")) return;
  const res = await fetch(`${wasmPaths}${FILE}`);
  if (!res.ok) throw new Error(`${wasmPaths}${FILE}: HTTP ${res.status} (scripts/copy-wasm.mjs copies it on install)`);
  const text = (await res.text()).trimStart();
  // tfjs prepends the declaration itself; what it wants is the expression after it.
  if (!text.startsWith(PREFIX)) throw new Error(`${FILE} does not start with "${PREFIX}": not the file this workaround was written for`);
  const source = text.slice(PREFIX.length);
  Object.defineProperty(factory, "toString", { value: () => source, configurable: true });
}

/**
 * Runs `start` with navigator.hardwareConcurrency reading `cores`, then restores it. TF.js's C
 * side caps its pool at half the logical cores, read once when the binary starts; an explicit
 * pool larger than that is honoured by showing it twice the pool while it starts. Only this
 * Worker's navigator is touched, and only while the backend starts.
 */
export async function withLogicalCores<T>(cores: number, start: () => Promise<T>): Promise<T> {
  const nav = (self as unknown as WorkerGlobalScope).navigator;
  if (nav.hardwareConcurrency >= cores) return start();
  Object.defineProperty(nav, "hardwareConcurrency", { value: cores, configurable: true });
  try {
    return await start();
  } finally {
    delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
