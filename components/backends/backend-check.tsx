"use client";

import { useEffect, useState } from "react";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { BACKEND_NAMES } from "@/lib/training/backend-names";
import { TAB_STEP_SHAPE as TAB_SHAPE } from "@/lib/training/browser/tab-protocol";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import { browserEnvironment, type BrowserEnvironment } from "@/lib/training/browser/environment";
import { MAX_WASM_THREADS, planWasm } from "@/lib/training/wasm-plan";
import { ConformanceTable } from "./conformance-table";
import { ProbeFigures } from "./probe-figures";
import { runsOn, wasmPool } from "./runs-on";
import { useBackendProbe } from "./use-backend-probe";
import { useConformance } from "./use-conformance";


/** This browser's backends, `auto`'s speed measurement, and the numbers check, on one page. */
export function BackendCheck() {
  const [env, setEnv] = useState<BrowserEnvironment | null>(null);
  const [task, setTask] = useState<TaskId>("captioning");
  const [withTasks, setWithTasks] = useState(true);
  /** WASM's pool for the probe and the checks on this page; undefined is TF.js's default. */
  const [wasmThreads, setWasmThreads] = useState<number | undefined>(undefined);
  const probe = useBackendProbe();
  const { runs, check } = useConformance();
  const checking = Object.values(runs).some((r) => r?.status === "running");

  useEffect(() => {
    browserEnvironment().then(setEnv, () => setEnv(null));
  }, []);

  const measure = () => void probe.choose({ task, from: shippedUri(task, "mle"), size: "default", ...TAB_SHAPE }, { force: true, wasmThreads }).catch(() => undefined);
  const checkAll = async () => {
    for (const b of BACKEND_NAMES) if (b === "cpu" || env?.candidates.includes(b)) await check(b, withTasks ? TASK_IDS : [], wasmThreads);
  };
  // SIMD assumed here (the page runs no TF.js); the probe and the checks report what ran.
  const plan = env ? planWasm({ simd: true, threadsSupported: env.isolated, cores: env.cores, requested: wasmThreads }) : null;

  return (
    <>
      <section className="panel" aria-label="This browser">
        <h2>This browser</h2>
        {env ? (
          <table className="table" data-testid="environment" data-isolated={env.isolated}>
            <thead><tr><th>backend</th><th>available</th><th className="wrap">runs on</th></tr></thead>
            <tbody>
              {BACKEND_NAMES.map((b) => {
                const d = env.details[b];
                const missing = env.unavailable.find((u) => u.backend === b);
                return (
                  <tr key={b} data-testid="environment-row" data-backend={b}>
                    <td>{b}</td>
                    <td className={missing ? "muted" : "ok"}>{missing ? `no: ${missing.reason}` : "yes"}</td>
                    <td className="wrap" data-testid={b === "wasm" ? "wasm-plan" : undefined}>{b === "wasm" && plan ? `${wasmPool(plan.binary, plan.threads)} (${plan.note}); page ${env.isolated ? "cross-origin isolated" : "not cross-origin isolated"}; ${env.cores} logical cores` : b === "cpu" ? "plain JavaScript (the reference)" : runsOn(d)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : <p className="muted">Looking at this browser…</p>}
        {env ? (
          <div className="toolbar">
            <label>
              WASM threads for the measurement and the checks below
              <select aria-label="WASM threads" value={wasmThreads ?? ""} disabled={probe.state.running || checking}
                onChange={(e) => setWasmThreads(e.target.value === "" ? undefined : Number(e.target.value))}>
                <option value="">TF.js&apos;s default</option>
                {Array.from({ length: Math.min(MAX_WASM_THREADS, env.cores) }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
              </select>
            </label>
          </div>
        ) : null}
      </section>

      <section className="panel" aria-label="Speed">
        <h2>Speed: what <em>auto</em> picks</h2>
        <p className="muted">
          <em>auto</em> times real REINFORCE steps of the model you are about to tune ({TAB_SHAPE.batchSize} scenes × {TAB_SHAPE.samples} samples, as the Runs page
          starts them) on each backend, in its own Worker, WASM first; a backend that takes more than 5× as long as the fastest so far (at least 8 s) is given up on. The result is kept in this
          browser per model shape, so runs do not pay the probe again.
        </p>
        <div className="toolbar">
          <label>
            Model
            <select value={task} onChange={(e) => setTask(e.target.value as TaskId)} disabled={probe.state.running} aria-label="Probe task">
              {TASK_IDS.map((t) => <option key={t} value={t}>{t} (shipped MLE)</option>)}
            </select>
          </label>
          <button type="button" className="button" onClick={measure} disabled={probe.state.running}>Measure speed</button>
        </div>
        <ProbeFigures state={probe.state} />
        {probe.state.error ? <p className="fail" role="alert">{probe.state.error}</p> : null}
      </section>

      <section className="panel" aria-label="Numbers">
        <h2>Numbers: the same on every backend</h2>
        <p className="muted">
          Each op the models are built from (forward and gradient), then each task from its shipped MLE weights and the same sampled outputs (MLE loss,
          REINFORCE loss, log p, entropy, gradient norms), computed here and on the plain-JavaScript cpu backend and compared in float32: ops within 1e-4
          relative plus 1e-5 of the output&apos;s scale, whole models within 5e-4 plus 5e-5.
        </p>
        <div className="toolbar">
          {BACKEND_NAMES.map((b) => (
            <button key={b} type="button" className="button" disabled={checking || (b !== "cpu" && !env?.candidates.includes(b))} onClick={() => void check(b, withTasks ? TASK_IDS : [], wasmThreads)}>
              Check {b}
            </button>
          ))}
          <button type="button" className="button" disabled={checking || !env} onClick={() => void checkAll()}>Check all</button>
          <label><input type="checkbox" checked={withTasks} onChange={(e) => setWithTasks(e.target.checked)} disabled={checking} /> whole models too</label>
        </div>
        {BACKEND_NAMES.map((b) => (runs[b] ? <ConformanceTable key={b} backend={b} run={runs[b]!} /> : null))}
      </section>
    </>
  );
}
