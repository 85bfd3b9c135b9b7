import type { CompiledTerm } from "./compile";
import { RewardContext } from "./context";
import { rewardTerm } from "./registry";
import type { TargetOf, TaskId } from "./task-types";
import type { RewardSample } from "./types";

/** Targets by input id: a Map or a plain record. */
export type TargetsById<T extends TaskId> = ReadonlyMap<string, TargetOf<T>> | Readonly<Record<string, TargetOf<T>>>;

/** Raw term values of a batch: `raw[k][i]` is term k on sample i; `aux[i][key]` its extra numbers. */
export interface ScoredTerms {
  raw: Float64Array[];
  aux: Record<string, Record<string, number>>[];
}

function lookup<T>(targets: ReadonlyMap<string, T> | Readonly<Record<string, T>>, id: string): T | undefined {
  return targets instanceof Map ? targets.get(id) : Object.hasOwn(targets, id) ? (targets as Record<string, T>)[id] : undefined;
}

/**
 * Step 1 of `evaluate`: each term's raw value on each sample ([terms][samples]), no weighting.
 * The preview scores every catalogue term once with this and re-weights the stored values with
 * `combineTerms`, so changing a weight never rescores.
 * @param ctx shared caches; without a caption corpus, CIDEr-D's idf comes from the references of
 *   this batch's targets, as pycocoevalcap computes it.
 */
export function scoreTerms<T extends TaskId>(
  terms: readonly CompiledTerm[],
  samples: readonly RewardSample<T>[],
  targets: TargetsById<T>,
  ctx: RewardContext = new RewardContext(),
): ScoredTerms {
  const sampleTargets = samples.map((sample, i) => {
    const target = lookup(targets, sample.inputId);
    if (target === undefined) throw new Error(`samples[${i}].inputId: no target for input "${sample.inputId}"`);
    return target;
  });
  if (!ctx.hasCaptionCorpus && terms.some((t) => t.def === rewardTerm("cider_d"))) {
    const unique = [...new Set(samples.map((x) => x.inputId))].map((id) => (lookup(targets, id) as TargetOf<"captioning">).references);
    ctx = ctx.withCaptionReferences(unique);
  }
  const aux = samples.map(() => ({}) as Record<string, Record<string, number>>);
  const raw = terms.map((t) =>
    Float64Array.from(samples, (sample, i) => {
      try {
        const r = t.def.score(sample as RewardSample, sampleTargets[i] as never, t.params, ctx);
        if (r.aux) (aux[i] as Record<string, Record<string, number>>)[t.key] = r.aux;
        return r.value;
      } catch (err) {
        throw new Error(`samples[${i}] term ${t.key}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    }),
  );
  return { raw, aux };
}

/**
 * A stable key for a term scored with some params (defaults filled in, in schema order), so raw
 * values stored for `{ term: "bleu" }` serve `{ term: "bleu", params: { n: 4 } }` too. Throws on
 * an unknown term or bad params.
 */
export function termScoreKey(t: { term: string; params?: Record<string, unknown> }): string {
  const def = rewardTerm(t.term);
  if (!def) throw new Error(`unknown term "${t.term}"`);
  return `${t.term}${JSON.stringify(def.params.parse(t.params ?? {}))}`;
}
