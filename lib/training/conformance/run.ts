/**
 * Runs conformance cases: each is prepared and computed on the reference backend (cpu, plain
 * JS), computed again on the backend under test, and every output compared element-wise. A case
 * that throws is reported as failed with its error, and the run goes on.
 */
import * as tf from "@tensorflow/tfjs-core";
import { compareValues } from "./compare";
import type { CaseResult, ConformanceCase, Outputs } from "./types";

export interface ConformanceOptions {
  backend: string;
  reference?: string;
  onResult?: (r: CaseResult) => void;
}

function compareOutputs(c: ConformanceCase, ref: Outputs, got: Outputs): CaseResult["outputs"] {
  return Object.entries(ref).map(([name, r]) => {
    const g = got[name] ?? new Float32Array(0);
    const cmp = compareValues(r, g, c.tolerance);
    const at = Math.max(cmp.worst, 0);
    return { name, ...cmp, ref: r[at] ?? NaN, got: g[at] ?? NaN };
  });
}

export async function runConformance(cases: readonly ConformanceCase[], opts: ConformanceOptions): Promise<CaseResult[]> {
  const reference = opts.reference ?? "cpu";
  const results: CaseResult[] = [];
  for (const c of cases) {
    const base = { id: c.id, kind: c.kind, task: c.task, what: c.what, backend: opts.backend, reference, tolerance: c.tolerance };
    let result: CaseResult;
    try {
      await tf.setBackend(reference);
      await c.prepare?.();
      const ref = await c.compute();
      await tf.setBackend(opts.backend);
      const t0 = performance.now();
      const got = await c.compute();
      const outputs = compareOutputs(c, ref, got);
      result = { ...base, ok: outputs.every((o) => o.ok), outputs, ms: performance.now() - t0 };
    } catch (err) {
      result = { ...base, ok: false, outputs: [], ms: 0, error: err instanceof Error ? err.message : String(err) };
    } finally {
      c.dispose?.();
    }
    results.push(result);
    opts.onResult?.(result);
  }
  await tf.setBackend(opts.backend);
  return results;
}
