"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { TASK_IDS, type TaskId } from "@/lib/rewards/task-types";
import { BASELINES } from "@/lib/training/baseline";
import { checkpointLabel, shippedUri } from "@/lib/training/checkpoint-uris";
import { checkSettings, DEFAULT_SPEC, launchRun, type LaunchInput, type RunFields } from "./launch-run";
import { SHIPPED, useNewRunForm, type FormState } from "./use-new-run-form";
import styles from "./runs.module.css";

const BACKENDS = ["auto", "webgpu", "webgl", "wasm", "cpu"] as const;

/** Where the run starts, as the API names it; the shipped model by its server id when it is registered there. */
function baseOf(s: FormState): LaunchInput["base"] {
  if (s.base.startsWith("server:")) return { checkpointId: s.base.slice("server:".length) };
  if (s.base.startsWith("browser:")) return { uri: s.base.slice("browser:".length) };
  const shipped = s.server.find((c) => c.uri === shippedUri(s.task, "mle"));
  return shipped ? { checkpointId: shipped.id } : { uri: shippedUri(s.task, "mle") };
}

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <label className={styles.field}>
      {label}
      {children}
      {error ? <span className={styles.fieldError} role="alert" data-testid="field-error">{error}</span> : hint ? <span className={styles.hint}>{hint}</span> : null}
    </label>
  );
}

/**
 * /runs/new: what to tune (task, base checkpoint, reward spec version) and how (the task's
 * recipe prefilled, or the smoke preset), checked by the trainer's schema before anything is
 * sent; Launch creates the run and opens its page, where the trainer starts in this tab.
 */
export function NewRunForm() {
  const router = useRouter();
  const { state: s, dispatch } = useNewRunForm();
  const [session] = useState(() => crypto.randomUUID());
  const f = s.fields;
  const num = (key: keyof RunFields, label: string, hint?: string, step = "any") => (
    <Field label={label} error={s.errors[key]} hint={hint}>
      <input type="number" step={step} value={Number.isNaN(f[key] as number) ? "" : (f[key] as number)} aria-label={label}
        onChange={(e) => dispatch({ type: "field", key, value: e.target.value === "" ? NaN : Number(e.target.value) })} />
    </Field>
  );
  const shippedOnServer = s.server.some((c) => c.uri === shippedUri(s.task, "mle"));

  async function launch() {
    const checked = checkSettings(s.task, f);
    if ("errors" in checked) return dispatch({ type: "errors", errors: checked.errors });
    dispatch({ type: "launching", on: true });
    try {
      const id = await launchRun({ task: s.task, name: s.name, settings: checked.settings, base: baseOf(s), specChoice: s.specChoice, beta: f.beta }, session);
      router.push(`/runs/${id}?start=1`);
    } catch (err) {
      dispatch({ type: "errors", errors: { form: `launch failed: ${err instanceof Error ? err.message : String(err)}` } });
    }
  }

  return (
    <section className="panel" aria-label="New run">
      <h2>New tuning run</h2>
      <div className="toolbar">
        <span className="muted">Presets:</span>
        <button type="button" className="button" onClick={() => dispatch({ type: "preset", preset: "recipe" })}>Task recipe</button>
        <button type="button" className="button" onClick={() => dispatch({ type: "preset", preset: "smoke" })}>Smoke (6 quick steps)</button>
      </div>
      <div className={styles.form}>
        <Field label="Task">
          <select value={s.task} onChange={(e) => dispatch({ type: "task", task: e.target.value as TaskId })} aria-label="Task">
            {TASK_IDS.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </Field>
        <Field label="Base checkpoint" hint="the policy starts here and it stays the frozen KL reference">
          <select value={s.base} onChange={(e) => dispatch({ type: "set", patch: { base: e.target.value } })} aria-label="Base checkpoint">
            <option value={SHIPPED}>shipped MLE model</option>
            {s.server.filter((c) => !(shippedOnServer && c.uri === shippedUri(s.task, "mle"))).map((c) => (
              <option key={c.id} value={`server:${c.id}`}>server: {c.name}{c.step !== null ? ` (step ${c.step})` : ""}</option>
            ))}
            {s.browser.map((c) => <option key={c.uri} value={`browser:${c.uri}`}>this browser: {checkpointLabel(c.uri)}</option>)}
          </select>
        </Field>
        <Field label="Reward spec" hint="changing KL beta saves a derived version">
          <select value={s.specChoice} onChange={(e) => dispatch({ type: "set", patch: { specChoice: e.target.value } })} aria-label="Reward spec">
            <option value={DEFAULT_SPEC}>the task&apos;s default spec</option>
            {s.specs.flatMap((sp) => sp.versions.map((v) => <option key={v.id} value={v.id}>{sp.name} v{v.version} ({v.author.name})</option>))}
          </select>
        </Field>
        <Field label="Run name (optional)">
          <input value={s.name} maxLength={100} onChange={(e) => dispatch({ type: "set", patch: { name: e.target.value } })} aria-label="Run name" />
        </Field>
        {num("steps", "Steps", undefined, "1")}
        {num("batchSize", "Batch size", "inputs a step", "1")}
        {num("samples", "Samples N", "per input, N ≥ 2 (leave-one-out)", "1")}
        {num("lr", "Learning rate")}
        {num("temperature", "Temperature")}
        <Field label="Baseline" error={s.errors.baseline}>
          <select value={f.baseline} onChange={(e) => dispatch({ type: "field", key: "baseline", value: e.target.value })} aria-label="Baseline">
            {BASELINES.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </Field>
        {num("beta", "KL beta", "KL to the base folded into the reward")}
        {num("evalEvery", "Eval every K steps", "held-out greedy eval + samples", "1")}
        {num("evalCount", "Eval scenes", undefined, "1")}
        {num("checkpointEvery", "Checkpoint every K steps", "and at the end; 0: only at the end", "1")}
        <Field label="Backend" error={s.errors.backend}>
          <select value={f.backend} onChange={(e) => dispatch({ type: "field", key: "backend", value: e.target.value })} aria-label="Backend">
            {BACKENDS.map((b) => <option key={b} value={b}>{b}</option>)}
          </select>
        </Field>
      </div>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => void launch()} disabled={s.launching}>{s.launching ? "Launching…" : "Launch"}</button>
        {s.errors.form ? <span className="fail" role="alert" data-testid="launch-error">{s.errors.form}</span> : null}
      </div>
    </section>
  );
}
