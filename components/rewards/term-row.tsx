"use client";

import { useState } from "react";
import { NORMALIZATIONS, rewardTerm, type Normalization } from "@/lib/rewards";
import { NORMALIZATION_LABELS, type DraftAction, type DraftTerm } from "./draft-reducer";
import { FieldError, numberOf } from "./field-error";
import { KIND_LABELS, paramFields, type ParamField } from "./term-facts";

/** A slider span that holds `w` with room to grow: 1, 10, 100, … (fixed while dragging). */
const spanFor = (w: number) => (Number.isFinite(w) && Math.abs(w) > 0 ? 10 ** Math.ceil(Math.log10(Math.abs(w) * 1.5)) : 1);

function ParamInput({ field, value, onChange, id }: { field: ParamField; value: unknown; onChange: (v: unknown) => void; id: string }) {
  if (field.kind === "enum") {
    return (
      <select id={id} value={String(value ?? field.default)} onChange={(e) => onChange(e.target.value)}>
        {field.options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    );
  }
  if (field.kind === "boolean") return <input id={id} type="checkbox" checked={Boolean(value ?? field.default)} onChange={(e) => onChange(e.target.checked)} />;
  if (field.kind === "number") {
    const v = value ?? field.default;
    return (
      <input id={id} type="number" className="narrow" step={field.integer ? 1 : "any"} min={field.min} max={field.max}
        value={typeof v === "number" && Number.isFinite(v) ? v : ""} onChange={(e) => onChange(numberOf(e.target.value))} />
    );
  }
  return <input id={id} value={String(value ?? field.default)} onChange={(e) => onChange(e.target.value)} />;
}

/**
 * One term of the spec: its weight (slider and number), normalisation, params (defaults shown),
 * and each schema error next to its field.
 */
export function TermRow({ term, index, perTermNormalize, errors, dispatch }: {
  term: DraftTerm;
  index: number;
  perTermNormalize: boolean;
  errors: ReadonlyMap<string, string>;
  dispatch: (a: DraftAction) => void;
}) {
  const def = rewardTerm(term.term);
  const key = term.name ?? term.term;
  const at = `terms[${index}]`;
  const weight = typeof term.weight === "number" ? term.weight : Number.NaN;
  const [span, setSpan] = useState(() => spanFor(weight));
  const setWeight = (w: number, fromSlider: boolean) => {
    if (!fromSlider && Number.isFinite(w) && Math.abs(w) > span) setSpan(spanFor(w));
    dispatch({ type: "set-term", index, patch: { weight: w } });
  };
  const id = (what: string) => `term-${index}-${what}`;
  return (
    <li className="term-row" data-testid="spec-term" data-key={key}>
      <div className="term-head">
        <strong>{def?.label ?? term.term}</strong> <code>{key}</code>
        {def ? <span className={`chip kind-${def.kind}`}>{KIND_LABELS[def.kind]}</span> : null}
        <button type="button" className="button small" onClick={() => dispatch({ type: "remove-term", index })} aria-label={`Remove ${key}`}>Remove</button>
      </div>
      <FieldError errors={errors} path={`${at}.term`} />
      <FieldError errors={errors} path={at} />
      <div className="term-controls">
        <label htmlFor={id("weight")}>weight</label>
        <input type="range" aria-label={`${key} weight slider`} min={-span} max={span} step={span / 200}
          value={Number.isFinite(weight) ? weight : 0} onChange={(e) => setWeight(Number(e.target.value), true)} />
        <input id={id("weight")} type="number" className="narrow" step="any" aria-label={`${key} weight`}
          value={Number.isFinite(weight) ? weight : ""} onChange={(e) => setWeight(numberOf(e.target.value), false)} />
        <FieldError errors={errors} path={`${at}.weight`} />
        <label htmlFor={id("normalize")}>normalise</label>
        <select id={id("normalize")} value={term.normalize ?? "none"} disabled={!perTermNormalize && (term.normalize ?? "none") === "none"}
          title={perTermNormalize ? undefined : 'with "sum then normalise" the composite is normalised instead'}
          onChange={(e) => dispatch({ type: "set-term", index, patch: { normalize: e.target.value === "none" ? undefined : (e.target.value as Normalization) } })}>
          {NORMALIZATIONS.map((n) => <option key={n} value={n}>{NORMALIZATION_LABELS[n]}</option>)}
        </select>
        <FieldError errors={errors} path={`${at}.normalize`} />
      </div>
      {def && paramFields(def).length > 0 ? (
        <div className="term-controls">
          {paramFields(def).map((f) => (
            <span key={f.key} className="param">
              <label htmlFor={id(`param-${f.key}`)}>{f.key}</label>
              <ParamInput id={id(`param-${f.key}`)} field={f} value={term.params?.[f.key]} onChange={(v) => dispatch({ type: "set-param", index, key: f.key, value: v })} />
              <span className="muted small">default {String(f.default)}</span>
              <FieldError errors={errors} path={`${at}.params.${f.key}`} />
            </span>
          ))}
          <FieldError errors={errors} path={`${at}.params`} />
        </div>
      ) : null}
      {def?.needsParams ? <LearnedSummary params={term.params} /> : null}
      {def?.needsParams ? <FieldError errors={errors} path={`${at}.params`} /> : null}
      <FieldError errors={errors} path={`${at}.name`} />
    </li>
  );
}

/** A learned term's model as people read it: the campaign, each feature's weight, how well it predicted held-out votes. */
function LearnedSummary({ params }: { params: Record<string, unknown> | undefined }) {
  const p = params as { campaign?: string; features?: { term: string; weight: number }[]; heldOutAccuracy?: number; votes?: number } | undefined;
  if (!p?.features) return <p className="fail small">no model: add this term from a campaign in the catalogue</p>;
  return (
    <p className="muted small" data-testid="learned-summary">
      learned from campaign <code>{p.campaign}</code>{p.votes !== undefined ? ` (${p.votes} votes)` : ""}:{" "}
      {p.features.map((f) => `${f.weight >= 0 ? "+" : "−"}${Math.abs(f.weight).toFixed(2)} · ${f.term}`).join("  ")}
      {p.heldOutAccuracy !== undefined ? ` · held-out accuracy ${(100 * p.heldOutAccuracy).toFixed(0)} %` : ""}
    </p>
  );
}
