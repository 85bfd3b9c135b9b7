"use client";

import { useState } from "react";
import { TASK_IDS, type TaskId } from "@/lib/rewards";
import { PreviewPanel } from "./preview-panel";
import { SavePanel } from "./save-panel";
import { SpecJson } from "./spec-json";
import { SpecSettings } from "./spec-settings";
import { TermCatalogue } from "./term-catalogue";
import { TermRow } from "./term-row";
import { fetchVersion, useSavedSpecs } from "./use-saved-specs";
import { useRewardDraft } from "./use-reward-draft";
import { VersionsPanel } from "./versions-panel";

const isTask = (t: unknown): t is TaskId => TASK_IDS.includes(t as TaskId);

/**
 * The reward composer (/rewards): pick a task, start from its default spec or a saved version,
 * add and weight terms from the catalogue, see the schema's errors inline and the JSON beside
 * the form, save versions and diff them, and preview at once which samples the reward prefers.
 */
export function RewardComposer() {
  const draft = useRewardDraft("captioning");
  const { state, dispatch, errors, valid, lastValid } = draft;
  const [fallbackTask, setFallbackTask] = useState<TaskId>("captioning");
  const task = isTask(state.spec.task) ? state.spec.task : fallbackTask;
  const saved = useSavedSpecs(task);
  const [selectedSpec, setSelectedSpec] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const perTerm = (state.spec.aggregate ?? "normalize_then_sum") === "normalize_then_sum";
  const used = new Set(state.spec.terms.map((t) => t.term));
  const source = state.source.kind === "default" ? `the default ${state.source.task} spec` : `“${state.source.name}” version ${state.source.version}`;

  async function load(versionId: string) {
    try {
      const v = await fetchVersion(versionId);
      dispatch({ type: "load", spec: v.body, source: { kind: "version", id: v.id, name: v.name, version: v.version } });
      setLoadError(null);
    } catch (err) {
      setLoadError(`cannot load that version: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  return (
    <div className="composer" data-testid="reward-composer">
      <div className="toolbar">
        <label>task{" "}
          <select aria-label="Task" value={task} onChange={(e) => { setFallbackTask(e.target.value as TaskId); dispatch({ type: "reset", task: e.target.value as TaskId }); }}>
            {TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
        <span className="muted" data-testid="draft-source">started from {source}</span>
        <button type="button" className="button small" onClick={() => dispatch({ type: "reset", task })}>Start from the default spec</button>
        {loadError ? <span className="fail">{loadError}</span> : null}
      </div>
      <div className="composer-grid">
        <TermCatalogue task={task} used={used} onAdd={(term, params) => dispatch({ type: "add-term", term, ...(params ? { params } : {}) })} />
        <div>
          <section className="panel" aria-labelledby="terms-title">
            <h2 id="terms-title">Terms of this spec</h2>
            {errors.get("terms") ? <p className="field-error" role="alert" data-field="terms">{errors.get("terms")}</p> : null}
            <ul className="spec-terms" data-testid="spec-terms">
              {state.spec.terms.map((t, i) => <TermRow key={`${i}-${t.name ?? t.term}`} term={t} index={i} perTermNormalize={perTerm} errors={errors} dispatch={dispatch} />)}
            </ul>
          </section>
          <SpecSettings spec={state.spec} errors={errors} dispatch={dispatch} />
        </div>
        <div>
          <SpecJson json={state.json} jsonError={state.jsonError} errors={errors} dispatch={dispatch} />
          <SavePanel valid={valid} defaultName={state.source.kind === "version" ? state.source.name : `${task} reward`}
            onSave={saved.save} onSaved={(v) => {
              setSelectedSpec(v.specId);
              dispatch({ type: "saved", source: { kind: "version", id: v.id, name: v.name, version: v.version } });
            }} />
          <VersionsPanel specs={saved.specs} selected={selectedSpec} onSelect={setSelectedSpec} onLoad={(id) => void load(id)} error={saved.error} />
        </div>
      </div>
      <PreviewPanel key={task} task={task} spec={lastValid} editedAt={draft.editedAt} />
    </div>
  );
}
