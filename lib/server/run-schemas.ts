/**
 * The runs routes' zod shapes beyond the contract (lib/runs/contract.ts): the create body with
 * the settings checked by the trainer's own schema (so a bad field is a 400 naming
 * `settings.<field>` before anything else runs), path and query parameters.
 */
import { z } from "zod";
import { CreateRunBody, RUN_STATUSES, SamplesBody } from "@/lib/runs/contract";
import { TASK_IDS } from "@/lib/rewards/task-types";
import { MleSettingsSchema, ReinforceSettingsSchema } from "@/lib/training/settings";

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const oneOf = (values: readonly string[]) => ({ error: `expected one of ${values.join(", ")}` });

/** The trainer's settings for a run of `kind` and `task`: the run's task filled in when omitted. */
export function parseRunSettings(input: { kind: "mle" | "reinforce"; task: string; settings: Record<string, unknown> }) {
  const schema = input.kind === "mle" ? MleSettingsSchema : ReinforceSettingsSchema;
  return schema.safeParse({ task: input.task, ...input.settings });
}

/** POST /api/runs: the contract's body, with `settings` valid for the trainer of `kind` and of the run's task. */
export const CreateRunRequest = CreateRunBody.superRefine((body, ctx) => {
  const parsed = parseRunSettings(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 1)) ctx.addIssue({ code: "custom", message: issue.message, path: ["settings", ...issue.path] });
  } else if (parsed.data.task !== body.task) {
    ctx.addIssue({ code: "custom", message: `expected ${body.task} (the run's task)`, path: ["settings", "task"] });
  }
});

export const RunParams = z.object({ id: z.string().regex(ID, "expected a run id") });

const uint = (what: string) => z.string().regex(/^\d{1,7}$/, `expected a ${what} (a whole number >= 0)`).transform(Number);

/** GET /api/runs: filters by task, display status (with "interrupted") and "mine=1". */
export const RunListQuery = z
  .object({
    task: z.enum(TASK_IDS, oneOf(TASK_IDS)).optional(),
    status: z.enum([...RUN_STATUSES, "interrupted"], oneOf([...RUN_STATUSES, "interrupted"])).optional(),
    mine: z.enum(["1", "0"], { error: "expected 1 (only my runs) or 0" }).optional(),
  })
  .strict();

export const MetricsQuery = z.object({ from: uint("step").optional() }).strict();
export const SamplesQuery = z.object({ step: uint("step").optional() }).strict();

/** POST /api/checkpoints: an optional name, and the run and step an upload was saved at (both or neither). */
export const UploadQuery = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "expected 1 to 100 letters, digits, '.', '_' or '-'").optional(),
    run: z.string().regex(ID, "expected a run id").optional(),
    step: uint("step").optional(),
  })
  .strict()
  .refine((q) => (q.run === undefined) === (q.step === undefined), { message: "give run and step together", path: ["step"] });

/** An `Idempotency-Key` header: 1 to 200 visible ASCII characters. */
export const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, "expected 1 to 200 visible ASCII characters");

/** POST /api/runs/<id>/samples: the contract's body, each sample with its output. */
export const SamplesRequest = SamplesBody.superRefine((body, ctx) => {
  const i = body.samples.findIndex((s) => s.output === undefined);
  if (i >= 0) ctx.addIssue({ code: "custom", message: "expected the model's output on this scene", path: ["samples", i, "output"] });
});
