import { z } from "zod";
import { TASK_IDS, type TaskId } from "../task-types";
import type { RewardSample, TermDefinition } from "../types";
import { defineTerm } from "./define";

/** One input of the learned model: a reward term's raw value, standardised, then weighted. */
const FeatureSchema = z.object({
  term: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "expected a term id"),
  params: z.record(z.string(), z.unknown()).optional(),
  mean: z.number().finite(),
  scale: z.number().finite().positive("expected a positive scale"),
  weight: z.number().finite(),
}).strict();

export const HumanPreferenceParamsSchema = z.object({
  /** The rating campaign whose votes the model was fitted on. */
  campaign: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected the id of a rating campaign"),
  task: z.enum(TASK_IDS),
  /** Bradley–Terry on these features: P(y beats y') = σ(s(y) − s(y')), s(y) = Σ weight · (value − mean) / scale. */
  features: z.array(FeatureSchema).min(1, "expected at least one feature").max(16),
  /** How well it predicted held-out votes when fitted, for the record (not used in scoring). */
  heldOutAccuracy: z.number().min(0).max(1).optional(),
  votes: z.number().int().min(0).optional(),
}).strict();
export type HumanPreferenceParams = z.infer<typeof HumanPreferenceParamsSchema>;

interface Resolved { def: TermDefinition; params: unknown }
// Each spec's params object is parsed once by compileRewardSpec and reused for every sample.
const resolved = new WeakMap<object, Resolved[]>();

/** The feature terms with their params parsed, from the registry (passed in: this file is imported by it). */
function featuresOf(params: HumanPreferenceParams, lookup: (id: string) => TermDefinition | undefined): Resolved[] {
  let r = resolved.get(params);
  if (!r) {
    r = params.features.map((f) => {
      const def = lookup(f.term);
      if (!def) throw new Error(`human_preference: unknown feature term "${f.term}"`);
      if (def.task !== params.task) throw new Error(`human_preference: feature "${f.term}" is not a ${params.task} term`);
      return { def, params: def.params.parse(f.params ?? {}) };
    });
    resolved.set(params, r);
  }
  return r;
}

/** Made by the registry, which hands it the term lookup (the features are other registered terms). */
export function humanPreferenceTerm(lookup: (id: string) => TermDefinition | undefined) {
  return defineTerm({
    task: "any",
    label: "Human preference (learned from votes)",
    description:
      "A Bradley–Terry reward fitted on a rating campaign's votes: a weighted sum of other terms' standardised values " +
      "that predicts which of two outputs people prefer. Added from a campaign (its weights become the params); " +
      "the held-out accuracy it had is kept with it.",
    kind: "metric",
    direction: "maximize",
    range: [-Infinity, Infinity],
    params: HumanPreferenceParamsSchema,
    needsParams: true,
    paramsTask: (p: HumanPreferenceParams): TaskId => p.task,
    score: (sample, target, params, ctx) => {
      const feats = featuresOf(params, lookup);
      let value = 0;
      const aux: Record<string, number> = {};
      feats.forEach((f, i) => {
        const spec = params.features[i]!;
        const raw = f.def.score(sample as RewardSample, target as never, f.params as never, ctx).value;
        aux[spec.term] = raw;
        value += spec.weight * ((raw - spec.mean) / spec.scale);
      });
      return { value, aux };
    },
  });
}
