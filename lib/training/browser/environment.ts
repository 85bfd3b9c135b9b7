/**
 * What this browser offers to train on, seen from the page without TF.js: a WebGPU adapter
 * (and whether it is a fallback, software one), a WebGL2 context (and its renderer), WASM, and
 * whether the page is cross-origin isolated (TF.js needs that for threaded WASM). Its signature
 * keys the backend probe's cache: a new GPU, driver or browser measures again.
 */
import type { BackendDetails, BackendName } from "../backend";

export interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** "google swiftshader"-style description of a WebGPU adapter, and whether it is a fallback one. */
export function describeAdapter(adapter: GpuAdapterLike): BackendDetails {
  const i = adapter.info ?? {};
  const parts = [i.vendor, i.architecture, i.device, i.description].filter((x): x is string => !!x && x.length > 0);
  return { adapter: [...new Set(parts)].join(" ") || "unknown adapter", fallback: !!(i.isFallbackAdapter ?? adapter.isFallbackAdapter) };
}

/** A software renderer or adapter (SwiftShader, llvmpipe) by its name. */
export const isSoftwareRenderer = (name: string) => /swiftshader|llvmpipe|softpipe|software/i.test(name);

/** The unmasked renderer of a WebGL context, and whether it is a software one. */
export function webglRenderer(gl: WebGLRenderingContext | WebGL2RenderingContext): BackendDetails {
  const ext = gl.getExtension("WEBGL_debug_renderer_info");
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return { adapter: renderer, fallback: isSoftwareRenderer(renderer) };
}

export interface BrowserEnvironment {
  /** Backends `auto` measures, in probe order (WASM first: it sets the bar). */
  candidates: BackendName[];
  unavailable: { backend: BackendName; reason: string }[];
  details: Partial<Record<BackendName, BackendDetails>>;
  isolated: boolean;
  cores: number;
  signature: string;
}

async function webgpu(): Promise<BackendDetails | string> {
  const gpu = (navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return "navigator.gpu is not available (WebGPU off or unsupported)";
  const adapter = await gpu.requestAdapter().catch(() => null);
  return adapter ? describeAdapter(adapter) : "no WebGPU adapter";
}

function webgl(): BackendDetails | string {
  const gl = document.createElement("canvas").getContext("webgl2");
  if (!gl) return "no WebGL2 context";
  const details = webglRenderer(gl);
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return details;
}

export async function browserEnvironment(): Promise<BrowserEnvironment> {
  const found: [BackendName, BackendDetails | string][] = [
    ["wasm", typeof WebAssembly === "object" ? { isolated: globalThis.crossOriginIsolated === true } : "WebAssembly is not available"],
    ["webgpu", await webgpu()],
    ["webgl", webgl()],
  ];
  const candidates = found.filter(([, d]) => typeof d !== "string").map(([b]) => b);
  const details = Object.fromEntries(found.filter(([, d]) => typeof d !== "string")) as BrowserEnvironment["details"];
  const unavailable = found.filter(([, d]) => typeof d === "string").map(([backend, reason]) => ({ backend, reason: reason as string }));
  const isolated = globalThis.crossOriginIsolated === true;
  const cores = navigator.hardwareConcurrency ?? 1;
  const signature = [navigator.userAgent, `cores ${cores}`, isolated ? "isolated" : "not isolated", details.webgpu?.adapter ?? "no webgpu", details.webgl?.adapter ?? "no webgl"].join("; ");
  return { candidates: candidates.length ? candidates : ["cpu"], unavailable, details, isolated, cores, signature };
}
