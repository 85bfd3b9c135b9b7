/**
 * A RewardSpec made ready to score, once per run: validated, each term resolved to its
 * definition with its params parsed (defaults filled in). `evaluate` takes it as is, so a trainer
 * that compiles its spec at setup does not re-validate it on every step.
 */
import { specNeedsMleOutput, rewardTerm } from "./registry";
import { parseRewardSpec, type Normalization, type RewardSpec } from "./spec";
import type { TermDefinition } from "./types";

export interface CompiledTerm {
  /** The term's key in logs and results: its `name`, else its id. */
  key: string;
  def: TermDefinition;
  weight: number;
  /** Parsed by the term's params schema. */
  params: unknown;
  normalize: Normalization;
}

declare const compiledBrand: unique symbol;

/** Only `compileRewardSpec` makes these (the brand keeps hand-built objects out). */
export interface CompiledRewardSpec {
  readonly [compiledBrand]: true;
  /** The validated spec, defaults filled in: what checkpoint manifests store. */
  readonly spec: RewardSpec;
  /** The spec's terms in order. */
  readonly terms: readonly CompiledTerm[];
  /** Whether some term needs the frozen MLE model's output on each sample (`needs.mleOutput`). */
  readonly needsMleOutput: boolean;
}

const compiled = new WeakSet<object>();

/** Whether `x` came from `compileRewardSpec`. */
export function isCompiledRewardSpec(x: unknown): x is CompiledRewardSpec {
  return typeof x === "object" && x !== null && compiled.has(x);
}

/**
 * Resolves one term of a spec: its definition, key and params (defaults filled in). Throws on an
 * unknown term or bad params (what the RewardSpec schema refuses first).
 */
export function compileTerm(t: { term: string; weight?: number; params?: Record<string, unknown>; normalize?: Normalization; name?: string }): CompiledTerm {
  const def = rewardTerm(t.term);
  if (!def) throw new Error(`unknown term "${t.term}"`);
  return { key: t.name ?? t.term, def, weight: t.weight ?? 0, params: def.params.parse(t.params ?? {}), normalize: t.normalize ?? "none" };
}

/**
 * Validates `input` (raw JSON or a parsed RewardSpec; refuses with `bad_request:reward_spec`
 * naming the field) and resolves its terms. A compiled spec is returned as it is.
 */
export function compileRewardSpec(input: unknown): CompiledRewardSpec {
  if (isCompiledRewardSpec(input)) return input;
  const spec = parseRewardSpec(input);
  const terms = spec.terms.map(compileTerm); // the schema refused unknown terms and bad params
  const out = Object.freeze({ spec, terms: Object.freeze(terms), needsMleOutput: specNeedsMleOutput(spec) }) as unknown as CompiledRewardSpec;
  compiled.add(out);
  return out;
}

/**
 * The spec as a fixed output is scored: its terms, aggregation, clipping and guardrails, without
 * the KL fold. `kl.beta` prices how far the sampling policy moved from the MLE model, which only
 * the trainer can estimate; comparing or rating greedy outputs scores what the outputs are.
 */
export function outputScoringSpec(spec: CompiledRewardSpec): CompiledRewardSpec {
  if (!spec.spec.kl) return spec;
  // Compiled once per spec: a comparison scores batch after batch with the same one.
  let out = withoutKl.get(spec);
  if (!out) {
    out = compileRewardSpec(Object.fromEntries(Object.entries(spec.spec).filter(([k]) => k !== "kl")));
    withoutKl.set(spec, out);
  }
  return out;
}

const withoutKl = new WeakMap<CompiledRewardSpec, CompiledRewardSpec>();
