"use client";

import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { SavedSpecPicker } from "./saved-spec-picker";
import type { Selection } from "./use-selection";
import { BACKENDS, type Backend } from "./use-selection";

export interface CompareFormProps {
  selection: Selection;
  specError: string | null;
  busy: boolean;
  onTask: (task: TaskId) => void;
  onSet: (patch: Partial<Pick<Selection, "aId" | "bId" | "start" | "count" | "backend" | "specText">>) => void;
  onCompare: () => void;
  onStop: () => void;
}

/** Picks the task, checkpoints A and B, the test scenes, the backend and the reward spec. */
export function CompareForm({ selection: s, specError, busy, onTask, onSet, onCompare, onStop }: CompareFormProps) {
  const options = s.checkpoints.map((c) => <option key={c.id} value={c.id}>{c.name}{c.step !== null ? ` (step ${c.step})` : ""}</option>);
  const ready = s.aId && s.bId && s.aId !== s.bId && !specError;
  return (
    <section className="panel compare-form" aria-label="What to compare">
      <div className="toolbar">
        <label>Task
          <select aria-label="Task" value={s.task} onChange={(e) => onTask(e.target.value as TaskId)} disabled={busy}>
            {TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <label>A (baseline)
          <select aria-label="Checkpoint A" value={s.aId} onChange={(e) => onSet({ aId: e.target.value })} disabled={busy}>{options}</select>
        </label>
        <label>B (candidate)
          <select aria-label="Checkpoint B" value={s.bId} onChange={(e) => onSet({ bId: e.target.value })} disabled={busy}>{options}</select>
        </label>
        <label>First test scene
          <input type="number" min={0} value={s.start} onChange={(e) => onSet({ start: Number(e.target.value) })} disabled={busy} style={{ width: "6em" }} aria-label="First test scene" />
        </label>
        <label>Scenes
          <input type="number" min={1} max={200} value={s.count} onChange={(e) => onSet({ count: Number(e.target.value) })} disabled={busy} style={{ width: "5em" }} aria-label="Scenes" />
        </label>
        <label>Backend
          <select aria-label="Backend" value={s.backend} onChange={(e) => onSet({ backend: e.target.value as Backend })} disabled={busy}>
            {BACKENDS.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </label>
        {busy ? <button type="button" className="button" onClick={onStop}>Stop</button>
          : <button type="button" className="button" onClick={onCompare} disabled={!ready}>Compare</button>}
      </div>
      {s.listError ? <p className="fail" role="alert">Cannot list the checkpoints: {s.listError}</p> : null}
      {s.aId && s.aId === s.bId ? <p className="fail">Pick two different checkpoints.</p> : null}
      <details className="compare-spec">
        <summary>Reward spec: {s.specText.trim() ? "pasted" : `the ${s.task} default`}</summary>
        <p className="muted">Every term of this spec is scored on each scene for A and B. Leave empty for the task&apos;s default reward; load a saved version or paste a RewardSpec JSON to score with another. A spec&apos;s KL (<code>kl.beta</code>) prices how far the sampling policy moved from the MLE model during training; outputs are scored without it.</p>
        <SavedSpecPicker task={s.task} disabled={busy} onLoad={(specText) => onSet({ specText })} />
        <textarea aria-label="Reward spec JSON" rows={6} value={s.specText} onChange={(e) => onSet({ specText: e.target.value })} disabled={busy} placeholder='{"task": "captioning", "terms": [{"term": "cider_d", "weight": 1}]}' />
        {specError ? <p className="fail" role="alert" data-testid="spec-error">{specError}</p> : null}
      </details>
    </section>
  );
}
