/// <reference lib="webworker" />
/**
 * The conformance suite in a Worker (where tab runs train): every op case, then each asked-for
 * task from its shipped MLE weights, on one backend against the cpu reference; each result is
 * posted as it is known.
 */
import type { TaskId } from "@/lib/rewards";
import { selectBackend, type BackendChoice, type BackendName } from "../backend";
import { loadBrowserCheckpoint, shippedUri } from "../browser-checkpoints";
import { fromArtifacts } from "../checkpoint";
import { OP_CASES, runConformance, taskCase, type CaseResult } from "../conformance";

export type ToConformanceWorker = { type: "run"; backend: BackendName; tasks: TaskId[]; wasmPaths: string; wasmThreads?: number };
export type FromConformanceWorker =
  | { type: "backend"; choice: BackendChoice }
  | { type: "result"; result: CaseResult }
  | { type: "done"; passed: number; failed: number; seconds: number }
  | { type: "error"; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromConformanceWorker) => scope.postMessage(m);

const loadShipped = async (task: TaskId) => (await fromArtifacts(await loadBrowserCheckpoint(shippedUri(task, "mle")))).policy;

async function run(m: ToConformanceWorker): Promise<void> {
  const t0 = performance.now();
  await selectBackend("cpu");
  const choice = await selectBackend(m.backend, { wasmPaths: m.wasmPaths, wasmThreads: m.wasmThreads });
  post({ type: "backend", choice });
  const cases = [...OP_CASES, ...m.tasks.map((t) => taskCase(t, loadShipped))];
  const results = await runConformance(cases, { backend: m.backend, onResult: (result) => post({ type: "result", result }) });
  const passed = results.filter((r) => r.ok).length;
  post({ type: "done", passed, failed: results.length - passed, seconds: (performance.now() - t0) / 1000 });
}

scope.onmessage = (e: MessageEvent<ToConformanceWorker>) => {
  run(e.data).catch((err: unknown) => post({ type: "error", message: err instanceof Error ? err.message : String(err) }));
};
