import { rewardTerm } from "./registry";
import type { RewardSpec } from "./spec";

/**
 * The form a spec is stored and content-hashed in: each term's params with their defaults filled
 * in (left out when the term has none), and "none" normalisations left out, so specs that score
 * alike hash alike (`{ term: "bleu" }` and `{ term: "bleu", params: { n: 4 } }`). `spec` must be
 * parsed by RewardSpecSchema (schemaVersion and aggregate filled in, terms known).
 */
export function canonicalRewardSpec(spec: RewardSpec): RewardSpec {
  const { normalize, ...rest } = spec;
  return {
    ...rest,
    ...(normalize && normalize !== "none" ? { normalize } : {}),
    terms: spec.terms.map(({ params, normalize: n, ...t }) => {
      const filled = (rewardTerm(t.term)?.params.parse(params ?? {}) ?? params ?? {}) as Record<string, unknown>;
      return { ...t, ...(Object.keys(filled).length ? { params: filled } : {}), ...(n && n !== "none" ? { normalize: n } : {}) };
    }),
  };
}
