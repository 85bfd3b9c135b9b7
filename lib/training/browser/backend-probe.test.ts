import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { BackendName } from "../backend";
import { chooseFastest, loadProbe, probeBackends, probeKey, saveProbe } from "./backend-probe";
import type { FromProbeWorker, ProbeFigure, ToProbeWorker } from "./probe-protocol";

/** A stand-in for the probe Worker: answers with scripted step times after scripted delays. */
class FakeWorker {
  onmessage: ((e: MessageEvent<FromProbeWorker>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  terminated = false;
  constructor(private readonly script: Record<string, { at: number; msg: FromProbeWorker }[]>, private readonly log: FakeWorker[]) {
    log.push(this);
  }
  postMessage(m: ToProbeWorker) {
    for (const { at, msg } of this.script[m.backend] ?? []) {
      setTimeout(() => { if (!this.terminated) this.onmessage?.({ data: msg } as MessageEvent<FromProbeWorker>); }, at);
    }
  }
  terminate() { this.terminated = true; }
}

const ready = (backend: BackendName) => ({ type: "ready", backend, details: {}, loadMs: 5 }) as const;
const step = (ms: number, warmup = false) => ({ type: "step", ms, warmup }) as const;
const job = { task: "captioning", from: "/models/captioning/mle/model.json", size: "default", batchSize: 2, samples: 2 } as const;

describe("probeBackends", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("times each candidate, gives up on one past 5x the fastest (at least 8 s), and picks the fastest measured", async () => {
    const workers: FakeWorker[] = [];
    const script = {
      // WASM: ready at 1 s, warm-up, two steps of 300 and 320 ms: its whole probe took 2 s.
      wasm: [{ at: 1000, msg: ready("wasm") }, { at: 1400, msg: step(400, true) }, { at: 1700, msg: step(300) }, { at: 2000, msg: step(320) }],
      // A software WebGPU: its first step never ends within the limit.
      webgpu: [{ at: 500, msg: ready("webgpu") }, { at: 60_000, msg: step(50_000, true) }],
      // WebGL: quick to compile, 150 ms steps: faster than WASM.
      webgl: [{ at: 900, msg: ready("webgl") }, { at: 2000, msg: step(1000, true) }, { at: 2150, msg: step(150) }, { at: 2300, msg: step(160) }],
    };
    const done = probeBackends(job, { candidates: ["wasm", "webgpu", "webgl"], wasmPaths: "/tfjs/", createWorker: () => new FakeWorker(script, workers) as unknown as Worker });
    await vi.runAllTimersAsync();
    const { chosen, figures } = await done;
    expect(figures.map((f) => [f.backend, f.status])).toEqual([["wasm", "measured"], ["webgpu", "too-slow"], ["webgl", "measured"]]);
    expect(figures[0]).toMatchObject({ msPerStep: 310, warmupMs: 400, steps: [300, 320] });
    // 5 x 2 s = 10 s limit for the later candidates.
    expect(figures[1]?.spentMs).toBe(10_000);
    expect(figures[1]?.reason).toBe("gave up after 10.0 s, during its first (warm-up) step");
    expect(chosen).toBe("webgl");
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it("reports a backend whose worker fails, and still chooses among the rest", async () => {
    const script = { wasm: [{ at: 10, msg: step(5, true) }, { at: 20, msg: step(5) }, { at: 30, msg: step(7) }], webgpu: [{ at: 10, msg: { type: "error", message: "no WebGPU adapter" } as const }] };
    const done = probeBackends(job, { candidates: ["wasm", "webgpu"], wasmPaths: "/tfjs/", createWorker: () => new FakeWorker(script, []) as unknown as Worker });
    await vi.runAllTimersAsync();
    const { chosen, figures } = await done;
    expect(figures[1]).toMatchObject({ backend: "webgpu", status: "failed", reason: "no WebGPU adapter" });
    expect(chosen).toBe("wasm");
  });
});

describe("chooseFastest", () => {
  it("ignores backends that were not measured; null when none was", () => {
    const f = (backend: BackendName, status: ProbeFigure["status"], msPerStep?: number): ProbeFigure => ({ backend, status, msPerStep, steps: [], spentMs: 0 });
    expect(chooseFastest([f("wasm", "measured", 300), f("webgpu", "too-slow"), f("webgl", "measured", 299)])).toBe("webgl");
    expect(chooseFastest([f("webgpu", "failed"), f("webgl", "too-slow")])).toBeNull();
  });
});

describe("the probe cache", () => {
  const memory = (): Storage => {
    const m = new Map<string, string>();
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size; } };
  };

  it("keys by model, step shape and browser; keeps results for 30 days", () => {
    const storage = memory();
    const key = probeKey(job, "Chromium 156; cores 2");
    expect(key).toBe("captioning|/models/captioning/mle/model.json|2x2|Chromium 156; cores 2");
    expect(probeKey({ ...job, from: undefined, size: "smoke" }, "x")).toBe("captioning|fresh-smoke|2x2|x");
    const at = "2026-12-01T00:00:00.000Z";
    saveProbe({ chosen: "wasm", figures: [], at, key }, storage);
    expect(loadProbe(key, storage, Date.parse(at) + 1000)?.chosen).toBe("wasm");
    expect(loadProbe(probeKey(job, "another GPU"), storage, Date.parse(at))).toBeNull();
    expect(loadProbe(key, storage, Date.parse(at) + 31 * 24 * 3600 * 1000)).toBeNull();
    storage.setItem("reward-studio/backend-probe/v1", "not json");
    expect(loadProbe(key, storage)).toBeNull();
  });
});
