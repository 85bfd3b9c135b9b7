"use client";

import type { DraftAction } from "./draft-reducer";

/**
 * The draft as JSON, editable: an edit that parses updates the form at once; one that does not
 * is kept here with its error while the form keeps its last good state.
 */
export function SpecJson({ json, jsonError, errors, dispatch }: { json: string; jsonError: string | null; errors: ReadonlyMap<string, string>; dispatch: (a: DraftAction) => void }) {
  return (
    <section className="panel spec-json" aria-labelledby="json-title">
      <h2 id="json-title">JSON</h2>
      <textarea aria-label="Reward spec JSON" data-testid="spec-json" spellCheck={false} rows={22} value={json}
        onChange={(e) => dispatch({ type: "set-json", text: e.target.value })} />
      {jsonError ? <p className="field-error" role="alert" data-testid="json-error">{jsonError} — the form keeps its last good state.</p> : null}
      {!jsonError && errors.size > 0 ? (
        <ul className="field-error" data-testid="schema-errors">
          {[...errors].map(([path, message]) => <li key={path}><code>{path || "spec"}</code>: {message}</li>)}
        </ul>
      ) : null}
      {!jsonError && errors.size === 0 ? <p className="ok small" data-testid="spec-valid">Valid: the server will accept this spec.</p> : null}
    </section>
  );
}
