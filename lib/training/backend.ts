/**
 * The one place a TF.js backend is chosen. `auto` tries WebGPU, then WebGL, WASM and CPU in a
 * browser (or Web Worker), and WASM then CPU in Node; it reports which it chose and why each
 * one before it was skipped. An unknown name is refused with the list of valid ones.
 * (After transformers.js backends/onnx.js.)
 */
import * as tf from "@tensorflow/tfjs-core";
import { registerFastMatMulGradient } from "./matmul-grad";

export const BACKEND_NAMES = ["webgpu", "webgl", "wasm", "cpu"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export type BackendRequest = BackendName | "auto";

export interface BackendChoice {
  backend: BackendName;
  /** Backends tried before the chosen one, each with why it was skipped. */
  skipped: { backend: BackendName; reason: string }[];
}

export interface BackendOptions {
  /** Folder (URL in a browser, absolute path in Node) holding tfjs-backend-wasm's .wasm files. */
  wasmPaths?: string;
}

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
    if (opts.wasmPaths) wasm.setWasmPaths(opts.wasmPaths.endsWith("/") ? opts.wasmPaths : `${opts.wasmPaths}/`);
    if (isNode) tf.env().set("WASM_HAS_MULTITHREAD_SUPPORT", false);
  }
  if (name === "webgl") await import("@tensorflow/tfjs-backend-webgl");
  if (name === "webgpu") {
    const gpu = (globalThis as { navigator?: { gpu?: { requestAdapter(): Promise<unknown> } } }).navigator?.gpu;
    if (!gpu) throw new Error("navigator.gpu is not available");
    if (!(await gpu.requestAdapter())) throw new Error("no WebGPU adapter");
    await import("@tensorflow/tfjs-backend-webgpu");
  }
  if (!tf.findBackendFactory(name)) throw new Error(`the ${name} backend did not register`);
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
      if (!(await tf.setBackend(name))) throw new Error("failed to initialise");
      await tf.ready();
      return { backend: name, skipped };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      if (req !== "auto") throw new Error(`backend ${name} is not available here: ${reason}`);
      skipped.push({ backend: name, reason });
    }
  }
  throw new Error(`no TF.js backend could start: ${skipped.map((s) => `${s.backend} (${s.reason})`).join("; ")}`);
}
