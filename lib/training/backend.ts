/**
 * The one place a TF.js backend is chosen. `auto` tries WebGPU, then WebGL, WASM and CPU in a
 * browser (or Web Worker), and WASM then CPU in Node; it reports which it chose and why each
 * one before it was skipped. An unknown name is refused with the list of valid ones.
 * (After transformers.js backends/onnx.js.)
 */
import * as tf from "@tensorflow/tfjs-core";
import { describeAdapter, webglRenderer, type GpuAdapterLike } from "./browser/environment";
import { BACKEND_NAMES, type BackendName } from "./backend-names";
import { registerFastMatMulGradient } from "./matmul-grad";
import { registerSharedWasmIdentity } from "./wasm-identity";
import { planWasm, type WasmBinary, type WasmPlan } from "./wasm-plan";

export { BACKEND_NAMES, type BackendName } from "./backend-names";
export type BackendRequest = BackendName | "auto";

/** What the chosen backend runs on, for the run page and the probe's cache key. */
export interface BackendDetails {
  /** WASM: threads in XNNPACK's pool (as TF.js reports it), SIMD, and whether the context is cross-origin isolated (threads need it). */
  threads?: number;
  simd?: boolean;
  isolated?: boolean;
  /** WASM: the binary running, threaded-SIMD, SIMD or plain. */
  binary?: WasmBinary;
  /** WASM: why this binary and thread count. */
  threadsNote?: string;
  /** WebGPU: the adapter (vendor, architecture, description); WebGL: the unmasked renderer. */
  adapter?: string;
  /** WebGPU: a fallback (software) adapter such as SwiftShader; WebGL: a software renderer. */
  fallback?: boolean;
}

export interface BackendChoice {
  backend: BackendName;
  /** Backends tried before the chosen one, each with why it was skipped. */
  skipped: { backend: BackendName; reason: string }[];
  details: BackendDetails;
}

let webgpuAdapter: BackendDetails = {};

/** Renderer of the WebGL context the webgl backend made (software when SwiftShader or llvmpipe). */
function webglDetails(): BackendDetails {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  return gl ? webglRenderer(gl) : {};
}

async function details(name: BackendName): Promise<BackendDetails> {
  if (name === "webgpu") return webgpuAdapter;
  if (name === "webgl") return webglDetails();
  if (name === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    const simd = !!(await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"));
    const plan = wasmPlan ?? { binary: simd ? "SIMD" : "plain", threads: 1, note: "TF.js has no threaded WASM build for Node" };
    const threads = wasm.getThreadsCount();
    const threadsNote = threads === plan.threads ? plan.note : `${plan.note}; TF.js made ${threads}`;
    return { threads, binary: plan.binary, threadsNote, simd, ...(isolated === undefined ? {} : { isolated }) };
  }
  return {};
}

export interface BackendOptions {
  /** Folder (URL in a browser, absolute path in Node) holding tfjs-backend-wasm's .wasm files. */
  wasmPaths?: string;
  /**
   * Browser: XNNPACK's pool size for wasm (default TF.js's, half the logical cores); 2 or more
   * takes the threaded-SIMD binary. Decided once per Worker, when wasm first starts there.
   */
  wasmThreads?: number;
}

/** The browser's wasm plan, once made; null in Node and before wasm is registered. */
let wasmPlan: WasmPlan | null = null;
/** Runs wasm's start (setBackend) as the plan needs: with the logical cores its pool asks for. */
let startWasm = <T>(start: () => Promise<T>): Promise<T> => start();

const isNode = typeof process !== "undefined" && !!process.versions?.node && typeof (globalThis as { window?: unknown }).window === "undefined" && typeof (globalThis as { importScripts?: unknown }).importScripts === "undefined";

/**
 * Registers every op's gradient. tfjs-core alone registers none; its ESM file for that cannot
 * load under Node's resolver (extensionless imports), while @tensorflow/tfjs's Node bundle
 * registers them into the same global registry. Browsers and workers take the ESM file.
 */
async function registerGradients(): Promise<void> {
  if (!tf.getGradient("RealDiv")) {
    if (isNode) await import("@tensorflow/tfjs");
    else await import("@tensorflow/tfjs-core/dist/register_all_gradients");
  }
  registerFastMatMulGradient();
}

async function register(name: BackendName, opts: BackendOptions): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  if (name === "cpu") await import("@tensorflow/tfjs-backend-cpu");
  if (name === "wasm") {
    const wasm = await import("@tensorflow/tfjs-backend-wasm");
    registerSharedWasmIdentity();
    const prefix = opts.wasmPaths ? (opts.wasmPaths.endsWith("/") ? opts.wasmPaths : `${opts.wasmPaths}/`) : undefined;
    if (prefix) wasm.setWasmPaths(prefix);
    // Node: single-threaded SIMD (TF.js has no threaded build for Node; the flag is false there).
    if (!isNode) wasmPlan = await planBrowserWasm(wasm, prefix ?? "/tfjs/", opts.wasmThreads);
  }
  if (name === "webgl") await import("@tensorflow/tfjs-backend-webgl");
  if (name === "webgpu") {
    const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } } }).navigator?.gpu;
    if (!gpu) throw new Error("navigator.gpu is not available");
    const adapter = await gpu.requestAdapter();
    if (!adapter) throw new Error("no WebGPU adapter");
    webgpuAdapter = describeAdapter(adapter);
    await import("@tensorflow/tfjs-backend-webgpu");
  }
  if (!tf.findBackendFactory(name)) throw new Error(`the ${name} backend did not register`);
}

/**
 * Picks the browser's binary and pool (lib/training/wasm-plan.ts) and readies it: the
 * threaded-SIMD binary gets its pthreads' source (browser/wasm-threads.ts) and its pool size;
 * otherwise TF.js is told not to take it. A threaded source that cannot be had falls back to SIMD.
 */
async function planBrowserWasm(wasm: typeof import("@tensorflow/tfjs-backend-wasm"), prefix: string, requested: number | undefined): Promise<WasmPlan> {
  const [simd, threadsSupported] = await Promise.all([tf.env().getAsync("WASM_HAS_SIMD_SUPPORT"), tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT")]);
  const cores = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 1;
  const plan = planWasm({ simd: !!simd, threadsSupported: !!threadsSupported, cores, requested });
  if (plan.binary === "threaded-SIMD") {
    const threads = await import("./browser/wasm-threads");
    try {
      await threads.serveThreadedSource(prefix);
      wasm.setThreadsCount(plan.threads);
      startWasm = (start) => threads.withLogicalCores(2 * plan.threads, start);
      return plan;
    } catch (err) {
      tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
      return { binary: "SIMD", threads: 1, note: `the threaded binary's source could not be loaded (${err instanceof Error ? err.message : String(err)})` };
    }
  }
  tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  return plan;
}

/** Parses a backend request; throws naming the valid choices. */
export function parseBackendRequest(name: string): BackendRequest {
  if (name === "auto" || (BACKEND_NAMES as readonly string[]).includes(name)) return name as BackendRequest;
  throw new Error(`unknown backend "${name}"; expected one of auto, ${BACKEND_NAMES.join(", ")}`);
}

/** Selects and initialises a backend (see the module comment for the order). */
export async function selectBackend(request: BackendRequest | string = "auto", opts: BackendOptions = {}): Promise<BackendChoice> {
  const req = parseBackendRequest(request);
  await registerGradients();
  const order: BackendName[] = req !== "auto" ? [req] : isNode ? ["wasm", "cpu"] : ["webgpu", "webgl", "wasm", "cpu"];
  const skipped: BackendChoice["skipped"] = req === "auto" && isNode
    ? [{ backend: "webgpu", reason: "not in a browser" }, { backend: "webgl", reason: "not in a browser" }]
    : [];
  for (const name of order) {
    try {
      await register(name, opts);
      if (!(await (name === "wasm" ? startWasm(() => tf.setBackend(name)) : tf.setBackend(name)))) throw new Error("failed to initialise");
      await tf.ready();
      return { backend: name, skipped, details: await details(name) };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (req !== "auto") throw new Error(`backend ${name} is not available here: ${reason}`);
      skipped.push({ backend: name, reason });
    }
  }
  throw new Error(`no TF.js backend could start: ${skipped.map((s) => `${s.backend} (${s.reason})`).join("; ")}`);
}
