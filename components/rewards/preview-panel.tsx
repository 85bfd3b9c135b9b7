"use client";

import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { sceneAt } from "@/lib/data";
import { rankStored, scorableByDefault, termsForTask, type RewardSpec, type TaskId } from "@/lib/rewards";
import { shippedUri } from "@/lib/training/checkpoint-uris";
import { PreviewResults } from "./preview-results";
import { SpreadChart } from "./spread-chart";
import { usePreview } from "./use-preview";
import { usePreviewCheckpoints } from "./use-preview-checkpoints";

interface Settings { checkpoint: string; samples: number; scenes: number; first: number }

const median = (v: readonly number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;

/**
 * The live preview, before any training: N samples per validation scene from a checkpoint (in a
 * Worker), every catalogue term scored once per sample, then ranked by the draft spec on this
 * thread, again on every edit without resampling (a term with new params is scored from the
 * stored outputs). Shows how long each re-rank took, from the edit to the committed view.
 * Mount one per task (`key={task}`).
 */
export function PreviewPanel({ task, spec, editedAt }: { task: TaskId; spec: RewardSpec; editedAt: React.RefObject<number> }) {
  const options = usePreviewCheckpoints(task);
  const [settings, setSettings] = useState<Settings>({ checkpoint: shippedUri(task, "mle"), samples: 4, scenes: 4, first: 0 });
  const { state, run, score } = usePreview();
  const checkpoint = options.some((o) => o.uri === settings.checkpoint) ? settings.checkpoint : shippedUri(task, "mle");
  const specRef = useRef(spec);
  useLayoutEffect(() => { specRef.current = spec; });

  const start = (s: Settings) => {
    const terms = [...termsForTask(task).filter(scorableByDefault).map((term) => ({ term })), ...specRef.current.terms.map((t) => ({ term: t.term, ...(t.params ? { params: t.params } : {}) }))];
    run({ task, checkpoint: s.checkpoint, reference: shippedUri(task, "mle"), samples: s.samples, scenes: s.scenes, first: s.first }, terms);
  };
  // Mounted per task (keyed by it): sample the task's shipped MLE model at once.
  useEffect(() => {
    start(settings);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per mount
  }, []);

  const batch = state.batch?.task === task ? state.batch : null;
  const scenes = useMemo(() => batch?.sceneIndexes.map((i) => sceneAt("val", i, { size: batch.imageSize })) ?? [], [batch]);
  const groups = useMemo(() => batch?.rows.map((r) => String(r.scene)) ?? [], [batch]);
  const kl = useMemo(() => batch?.rows.map((r) => r.kl) ?? [], [batch]);
  const ranking = useMemo(() => (batch && spec.task === task ? rankStored(spec, state.raw, groups, kl) : null), [batch, spec, task, state.raw, groups, kl]);

  // Terms with params not scored yet: scored by the Worker from the stored outputs.
  const missing = ranking && "missing" in ranking ? ranking.missing : null;
  useEffect(() => {
    if (!missing) return;
    const ask = missing.filter((m) => !state.pending.includes(m.key) && !(m.key in state.failed));
    if (ask.length) score(ask);
  }, [missing, state.pending, state.failed, score]);

  // Time from the edit to the re-ranked view committed to the DOM (written without a re-render).
  const timing = useRef<HTMLSpanElement>(null);
  const times = useRef<number[]>([]);
  const measuredSpec = useRef<RewardSpec | null>(null);
  useLayoutEffect(() => {
    if (!ranking || !timing.current) return;
    const edited = measuredSpec.current !== null && measuredSpec.current !== spec && editedAt.current > 0;
    measuredSpec.current = spec;
    // A term that needs scoring first is timed by the Worker's "rescoring" figure instead.
    if (!edited || "missing" in ranking) return;
    const ms = performance.now() - editedAt.current;
    times.current = [...times.current.slice(-19), ms];
    timing.current.textContent = `re-ranked in ${ms.toFixed(1)} ms (median ${median(times.current).toFixed(1)} ms over the last ${times.current.length} edits)`;
    timing.current.dataset.ms = String(ms);
  }, [ranking, spec, editedAt]);

  const set = (patch: Partial<Settings>) => setSettings((s) => ({ ...s, ...patch }));
  const busy = state.status === "running";
  const failedKeys = missing?.filter((m) => m.key in state.failed) ?? [];
  return (
    <section className="panel preview" aria-labelledby="preview-title" data-testid="preview" data-status={state.status}>
      <h2 id="preview-title">Preview: which samples does this reward prefer?</h2>
      <div className="term-controls">
        <label>checkpoint{" "}
          <select aria-label="Preview checkpoint" value={checkpoint} onChange={(e) => set({ checkpoint: e.target.value })}>
            {options.map((o) => <option key={o.uri} value={o.uri}>{o.label}</option>)}
          </select>
        </label>
        <label>samples per image <input type="number" className="narrow" min={2} max={16} value={settings.samples} onChange={(e) => set({ samples: Math.min(16, Math.max(2, Math.round(Number(e.target.value) || 2))) })} /></label>
        <label>images <input type="number" className="narrow" min={1} max={16} value={settings.scenes} onChange={(e) => set({ scenes: Math.min(16, Math.max(1, Math.round(Number(e.target.value) || 1))) })} /></label>
        <label>from val # <input type="number" className="narrow" min={0} max={10000} value={settings.first} onChange={(e) => set({ first: Math.min(10000, Math.max(0, Math.round(Number(e.target.value) || 0))) })} /></label>
        <button type="button" className="button" onClick={() => start({ ...settings, checkpoint })} disabled={busy}>{busy ? "Sampling…" : "Sample again"}</button>
      </div>
      <p className="muted small" data-testid="preview-status">
        {busy ? (state.progress ? `${state.progress.phase}${state.progress.phase === "sampling" ? ` image ${state.progress.done} of ${state.progress.of}` : "…"}` : "starting…") : null}
        {batch ? `${batch.rows.length} samples (${batch.samples} per image, temperature ${batch.temperature}) from ${batch.checkpoint} on ${batch.backend}: loaded in ${(batch.ms.load / 1000).toFixed(1)} s, sampled in ${(batch.ms.sample / 1000).toFixed(1)} s, every ${task} term scored in ${batch.ms.score.toFixed(0)} ms. KL is to the shipped MLE model.` : null}
        {state.pending.length ? ` Scoring ${state.pending.length} new term${state.pending.length === 1 ? "" : "s"} from the stored samples…` : null}
        {state.lastScoreMs !== null && !state.pending.length ? ` Last rescoring: ${state.lastScoreMs.toFixed(0)} ms, no resampling.` : null}
      </p>
      <p className="small" data-testid="rerank-time"><span ref={timing}>Change a weight to re-rank; the time it takes shows here.</span></p>
      {state.error ? <p className="fail" role="alert">{state.error}</p> : null}
      {failedKeys.map((m) => <p key={m.key} className="fail">{m.term} cannot be scored here: {state.failed[m.key]}</p>)}
      {batch && ranking && !("missing" in ranking) ? (
        <>
          <SpreadChart shares={ranking.shares} />
          <PreviewResults task={task} batch={batch} scenes={scenes} ranking={ranking} />
        </>
      ) : null}
    </section>
  );
}
