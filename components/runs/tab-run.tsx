"use client";

import { useEffect, useRef, useState } from "react";
import { TASK_IDS } from "@/lib/rewards/task-types";
import type { BackendChoice } from "@/lib/training/backend";
import type { EvalLog } from "@/lib/training/mle";
import type { ReinforceStepLog } from "@/lib/training/reinforce";
import type { FromWorker, ToWorker } from "@/lib/training/worker-protocol";

type Status = "idle" | "starting" | "pretraining" | "tuning" | "done" | "stopped" | "error";

const fmt = (v: number | undefined, digits = 3) => (v === undefined || !Number.isFinite(v) ? "—" : Number(v.toPrecision(digits)).toString());

/**
 * Runs a small REINFORCE tuning job in a Web Worker in this tab and shows every logged term as
 * it arrives. The worker runs lib/training unchanged (the CLI's trainers).
 */
export function TabRun() {
  const [task, setTask] = useState<string>("captioning");
  const [backend, setBackend] = useState("auto");
  const [steps, setSteps] = useState(3);
  const [status, setStatus] = useState<Status>("idle");
  const [choice, setChoice] = useState<BackendChoice | null>(null);
  const [rows, setRows] = useState<ReinforceStepLog[]>([]);
  const [evalLog, setEvalLog] = useState<EvalLog | null>(null);
  const [message, setMessage] = useState("");
  const worker = useRef<Worker | null>(null);

  useEffect(() => () => worker.current?.terminate(), []);

  function start() {
    worker.current?.terminate();
    const w = new Worker(new URL("../../lib/training/worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    setStatus("starting");
    setChoice(null);
    setRows([]);
    setEvalLog(null);
    setMessage("");
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === "backend") setChoice(m.choice);
      if (m.type === "mle-step") setStatus("pretraining");
      if (m.type === "step") {
        setStatus("tuning");
        setRows((r) => [...r, m.log]);
      }
      if (m.type === "eval") setEvalLog(m.log);
      if (m.type === "done") {
        setStatus("done");
        setMessage(`${m.steps} steps on ${m.backend} in ${m.seconds.toFixed(1)} s`);
        w.terminate();
      }
      if (m.type === "error") {
        setStatus("error");
        setMessage(m.message);
        w.terminate();
      }
    };
    w.onerror = (e) => {
      setStatus("error");
      setMessage(e.message || "the training worker failed to start");
    };
    const msg: ToWorker = { type: "start", job: { task, backend, steps, size: "smoke" }, wasmPaths: "/tfjs/" };
    w.postMessage(msg);
  }

  function stop() {
    worker.current?.postMessage({ type: "stop" } satisfies ToWorker);
    setStatus("stopped");
  }

  const running = status === "starting" || status === "pretraining" || status === "tuning";
  const keys = rows[0] ? Object.keys(rows[0].terms) : [];
  return (
    <section className="panel" aria-label="Tune in this tab">
      <h2>Tune in this tab</h2>
      <p className="muted">
        A small (smoke-size) model: a few MLE steps, then REINFORCE against the task&apos;s default reward, trained by a Web
        Worker in this tab. Every step logs each reward term, the composite, KL to the MLE model and entropy.
      </p>
      <div className="toolbar">
        <label>
          Task
          <select value={task} onChange={(e) => setTask(e.target.value)} disabled={running}>
            {TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>
          Backend
          <select value={backend} onChange={(e) => setBackend(e.target.value)} disabled={running} aria-label="Backend">
            {["auto", "webgpu", "webgl", "wasm", "cpu"].map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        <label>
          Steps
          <input type="number" min={1} max={200} value={steps} onChange={(e) => setSteps(Number(e.target.value))} disabled={running} style={{ width: "5em" }} aria-label="Steps" />
        </label>
        <button type="button" className="button" onClick={start} disabled={running}>Start</button>
        <button type="button" className="button" onClick={stop} disabled={!running}>Stop</button>
        <span data-testid="run-status" data-status={status}>{status}</span>
      </div>
      {choice ? (
        <p data-testid="run-backend" data-backend={choice.backend}>
          Backend: <strong>{choice.backend}</strong>
          {choice.skipped.length ? <span className="muted"> (skipped: {choice.skipped.map((s) => `${s.backend} — ${s.reason}`).join("; ")})</span> : null}
        </p>
      ) : null}
      {message ? <p className={status === "error" ? "fail" : "muted"} role={status === "error" ? "alert" : undefined} data-testid="run-message">{message}</p> : null}
      {rows.length ? (
        <div style={{ overflowX: "auto" }}>
          <table className="table" data-testid="run-steps">
            <thead>
              <tr>
                <th>step</th><th>reward</th>{keys.map((k) => <th key={k}>{k}</th>)}
                <th>KL</th><th>entropy</th><th>zero spread</th><th>size</th><th>grad norm</th><th>samples/s</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.step} data-testid="run-step-row" data-reward={r.composite.mean}>
                  <td>{r.step + 1}</td>
                  <td>{fmt(r.composite.mean)} ± {fmt(r.composite.std, 2)}</td>
                  {keys.map((k) => <td key={k}>{fmt(r.terms[k]?.mean)}</td>)}
                  <td>{fmt(r.kl)}</td><td>{fmt(r.entropy)}</td><td>{fmt(r.zeroSpreadFraction, 2)}</td>
                  <td>{fmt(r.outputSize)}</td><td>{fmt(r.gradNorm)}</td><td>{fmt(r.samplesPerSec)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {evalLog ? (
        <p data-testid="run-eval">
          Held-out ({evalLog.count} val scenes, greedy): {Object.entries(evalLog.metrics).map(([k, v]) => `${k} ${fmt(v)}`).join(" · ")}
        </p>
      ) : null}
    </section>
  );
}
