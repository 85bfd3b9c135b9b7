/**
 * What the composer says about a catalogue term, read from its registry definition: its role
 * (task metric, guardrail, penalty / shaping, trainer-supplied), its range and its params with
 * their defaults and kinds (for the param inputs).
 */
import type { z } from "zod";
import type { TermDefinition } from "@/lib/rewards";

export const KIND_LABELS: Record<TermDefinition["kind"], string> = {
  metric: "task metric",
  guardrail: "guardrail",
  shaping: "penalty / shaping",
  trainer: "trainer-supplied",
};

const bound = (v: number) => (v === Infinity ? "∞" : v === -Infinity ? "−∞" : String(v));

/** "[0, ∞), higher is better". */
export function rangeText(def: TermDefinition): string {
  const [lo, hi] = def.range;
  return `${lo === -Infinity ? "(" : "["}${bound(lo)}, ${bound(hi)}${hi === Infinity ? ")" : "]"}, ${def.direction === "maximize" ? "higher is better" : "lower is better"}`;
}

export type ParamField =
  | { key: string; kind: "number"; integer: boolean; min?: number; max?: number; default: number }
  | { key: string; kind: "enum"; options: string[]; default: string }
  | { key: string; kind: "boolean"; default: boolean }
  | { key: string; kind: "text"; default: string };

interface Introspect {
  shape?: Record<string, z.ZodType & { unwrap?: () => unknown }>;
}

/** The params a term takes, with their defaults, from its zod schema. */
export function paramFields(def: TermDefinition): ParamField[] {
  // A learned term's params are its fitted model: made from a campaign, read in the JSON view.
  if (def.needsParams) return [];
  const defaults = def.params.parse({}) as Record<string, unknown>;
  const shape = (def.params as unknown as Introspect).shape ?? {};
  return Object.keys(shape).map((key): ParamField => {
    const field = shape[key] as { unwrap?: () => unknown };
    const inner = (field.unwrap ? field.unwrap() : field) as { options?: string[]; isInt?: boolean; minValue?: number | null; maxValue?: number | null };
    const d = defaults[key];
    if (Array.isArray(inner.options)) return { key, kind: "enum", options: inner.options, default: String(d ?? inner.options[0]) };
    if (typeof d === "boolean") return { key, kind: "boolean", default: d };
    if (typeof d === "number") {
      const bounded = (v: number | null | undefined) => (v !== null && v !== undefined && Number.isFinite(v) ? v : undefined);
      return { key, kind: "number", integer: inner.isInt === true, min: bounded(inner.minValue), max: bounded(inner.maxValue), default: d };
    }
    return { key, kind: "text", default: String(d ?? "") };
  });
}

/** "n = 4, min = 4" or "no parameters". */
export function defaultsText(def: TermDefinition): string {
  if (def.needsParams) return "params: a model fitted on a rating campaign's votes";
  const fields = paramFields(def);
  return fields.length ? fields.map((f) => `${f.key} = ${f.default}`).join(", ") : "no parameters";
}
