/**
 * The composer's draft: the spec being edited (possibly invalid), its JSON text, and where it
 * came from. One reducer, so the form and the JSON view cannot drift: a form edit rewrites the
 * JSON text; a JSON edit that parses (and has a shape the form can draw) replaces the draft,
 * and one that does not keeps the form's last good state and says why.
 */
import { z } from "zod";
import { DEFAULT_REWARD_SPECS, RewardSpecSchema, rewardTerm, type GuardrailOp, type Normalization, type RewardSpec, type RewardSpecInput, type TaskId } from "@/lib/rewards";

export type DraftTerm = RewardSpecInput["terms"][number];
export type DraftGuardrail = NonNullable<RewardSpecInput["guardrails"]>[number];

/** Where the draft started: the task's default spec, or a saved version. */
export type DraftSource = { kind: "default"; task: TaskId } | { kind: "version"; id: string; name: string; version: number };

export interface DraftState {
  spec: RewardSpecInput;
  json: string;
  /** Why the JSON text is not what the form shows (it does not parse, or the form cannot draw it). */
  jsonError: string | null;
  source: DraftSource;
  /** The last draft that parsed (defaults filled in): what the preview ranks with while the draft has errors. */
  lastValid: RewardSpec;
}

export type DraftAction =
  | { type: "reset"; task: TaskId }
  | { type: "load"; spec: RewardSpecInput; source: DraftSource }
  | { type: "add-term"; term: string; params?: Record<string, unknown> }
  | { type: "remove-term"; index: number }
  | { type: "set-term"; index: number; patch: Partial<DraftTerm> }
  | { type: "set-param"; index: number; key: string; value: unknown }
  | { type: "set-spec"; patch: Partial<Pick<RewardSpecInput, "aggregate" | "normalize" | "clip" | "kl">> }
  | { type: "add-guardrail" }
  | { type: "set-guardrail"; index: number; patch: Partial<DraftGuardrail> }
  | { type: "remove-guardrail"; index: number }
  | { type: "set-json"; text: string }
  /** The draft was saved as this version (its content is unchanged). */
  | { type: "saved"; source: DraftSource };

/** What the form can draw: looser than RewardSpecSchema (whose errors the form shows inline). */
const Drawable = z.object({
  task: z.string(),
  terms: z.array(z.looseObject({ term: z.string(), weight: z.unknown(), params: z.record(z.string(), z.unknown()).optional() })),
  clip: z.looseObject({}).optional(),
  kl: z.looseObject({}).optional(),
  guardrails: z.array(z.looseObject({ metric: z.unknown(), op: z.unknown(), threshold: z.unknown() })).optional(),
}).loose();

const text = (spec: RewardSpecInput) => JSON.stringify(spec, null, 2);
const withSpec = (s: DraftState, spec: RewardSpecInput): DraftState => ({ ...s, spec, json: text(spec), jsonError: null });
const clone = (spec: RewardSpecInput) => JSON.parse(JSON.stringify(spec)) as RewardSpecInput;

/** The draft for `task`'s default spec. */
export function initialDraft(task: TaskId): DraftState {
  const spec = clone(DEFAULT_REWARD_SPECS[task]);
  return { spec, json: text(spec), jsonError: null, source: { kind: "default", task }, lastValid: RewardSpecSchema.parse(spec) };
}

/** A key for a new copy of `term` that no term of `terms` has yet. */
function freshName(term: string, terms: readonly DraftTerm[]): string | undefined {
  const keys = new Set(terms.map((t) => t.name ?? t.term));
  if (!keys.has(term)) return undefined;
  for (let i = 2; ; i++) if (!keys.has(`${term}_${i}`)) return `${term}_${i}`;
}

function drop<T extends object, K extends keyof T>(o: T, key: K, when: boolean): T {
  if (!when) return o;
  const copy = { ...o };
  delete copy[key];
  return copy;
}

/** The reducer: each action, then `lastValid` kept up to date. */
export function draftReducer(s: DraftState, a: DraftAction): DraftState {
  const next = apply(s, a);
  if (next.spec === s.spec) return next;
  const parsed = RewardSpecSchema.safeParse(next.spec);
  return parsed.success ? { ...next, lastValid: parsed.data } : next;
}

function apply(s: DraftState, a: DraftAction): DraftState {
  const terms = s.spec.terms;
  switch (a.type) {
    case "reset":
      return initialDraft(a.task);
    case "load":
      return { ...withSpec(s, clone(a.spec)), source: a.source };
    case "add-term": {
      const def = rewardTerm(a.term);
      // A penalty starts negative, a reward positive; the user sets the size.
      const weight = def?.direction === "minimize" ? -1 : 1;
      const name = freshName(a.term, terms);
      return withSpec(s, { ...s.spec, terms: [...terms, { term: a.term, weight, ...(name ? { name } : {}), ...(a.params ? { params: a.params } : {}) }] });
    }
    case "remove-term": {
      const key = terms[a.index]?.name ?? terms[a.index]?.term;
      const guardrails = s.spec.guardrails?.filter((g) => g.metric !== key);
      return withSpec(s, { ...drop(s.spec, "guardrails", !guardrails?.length), ...(guardrails?.length ? { guardrails } : {}), terms: terms.filter((_, i) => i !== a.index) });
    }
    case "set-term":
      return withSpec(s, { ...s.spec, terms: terms.map((t, i) => (i === a.index ? drop({ ...t, ...a.patch }, "normalize", a.patch.normalize === undefined && "normalize" in a.patch) : t)) });
    case "set-param":
      return withSpec(s, { ...s.spec, terms: terms.map((t, i) => (i === a.index ? { ...t, params: { ...t.params, [a.key]: a.value } } : t)) });
    case "set-spec": {
      let spec = { ...s.spec, ...a.patch };
      for (const k of ["normalize", "clip", "kl"] as const) spec = drop(spec, k, k in a.patch && a.patch[k] === undefined);
      return withSpec(s, spec);
    }
    case "add-guardrail": {
      const metric = terms[0]?.name ?? terms[0]?.term ?? "";
      return withSpec(s, { ...s.spec, guardrails: [...(s.spec.guardrails ?? []), { metric, op: "<=" as GuardrailOp, threshold: 0 }] });
    }
    case "set-guardrail":
      return withSpec(s, { ...s.spec, guardrails: (s.spec.guardrails ?? []).map((g, i) => (i === a.index ? { ...g, ...a.patch } : g)) });
    case "remove-guardrail": {
      const guardrails = (s.spec.guardrails ?? []).filter((_, i) => i !== a.index);
      return withSpec(s, guardrails.length ? { ...s.spec, guardrails } : drop(s.spec, "guardrails", true));
    }
    case "saved":
      return { ...s, source: a.source };
    case "set-json": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(a.text);
      } catch (err) {
        return { ...s, json: a.text, jsonError: `not JSON: ${err instanceof Error ? err.message : String(err)}` };
      }
      const shape = Drawable.safeParse(parsed);
      if (!shape.success) {
        const issue = shape.error.issues[0];
        return { ...s, json: a.text, jsonError: `the form cannot show this: ${issue?.path.join(".") || "spec"}: ${issue?.message ?? "unexpected shape"}` };
      }
      return { ...s, spec: parsed as RewardSpecInput, json: a.text, jsonError: null };
    }
  }
}

/** Normalisations a select offers, "none" first. */
export const NORMALIZATION_LABELS: Record<Normalization, string> = { none: "none (raw)", batch: "batch z-score", group: "group z-score (per image)" };
