/**
 * The RewardSpec: one zod schema, shared by the browser form, the server and the CLI.
 *
 *   { schemaVersion: 1, task, terms: [{ term, weight, params?, normalize?, name? }],
 *     aggregate, normalize?, clip?, kl?: { beta }, guardrails?: [{ metric, op, threshold }] }
 *
 * aggregate "normalize_then_sum": each term is normalised as its `normalize` says, then weighted
 * and summed. "sum_then_normalize": raw terms are weighted and summed, and the composite is
 * normalised as the spec's `normalize` says. Normalisation "batch" z-scores over every sample
 * of the batch, "group" over the N samples drawn for one input, "none" leaves values raw.
 */
import { z } from "zod";
import { StudioError } from "@/lib/errors";
import { firstIssue } from "@/lib/validation";
import { REWARD_TERM_IDS, rewardTerm } from "./registry";
import { TASK_IDS } from "./task-types";

export const NORMALIZATIONS = ["none", "batch", "group"] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];
export const AGGREGATIONS = ["normalize_then_sum", "sum_then_normalize"] as const;
export const GUARDRAIL_OPS = ["<", "<=", ">", ">="] as const;
export type GuardrailOp = (typeof GUARDRAIL_OPS)[number];

const finite = (what: string) => z.number({ error: `expected a finite number (${what})` }).refine(Number.isFinite, `expected a finite number (${what})`);

const TermSpecSchema = z
  .object({
    term: z.string({ error: "expected a term id" }),
    weight: finite("the term's weight; 0 logs it without rewarding it"),
    params: z.record(z.string(), z.unknown()).optional(),
    normalize: z.enum(NORMALIZATIONS).optional(),
    /** A distinct key when one term appears twice (e.g. BLEU-1 and BLEU-4). */
    name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "expected lowercase letters, digits and _ (max 40)").optional(),
  })
  .strict();

const GuardrailSchema = z
  .object({ metric: z.string(), op: z.enum(GUARDRAIL_OPS), threshold: finite("the guardrail threshold") })
  .strict();

export const RewardSpecSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    task: z.enum(TASK_IDS),
    terms: z.array(TermSpecSchema).min(1, "expected at least one term"),
    aggregate: z.enum(AGGREGATIONS).default("normalize_then_sum"),
    normalize: z.enum(NORMALIZATIONS).optional(),
    clip: z
      .object({ min: finite("lower clip").optional(), max: finite("upper clip").optional() })
      .strict()
      .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, { message: "expected min <= max", path: ["min"] })
      .optional(),
    kl: z.object({ beta: finite("KL coefficient").refine((b) => b >= 0, "expected beta >= 0") }).strict().optional(),
    guardrails: z.array(GuardrailSchema).optional(),
  })
  .strict()
  .superRefine((spec, ctx) => {
    const keys = new Set<string>();
    spec.terms.forEach((t, i) => {
      const def = rewardTerm(t.term);
      if (!def) {
        ctx.addIssue({ code: "custom", path: ["terms", i, "term"], message: `unknown term "${t.term}"; expected one of ${REWARD_TERM_IDS.join(", ")}` });
        return;
      }
      if (def.task !== "any" && def.task !== spec.task) {
        ctx.addIssue({ code: "custom", path: ["terms", i, "term"], message: `"${t.term}" is a ${def.task} term; this spec is for ${spec.task}` });
      }
      const params = def.params.safeParse(t.params ?? {});
      if (!params.success) {
        const issue = params.error.issues[0];
        const path = (issue?.path ?? []).filter((k): k is string | number => typeof k !== "symbol");
        ctx.addIssue({ code: "custom", path: ["terms", i, "params", ...path], message: issue?.message ?? "invalid params" });
      } else if (def.paramsTask && def.paramsTask(params.data) !== spec.task) {
        ctx.addIssue({ code: "custom", path: ["terms", i, "params", "task"], message: `"${t.term}" here was learned for ${def.paramsTask(params.data)}; this spec is for ${spec.task}` });
      }
      const key = t.name ?? t.term;
      if (keys.has(key)) {
        ctx.addIssue({ code: "custom", path: ["terms", i, t.name ? "name" : "term"], message: `"${key}" appears twice; give one a distinct name` });
      }
      keys.add(key);
      if (t.normalize && t.normalize !== "none" && spec.aggregate === "sum_then_normalize") {
        ctx.addIssue({ code: "custom", path: ["terms", i, "normalize"], message: 'per-term normalisation applies only with aggregate "normalize_then_sum"; set the spec\'s normalize instead' });
      }
    });
    if (spec.terms.length > 0 && spec.terms.every((t) => t.weight === 0)) {
      ctx.addIssue({ code: "custom", path: ["terms"], message: "all weights are zero; at least one term needs a non-zero weight" });
    }
    if (spec.normalize && spec.normalize !== "none" && spec.aggregate === "normalize_then_sum") {
      ctx.addIssue({ code: "custom", path: ["normalize"], message: 'the composite is normalised only with aggregate "sum_then_normalize"; normalise terms instead' });
    }
    spec.guardrails?.forEach((g, i) => {
      if (!keys.has(g.metric)) {
        ctx.addIssue({ code: "custom", path: ["guardrails", i, "metric"], message: `"${g.metric}" is not a term of this spec; add it with weight 0 to monitor it` });
      }
    });
  });

export type RewardSpecInput = z.input<typeof RewardSpecSchema>;
export type RewardSpec = z.output<typeof RewardSpecSchema>;

/** Parses and validates a RewardSpec; refuses with `bad_request:reward_spec` naming the field. */
export function parseRewardSpec(input: unknown): RewardSpec {
  const parsed = RewardSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { field, message } = firstIssue(parsed.error);
  throw new StudioError("bad_request:reward_spec", `${field || "spec"}: ${message}`, { field: field || "spec" });
}
