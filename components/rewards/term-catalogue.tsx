"use client";

import { rewardTerm, termsForTask, type TaskId } from "@/lib/rewards";
import { LearnedTermPicker } from "./learned-term-picker";
import { defaultsText, KIND_LABELS, rangeText } from "./term-facts";

/**
 * The task's catalogue of reward terms: what each measures, its role (task metric, guardrail,
 * penalty / shaping, trainer-supplied), its range and parameter defaults, and a button that adds
 * it to the spec (a second copy gets its own name).
 */
export function TermCatalogue({ task, used, onAdd }: { task: TaskId; used: ReadonlySet<string>; onAdd: (term: string, params?: Record<string, unknown>) => void }) {
  return (
    <section className="panel" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title">Catalogue</h2>
      <p className="muted">Terms for {task}. A guardrail or penalty takes a negative weight; weight 0 logs a term without rewarding it.</p>
      <ul className="term-catalogue" data-testid="term-catalogue">
        {termsForTask(task).map((id) => {
          const def = rewardTerm(id)!;
          return (
            <li key={id} data-term={id}>
              <div className="term-head">
                <strong>{def.label}</strong> <code>{id}</code>
                <span className={`chip kind-${def.kind}`}>{KIND_LABELS[def.kind]}</span>
                {def.needsParams ? null : (
                  <button type="button" className="button small" onClick={() => onAdd(id)} aria-label={`Add ${id}`}>
                    {used.has(id) ? "Add again" : "Add"}
                  </button>
                )}
              </div>
              {def.needsParams ? <LearnedTermPicker task={task} onAdd={(params) => onAdd(id, params)} /> : null}
              <p className="term-description">{def.description}</p>
              <p className="term-meta muted">range {rangeText(def)} · {defaultsText(def)}{def.needs?.mleOutput ? " · compares with the MLE model's output" : ""}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
