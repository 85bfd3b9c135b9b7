/**
 * A structural diff of two reward specs, for people: which terms were added or removed, which
 * weights, normalisations and params changed, and the spec-level settings and guardrails. Terms
 * are matched by key (`name`, else the term id), guardrails by metric and operator; params are
 * compared with their defaults filled in, so `{}` and `{ n: 4 }` on BLEU (default n 4) are equal.
 */
import { rewardTerm } from "./registry";
import type { RewardSpecInput } from "./spec";

export interface SpecChange {
  /** Where, e.g. `terms.caption_length.weight`, `kl.beta`, `guardrails.caption_length <=`. */
  path: string;
  kind: "added" | "removed" | "changed";
  /** The value before and after (absent on the side where it does not exist). */
  before?: unknown;
  after?: unknown;
}

type Spec = RewardSpecInput;
type Term = Spec["terms"][number];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function paramsOf(t: Term): Record<string, unknown> {
  const parsed = rewardTerm(t.term)?.params.safeParse(t.params ?? {});
  return parsed?.success ? (parsed.data as Record<string, unknown>) : (t.params ?? {});
}

/** One change per differing leaf of two flat records, keyed `${prefix}.${key}`. */
function leaves(prefix: string, a: Record<string, unknown>, b: Record<string, unknown>, out: SpecChange[]): void {
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const [x, y] = [a[key], b[key]];
    if (same(x, y)) continue;
    const path = `${prefix}.${key}`;
    if (x === undefined) out.push({ path, kind: "added", after: y });
    else if (y === undefined) out.push({ path, kind: "removed", before: x });
    else out.push({ path, kind: "changed", before: x, after: y });
  }
}

/** What `after` changes relative to `before`, spec settings first, then terms, then guardrails. */
export function diffRewardSpecs(before: Spec, after: Spec): SpecChange[] {
  const out: SpecChange[] = [];
  const settings = (s: Spec) => ({
    task: s.task,
    aggregate: s.aggregate ?? "normalize_then_sum",
    normalize: s.normalize ?? "none",
    "clip.min": s.clip?.min,
    "clip.max": s.clip?.max,
    "kl.beta": s.kl?.beta,
  });
  leaves("spec", settings(before), settings(after), out);
  out.forEach((c) => (c.path = c.path.slice("spec.".length)));

  const byKey = (s: Spec) => new Map(s.terms.map((t) => [t.name ?? t.term, t] as const));
  const [a, b] = [byKey(before), byKey(after)];
  for (const [key, t] of a) if (!b.has(key)) out.push({ path: `terms.${key}`, kind: "removed", before: t });
  for (const [key, t] of b) {
    const was = a.get(key);
    if (!was) {
      out.push({ path: `terms.${key}`, kind: "added", after: t });
      continue;
    }
    if (was.term !== t.term) out.push({ path: `terms.${key}.term`, kind: "changed", before: was.term, after: t.term });
    leaves(`terms.${key}`, { weight: was.weight, normalize: was.normalize ?? "none" }, { weight: t.weight, normalize: t.normalize ?? "none" }, out);
    leaves(`terms.${key}.params`, paramsOf(was), paramsOf(t), out);
  }
  const order = (m: Map<string, Term>, other: Map<string, Term>) => [...m.keys()].filter((k) => other.has(k));
  if (!same(order(a, b), order(b, a))) out.push({ path: "terms", kind: "changed", before: order(a, b), after: order(b, a) });

  const rails = (s: Spec) => Object.fromEntries((s.guardrails ?? []).map((g) => [`${g.metric} ${g.op}`, g.threshold]));
  leaves("guardrails", rails(before), rails(after), out);
  return out;
}

const show = (v: unknown): string =>
  typeof v === "number" ? String(Number(v.toPrecision(6))) : typeof v === "string" ? v : JSON.stringify(v);

/** One change as a line a person reads: "terms.caption_length.weight: -0.1 → -5". */
export function describeChange(c: SpecChange): string {
  if (c.path.startsWith("terms.") && c.path.split(".").length === 2) {
    const t = (c.after ?? c.before) as Term;
    return `${c.kind === "added" ? "added" : "removed"} term ${c.path.slice(6)} (${t.term}, weight ${show(t.weight)})`;
  }
  if (c.kind === "added") return `${c.path}: set to ${show(c.after)}`;
  if (c.kind === "removed") return `${c.path}: removed (was ${show(c.before)})`;
  if (c.path === "terms") return `term order: ${(c.before as string[]).join(", ")} → ${(c.after as string[]).join(", ")}`;
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`;
}
