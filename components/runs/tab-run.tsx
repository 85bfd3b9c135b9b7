"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { refreshSession, useSession } from "@/components/auth/session-store";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import type { BackendChoice } from "@/lib/training/backend";
import type { ServerCheckpoint, StoredCheckpoint } from "@/lib/training/browser-checkpoints";
import { checkpointLabel, shippedUri } from "@/lib/training/checkpoint-uris";
import type { EvalLog } from "@/lib/training/mle";
import type { ReinforceStepLog } from "@/lib/training/reinforce";
import { TAB_STEP_SHAPE, type FromWorker, type ToWorker } from "@/lib/training/browser/tab-protocol";
import { ProbeFigures } from "@/components/backends/probe-figures";
import { useBackendProbe } from "@/components/backends/use-backend-probe";
import { BackendLine } from "./backend-line";
import { SavedCheckpoints } from "./saved-checkpoints";
import { SkippedSteps } from "./skipped-steps";

/** IndexedDB access lives in a module that pulls in TF.js: loaded only when needed. */
const checkpoints = () => import("@/lib/training/browser-checkpoints");

/** Where a run starts: a fresh smoke model, the task's shipped MLE model, or a saved or uploaded checkpoint. */
const FRESH = "fresh";
const SHIPPED = "shipped";

type Status = "idle" | "measuring" | "starting" | "pretraining" | "tuning" | "stopping" | "done" | "stopped" | "halted" | "error";

/** The checkpoint address a "Start from" choice names (undefined: a fresh model). */
const startUri = (task: TaskId, from: string) => (from === SHIPPED ? shippedUri(task, "mle") : from === FRESH ? undefined : from);

/** What auto's probe times for a run of this task from `uri`: the tab's model size and step shape. */
const probeJob = (task: TaskId, uri: string | undefined) => ({ task, from: uri, size: "smoke" as const, ...TAB_STEP_SHAPE });

const fmt = (v: number | undefined, digits = 3) => (v === undefined || !Number.isFinite(v) ? "—" : Number(v.toPrecision(digits)).toString());

/**
 * Runs a REINFORCE tuning job in a Web Worker in this tab and shows every logged term as it
 * arrives. The worker runs lib/training unchanged (the CLI's trainers) and saves the tuned
 * model to IndexedDB at the end or where it was stopped; saved runs can be resumed, and a
 * signed-in engineer can upload them to the server and start new runs from them there.
 */
export function TabRun() {
  const [task, setTask] = useState<TaskId>("captioning");
  const [from, setFrom] = useState(FRESH);
  const [saved, setSaved] = useState<StoredCheckpoint[]>([]);
  const [savedNote, setSavedNote] = useState("");
  const [server, setServer] = useState<ServerCheckpoint[]>([]);
  const [uploading, setUploading] = useState<string | null>(null);
  const [uploadNote, setUploadNote] = useState<{ text: string; error: boolean } | null>(null);
  const session = useSession();
  const [backend, setBackend] = useState("auto");
  const [steps, setSteps] = useState(3);
  const [status, setStatus] = useState<Status>("idle");
  const [choice, setChoice] = useState<BackendChoice | null>(null);
  const [rows, setRows] = useState<ReinforceStepLog[]>([]);
  const [evalLog, setEvalLog] = useState<EvalLog | null>(null);
  const [message, setMessage] = useState("");
  const worker = useRef<Worker | null>(null);
  const probe = useBackendProbe();

  const refresh = useCallback(() => {
    checkpoints()
      .then((m) => m.listBrowserCheckpoints())
      .then(setSaved)
      .catch((err: unknown) => setSavedNote(`cannot read the checkpoints saved in this browser: ${err instanceof Error ? err.message : String(err)}`));
  }, []);

  const refreshServer = useCallback(() => {
    checkpoints()
      .then((m) => m.listServerCheckpoints())
      .then(setServer)
      .catch((err: unknown) => setUploadNote({ text: `cannot list the checkpoints on the server: ${err instanceof Error ? err.message : String(err)}`, error: true }));
  }, []);

  useEffect(() => {
    refresh();
    return () => worker.current?.terminate();
  }, [refresh]);

  // The server's checkpoints are listed to signed-in users only.
  const signedInAs = session.status === "ready" ? (session.user?.email ?? null) : undefined;
  useEffect(() => {
    if (signedInAs) refreshServer();
  }, [signedInAs, refreshServer]);

  async function startJob(job: { task: TaskId; from?: string; resume?: boolean; backend?: string }) {
    const uri = job.from === undefined ? undefined : startUri(job.task, job.from);
    let chosen = job.backend ?? backend;
    if (chosen === "auto") {
      // auto = the fastest backend measured for this model and step shape (kept per browser).
      setStatus("measuring");
      setMessage("");
      try {
        chosen = (await probe.choose(probeJob(job.task, uri))).chosen;
      } catch (err) {
        setStatus("error");
        setMessage(`auto could not measure the backends: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
    } else probe.reset();
    start({ task: job.task, backend: chosen, steps, size: "smoke", ...(uri ? { from: uri } : {}), ...(job.resume ? { resume: true } : {}) });
  }

  async function remove(c: StoredCheckpoint) {
    await (await checkpoints()).removeBrowserCheckpoint(c.uri);
    if (from === c.uri) setFrom(FRESH);
    refresh();
  }

  async function upload(c: StoredCheckpoint) {
    setUploading(c.uri);
    setUploadNote(null);
    try {
      const stored = await (await checkpoints()).uploadCheckpoint(c.uri);
      setUploadNote({ text: `Uploaded ${checkpointLabel(c.uri)} to the server: ${stored.uri}`, error: false });
      refreshServer();
    } catch (err) {
      // A ServerRefusal carries the HTTP status; anything else failed before the server answered.
      const status = (err as { status?: number }).status;
      setUploadNote({ text: `Upload ${status ? "refused" : "failed"}: ${err instanceof Error ? err.message : String(err)}`, error: true });
      // Signed out elsewhere or the session expired: show the page as signed out.
      if (status === 401) void refreshSession();
    } finally {
      setUploading(null);
    }
  }

  /** The server's copy of a browser checkpoint: same task, saved at the same instant. */
  const serverUriOf = (c: StoredCheckpoint) => server.find((s) => s.task === c.manifest.task && s.savedAt === c.manifest.createdAt)?.uri;

  function start(job: Record<string, unknown>) {
    worker.current?.terminate();
    const w = new Worker(new URL("../../lib/training/browser/tab-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    setStatus("starting");
    setChoice(null);
    setRows([]);
    setEvalLog(null);
    setMessage("");
    setSavedNote("");
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === "backend") setChoice(m.choice);
      if (m.type === "mle-step") setStatus("pretraining");
      if (m.type === "step") {
        setStatus("tuning");
        setRows((r) => [...r, m.log]);
      }
      if (m.type === "eval") setEvalLog(m.log);
      if (m.type === "saved") {
        setSavedNote(`Saved ${m.kind === "mle" ? "the MLE warm-up" : "the tuned model"} in this browser: ${m.uri} (step ${m.step} of ${m.of})`);
        refresh();
      }
      if (m.type === "done") {
        setStatus(m.stopped ? "stopped" : "done");
        const skips = m.skippedSteps ? ` (${m.skippedSteps} update${m.skippedSteps === 1 ? "" : "s"} skipped)` : "";
        setMessage(`${m.stopped ? "stopped after" : ""} ${m.steps} steps on ${m.backend} in ${m.seconds.toFixed(1)} s${skips}`.trim());
        w.terminate();
      }
      if (m.type === "halted") {
        // Too many updates in a row were skipped: the run stopped itself (the weights were saved before the skips).
        setStatus("halted");
        setMessage(`Halted at step ${m.step + 1} of ${m.of} (${m.kind === "mle" ? "MLE warm-up" : "tuning"}, ${m.backend}, ${m.seconds.toFixed(1)} s): ${m.reason}`);
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
    const msg: ToWorker = { type: "start", job, wasmPaths: "/tfjs/" };
    w.postMessage(msg);
  }

  function stop() {
    // The worker finishes the step in flight, saves the checkpoint, then reports "stopped".
    worker.current?.postMessage({ type: "stop" } satisfies ToWorker);
    setStatus("stopping");
  }

  const running = status === "measuring" || status === "starting" || status === "pretraining" || status === "tuning" || status === "stopping";
  const savedOfTask = saved.filter((c) => c.manifest.task === task);
  const serverOfTask = signedInAs ? server.filter((c) => c.task === task) : [];
  const signedIn = session.status === "ready" && session.user !== null;
  const keys = rows[0] ? Object.keys(rows[0].terms) : [];
  return (
    <section className="panel" aria-label="Tune in this tab">
      <h2>Tune in this tab</h2>
      <p className="muted">
        REINFORCE against the task&apos;s default reward, trained by a Web Worker in this tab, starting from the shipped
        MLE model, a checkpoint saved in this browser or uploaded to the server, or a fresh small model given a few MLE
        steps first. Every step logs each reward term, the composite, KL to the MLE model and entropy; the tuned model is
        saved in this browser when the run ends or is stopped, and a signed-in engineer can upload it to the server.
      </p>
      <div className="toolbar">
        <label>
          Task
          <select value={task} onChange={(e) => { setTask(e.target.value as TaskId); setFrom(FRESH); }} disabled={running}>
            {TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>
          Start from
          <select value={from} onChange={(e) => setFrom(e.target.value)} disabled={running} aria-label="Start from">
            <option value={FRESH}>new small model (a few MLE steps)</option>
            <option value={SHIPPED}>shipped MLE model</option>
            {savedOfTask.map((c) => <option key={c.uri} value={c.uri}>saved: {checkpointLabel(c.uri)}</option>)}
            {serverOfTask.map((c) => <option key={c.uri} value={c.uri}>server: {c.name}{c.step !== null ? ` (step ${c.step})` : ""}</option>)}
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
        <button type="button" className="button" onClick={() => void startJob({ task, from })} disabled={running}>Start</button>
        <button type="button" className="button" onClick={stop} disabled={!running}>Stop</button>
        <span data-testid="run-status" data-status={status}>{status}</span>
      </div>
      <ProbeFigures state={probe.state} />
      {probe.state.result && !running ? (
        <p className="muted">
          <button type="button" className="button" onClick={() => void probe.choose(probeJob(task, startUri(task, from)), { force: true }).catch(() => undefined)}>
            Measure again
          </button>{" "}
          or pick a backend above to force it. <Link href="/backends">All backends, and a check of their numbers →</Link>
        </p>
      ) : null}
      {choice ? <BackendLine choice={choice} rows={rows} /> : null}
      {savedNote ? <p className="muted" data-testid="run-saved">{savedNote}</p> : null}
      {message ? <p className={status === "error" || status === "halted" ? "fail" : "muted"} role={status === "error" || status === "halted" ? "alert" : undefined} data-testid="run-message">{message}</p> : null}
      <SkippedSteps rows={rows} />
      {rows.length ? (
        <div style={{ overflowX: "auto" }}>
          <table className="table" data-testid="run-steps">
            <thead>
              <tr>
                <th>step</th><th>reward</th>{keys.map((k) => <th key={k}>{k}</th>)}
                <th>KL</th><th>entropy</th><th>zero spread</th><th>size</th><th>grad norm</th><th>update</th><th>ms</th><th>samples/s</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.step} data-testid="run-step-row" data-reward={r.composite.mean}>
                  <td>{r.step + 1}</td>
                  <td>{fmt(r.composite.mean)} ± {fmt(r.composite.std, 2)}</td>
                  {keys.map((k) => <td key={k}>{fmt(r.terms[k]?.mean)}</td>)}
                  <td>{fmt(r.kl)}</td><td>{fmt(r.entropy)}</td><td>{fmt(r.zeroSpreadFraction, 2)}</td>
                  <td>{fmt(r.outputSize)}</td><td>{fmt(r.gradNorm)}</td>
                  <td className={r.skipped ? "fail" : ""} title={r.skipped} data-testid={r.skipped ? "run-step-skipped" : undefined}>{r.skipped ? "skipped" : "applied"}</td>
                  <td>{Math.round(r.ms)}</td><td>{fmt(r.samplesPerSec)}</td>
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
      <h3>Checkpoints in this browser</h3>
      {session.status === "ready" && !signedIn ? (
        <p className="muted" data-testid="upload-hint">
          <Link href="/sign-in?next=/runs/new">Sign in</Link> as an engineer or admin to upload checkpoints to the server.
        </p>
      ) : null}
      <SavedCheckpoints
        items={saved}
        busy={running}
        onResume={(c) => {
          // A resumed run continues on the backend it ran on (runs are deterministic per backend).
          setTask(c.manifest.task);
          void startJob({ task: c.manifest.task, from: c.uri, resume: true, backend: c.manifest.run?.backend });
        }}
        onDelete={(c) => void remove(c)}
        canUpload={signedIn}
        uploading={uploading}
        serverUriOf={serverUriOf}
        onUpload={(c) => void upload(c)}
      />
      {uploadNote ? (
        <p className={uploadNote.error ? "fail" : "muted"} role={uploadNote.error ? "alert" : undefined} data-testid="upload-message">{uploadNote.text}</p>
      ) : null}
    </section>
  );
}
