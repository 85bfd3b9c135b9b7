"use client";

import type { RunDetail } from "@/lib/runs/contract";
import { presenceLabel, type Presence } from "@/lib/runs/presence";
import type { TrainerState } from "./use-tab-trainer";
import styles from "./runs.module.css";

type Series = ReadonlyMap<string, { step: number; value: number | null }[]>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor(s.length / 2)] as number) : null;
};
const duration = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 3_600_000).toFixed(1)} h`);

/** Steps done, throughput and time left, from the logged step times (median of the last 10: the first compiles kernels). */
export function progressOf(run: RunDetail, series: Series) {
  const stepsSeen = (series.get("composite") ?? []).map((p) => p.step);
  const done = Math.max(run.stepsDone, stepsSeen.length ? Math.max(...stepsSeen) + 1 : 0);
  const ms = median((series.get("step_ms") ?? []).slice(-10).flatMap((p) => (p.value === null ? [] : [p.value])));
  const sps = (series.get("samples_per_sec") ?? []).at(-1)?.value ?? null;
  const left = Math.max(0, run.totalSteps - done);
  return { done, total: run.totalSteps, msPerStep: ms, samplesPerSec: sps, etaMs: ms === null ? null : left * ms };
}

export interface RunHeaderProps {
  run: RunDetail;
  presence: Presence;
  trainer: TrainerState;
  series: Series;
  canTrain: boolean;
  onTrain: () => void;
  onPause: () => void;
  onStop: () => void;
  /** auto's measurement running, or an error choosing the backend. */
  note: string | null;
}

/** Status and where the trainer is, backend and why, progress, samples/s and ETA, and the controls. */
export function RunHeader(p: RunHeaderProps) {
  const { run, trainer } = p;
  const prog = progressOf(run, p.series);
  const lastCk = run.checkpoints.at(-1)?.step ?? null;
  const here = p.presence.kind === "this-tab";
  const backend = trainer.choice?.backend ?? run.backend;
  const reason = run.backendReason;
  const ended = trainer.ended;
  return (
    <section className="panel" aria-label="Status">
      <div className={styles.statusLine}>
        <strong data-testid="run-presence" data-kind={p.presence.kind}>{presenceLabel(p.presence, lastCk)}</strong>
        {here ? <span className="muted" data-testid="trainer-phase" data-phase={trainer.phase}>{trainer.phase === "preparing" || trainer.phase === "ending" ? trainer.what : trainer.phase}</span> : null}
        <span data-testid="run-backend" data-backend={backend ?? ""}>
          backend: <strong>{backend ?? "—"}</strong>
          {reason ? <span className="muted"> ({reason})</span> : null}
        </span>
        <span data-testid="run-progress" data-done={prog.done} data-total={prog.total}>step {prog.done} / {prog.total}</span>
        <span>{prog.samplesPerSec === null ? "— samples/s" : `${prog.samplesPerSec.toFixed(1)} samples/s`}</span>
        <span>{prog.msPerStep === null ? "" : `${Math.round(prog.msPerStep)} ms a step`}</span>
        {here || p.presence.kind === "other-tab" || p.presence.kind === "other-browser" ? <span>ETA {prog.etaMs === null ? "—" : duration(prog.etaMs)}</span> : null}
      </div>
      <div className={styles.progress} role="progressbar" aria-valuemin={0} aria-valuemax={prog.total} aria-valuenow={prog.done} aria-label="Steps done">
        <div style={{ width: `${prog.total ? (100 * prog.done) / prog.total : 0}%` }} />
      </div>
      <div className="toolbar">
        {p.canTrain ? (
          <button type="button" className="button" onClick={p.onTrain}>{run.status === "queued" ? "Start" : "Resume"}</button>
        ) : null}
        {here ? (
          <>
            <button type="button" className="button" onClick={p.onPause} disabled={trainer.phase !== "training"}>Pause</button>
            <button type="button" className="button" onClick={p.onStop} disabled={trainer.phase !== "training"}>Stop</button>
          </>
        ) : null}
        {p.note ? <span className="muted" role="status">{p.note}</span> : null}
        {trainer.outbox && (trainer.outbox.pending > 0 || trainer.outbox.lastError) ? (
          <span className={trainer.outbox.lastError ? "fail" : "muted"} data-testid="outbox-state">
            {trainer.outbox.pending} point{trainer.outbox.pending === 1 ? "" : "s"} waiting to be sent{trainer.outbox.lastError ? ` (server away: ${trainer.outbox.lastError}; retrying)` : ""}
          </span>
        ) : null}
        {trainer.checkpoints.at(-1) ? (
          <span className={trainer.checkpoints.at(-1)!.error ? "fail" : "muted"} data-testid="last-checkpoint">
            checkpoint at step {trainer.checkpoints.at(-1)!.step}: {trainer.checkpoints.at(-1)!.error ?? "uploaded"}
          </span>
        ) : null}
      </div>
      {ended?.message || run.error ? <p className="fail" role="alert" data-testid="run-error">{ended?.message ?? run.error}</p> : null}
      <dl className="facts">
        <dt>task</dt><dd>{run.task}</dd>
        <dt>reward spec</dt><dd>{run.rewardSpec ? `${run.rewardSpec.name} v${run.rewardSpec.version}` : "—"}</dd>
        <dt>base</dt><dd className="mono">{run.baseUri ?? run.baseCheckpointId ?? "—"}</dd>
        <dt>started by</dt><dd>{run.owner.name} ({run.source})</dd>
        <dt>checkpoints</dt><dd>{run.checkpoints.length ? run.checkpoints.map((c) => `step ${c.step ?? "?"}`).join(", ") : "none yet"}</dd>
      </dl>
    </section>
  );
}
