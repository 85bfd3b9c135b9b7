"use client";

import { AGGREGATIONS, GUARDRAIL_OPS, NORMALIZATIONS, type GuardrailOp, type Normalization, type RewardSpecInput } from "@/lib/rewards";
import { NORMALIZATION_LABELS, type DraftAction } from "./draft-reducer";
import { FieldError, numberOf } from "./field-error";

const AGGREGATE_LABELS: Record<(typeof AGGREGATIONS)[number], string> = {
  normalize_then_sum: "normalise each term, then sum",
  sum_then_normalize: "sum raw terms, then normalise the composite",
};

/** An optional number: empty clears it. */
function Optional({ label, value, onChange, id }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; id: string }) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" className="narrow" step="any" placeholder="off" value={value !== undefined && Number.isFinite(value) ? value : ""}
        onChange={(e) => onChange(e.target.value.trim() === "" ? undefined : numberOf(e.target.value))} />
    </>
  );
}

/** The spec-wide settings: aggregate mode, the composite's normalisation, clipping, KL beta, and guardrails. */
export function SpecSettings({ spec, errors, dispatch }: { spec: RewardSpecInput; errors: ReadonlyMap<string, string>; dispatch: (a: DraftAction) => void }) {
  const keys = spec.terms.map((t) => t.name ?? t.term);
  const clip = (patch: { min?: number; max?: number }) => {
    const next = { ...spec.clip, ...patch };
    const kept = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
    dispatch({ type: "set-spec", patch: { clip: Object.keys(kept).length ? kept : undefined } });
  };
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Combining the terms</h2>
      <div className="term-controls">
        <label htmlFor="spec-aggregate">aggregate</label>
        <select id="spec-aggregate" value={spec.aggregate ?? "normalize_then_sum"}
          onChange={(e) => dispatch({ type: "set-spec", patch: { aggregate: e.target.value as (typeof AGGREGATIONS)[number] } })}>
          {AGGREGATIONS.map((a) => <option key={a} value={a}>{AGGREGATE_LABELS[a]}</option>)}
        </select>
        <label htmlFor="spec-normalize">composite normalisation</label>
        <select id="spec-normalize" value={spec.normalize ?? "none"}
          onChange={(e) => dispatch({ type: "set-spec", patch: { normalize: e.target.value === "none" ? undefined : (e.target.value as Normalization) } })}>
          {NORMALIZATIONS.map((n) => <option key={n} value={n}>{NORMALIZATION_LABELS[n]}</option>)}
        </select>
        <FieldError errors={errors} path="normalize" />
      </div>
      <div className="term-controls">
        <Optional id="spec-clip-min" label="clip min" value={spec.clip?.min} onChange={(min) => clip({ min })} />
        <FieldError errors={errors} path="clip.min" />
        <Optional id="spec-clip-max" label="clip max" value={spec.clip?.max} onChange={(max) => clip({ max })} />
        <FieldError errors={errors} path="clip.max" />
        <Optional id="spec-kl-beta" label="KL beta (composite −= β·KL to the MLE model)" value={spec.kl?.beta}
          onChange={(beta) => dispatch({ type: "set-spec", patch: { kl: beta === undefined ? undefined : { beta } } })} />
        <FieldError errors={errors} path="kl.beta" />
      </div>
      <h3>Guardrails</h3>
      <p className="muted small">Checked on a run&apos;s batch means; the metric must be a term of this spec (weight 0 to only watch it).</p>
      <ul className="guardrails" data-testid="guardrails">
        {(spec.guardrails ?? []).map((g, i) => (
          <li key={i} className="term-controls">
            <select aria-label={`guardrail ${i + 1} metric`} value={String(g.metric)} onChange={(e) => dispatch({ type: "set-guardrail", index: i, patch: { metric: e.target.value } })}>
              {[...new Set([...keys, String(g.metric)])].map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
            <select aria-label={`guardrail ${i + 1} operator`} value={g.op} onChange={(e) => dispatch({ type: "set-guardrail", index: i, patch: { op: e.target.value as GuardrailOp } })}>
              {GUARDRAIL_OPS.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
            <input type="number" className="narrow" step="any" aria-label={`guardrail ${i + 1} threshold`} value={Number.isFinite(g.threshold) ? g.threshold : ""}
              onChange={(e) => dispatch({ type: "set-guardrail", index: i, patch: { threshold: numberOf(e.target.value) } })} />
            <button type="button" className="button small" onClick={() => dispatch({ type: "remove-guardrail", index: i })}>Remove</button>
            <FieldError errors={errors} path={`guardrails[${i}].metric`} />
            <FieldError errors={errors} path={`guardrails[${i}].threshold`} />
          </li>
        ))}
      </ul>
      <button type="button" className="button small" onClick={() => dispatch({ type: "add-guardrail" })} disabled={keys.length === 0}>Add guardrail</button>
    </section>
  );
}
