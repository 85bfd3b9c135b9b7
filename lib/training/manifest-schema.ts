/**
 * The checkpoint manifest, defined once as a zod schema (CheckpointManifest is its type;
 * ./checkpoint.ts checks every manifest it loads with it), and the check of a checkpoint that
 * arrives from outside (an upload): the TF.js model.json + weights around the manifest, as
 * `tf.io.http(url).save()` sends them (multipart fields `model.json` and `model.weights.bin`).
 * Every refusal is `bad_request:checkpoint` naming the part and the JSON path.
 */
import type * as tf from "@tensorflow/tfjs-core";
import { z } from "zod";
import { StudioError } from "@/lib/errors";
import { RewardSpecSchema, TASK_IDS } from "@/lib/rewards";
import { jsonPath } from "@/lib/validation";

export const CHECKPOINT_FORMAT = "reward-studio-checkpoint/1";

/** Weights of the optimizer's state travel with the model's under this prefix (./checkpoint.ts). */
const OPT_PREFIX = "optimizer/";
const TASK_ERROR = `expected one of ${TASK_IDS.join(", ")}`;
const count = (what: string) => z.number({ error: `expected a whole number (${what})` }).int(`expected a whole number (${what})`).min(0, `expected ${what} >= 0`);

const ArchitectureSchema = z
  .object({
    task: z.enum(TASK_IDS, { error: TASK_ERROR }),
    kind: z.string({ error: "expected the model kind" }).min(1, "expected the model kind"),
    config: z.record(z.string(), z.unknown(), { error: "expected an object of sizes" }),
  })
  .strict();

const RunSchema = z
  .object({
    id: z.string().optional(),
    kind: z.enum(["mle", "reinforce"], { error: 'expected "mle" or "reinforce"' }),
    step: count("the step reached"),
    seed: count("the run's seed"),
    settings: z.unknown(),
    backend: z.string().optional(),
  })
  .strict();

/** The manifest of a Reward Studio checkpoint (format reward-studio-checkpoint/1). */
export const CheckpointManifestSchema = z
  .object({
    format: z.literal(CHECKPOINT_FORMAT, { error: `expected "${CHECKPOINT_FORMAT}"` }),
    task: z.enum(TASK_IDS, { error: TASK_ERROR }),
    architecture: ArchitectureSchema,
    params: z.number({ error: "expected the number of trainable parameters" }).int("expected a whole number").positive("expected a positive number"),
    parent: z.string({ error: "expected the parent's address or null" }).min(1).max(500).nullable(),
    run: RunSchema.nullable(),
    rewardSpec: RewardSpecSchema.nullable(),
    // JSON has no NaN: a metric that was NaN when saved arrives as null.
    evalMetrics: z.record(z.string(), z.number({ error: "expected a number (or null)" }).nullable(), { error: "expected { metric: number } or null" }).nullable(),
    createdAt: z.iso.datetime({ error: "expected an ISO 8601 time, e.g. 2026-11-28T05:30:12.000Z" }),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.architecture.task !== m.task) {
      ctx.addIssue({ code: "custom", path: ["architecture", "task"], message: `expected ${m.task}, the manifest's task` });
    }
    if (m.rewardSpec && m.rewardSpec.task !== m.task) {
      ctx.addIssue({ code: "custom", path: ["rewardSpec", "task"], message: `expected ${m.task}, the manifest's task` });
    }
  });

/** A checkpoint's manifest: task, architecture, sizes, parent, run, reward spec, eval metrics. */
export type CheckpointManifest = z.output<typeof CheckpointManifestSchema>;

const WeightSpecSchema = z
  .object({
    name: z.string({ error: "expected the weight's name" }).min(1, "expected the weight's name"),
    shape: z.array(z.number().int("expected whole numbers").min(0, "expected sizes >= 0"), { error: "expected the weight's shape" }),
    dtype: z.enum(["float32", "int32"], { error: "expected float32" }),
    quantization: z.undefined({ error: "quantized weights are not supported" }).optional(),
  })
  .passthrough();

/** model.json as TF.js writes it (io_utils getModelJSONForModelArtifacts), with our manifest inside. */
const ModelJsonSchema = z.object({
  format: z.literal(CHECKPOINT_FORMAT, { error: `expected "${CHECKPOINT_FORMAT}"` }),
  generatedBy: z.string().optional(),
  convertedBy: z.string().nullable().optional(),
  modelTopology: z.record(z.string(), z.unknown(), { error: "expected an object" }),
  weightsManifest: z
    .array(z.object({ paths: z.array(z.string()), weights: z.array(WeightSpecSchema) }), { error: "expected [{ paths, weights }]" })
    .min(1, "expected at least one weight group"),
  userDefinedMetadata: z.object({ manifest: CheckpointManifestSchema }, { error: "expected { manifest }" }),
});

const refuse = (part: string, path: readonly PropertyKey[], message: string): never => {
  const where = jsonPath(path);
  throw new StudioError("bad_request:checkpoint", `${part}: ${where ? `${where}: ` : ""}${message}`, { field: part });
};

/** Parses a manifest on its own; refuses naming the field (`manifest: task: expected one of ...`). */
export function parseCheckpointManifest(input: unknown, part = "manifest"): CheckpointManifest {
  const parsed = CheckpointManifestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse(part, issue?.path ?? [], issue?.message ?? "invalid");
  }
  return input as CheckpointManifest;
}

/**
 * Checks an uploaded checkpoint and returns it as TF.js artifacts. `modelJson` is the text of
 * model.json; `weights` the bytes of model.weights.bin (every weight group's data, in order).
 * Checks: the JSON and its manifest; weight specs with unique names, float32 (int32 only for
 * the optimizer's step counter), not quantized; their sizes add up to the weight bytes; the
 * model's own weights (not the optimizer's) add up to the manifest's `params`.
 */
export function parseCheckpointUpload(input: { modelJson: string; weights: Uint8Array }): { artifacts: tf.io.ModelArtifacts; manifest: CheckpointManifest } {
  let json: unknown;
  try {
    json = JSON.parse(input.modelJson);
  } catch (err) {
    return refuse("model.json", [], `not valid JSON (${(err as Error).message})`);
  }
  const parsed = ModelJsonSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse("model.json", issue?.path ?? [], issue?.message ?? "invalid");
  }
  const model = parsed.data;
  const raw = json as { userDefinedMetadata: { manifest: CheckpointManifest } };
  const seen = new Set<string>();
  let bytes = 0;
  let params = 0;
  model.weightsManifest.forEach((group, g) =>
    group.weights.forEach((w, i) => {
      const at = ["weightsManifest", g, "weights", i];
      if (seen.has(w.name)) refuse("model.json", [...at, "name"], `"${w.name}" appears twice`);
      seen.add(w.name);
      const optimizer = w.name.startsWith(OPT_PREFIX);
      if (w.dtype !== "float32" && !optimizer) refuse("model.json", [...at, "dtype"], `expected float32 (int32 only for ${OPT_PREFIX} state)`);
      const size = w.shape.reduce((a, b) => a * b, 1);
      bytes += size * 4;
      if (!optimizer) params += size;
    }),
  );
  if (bytes !== input.weights.byteLength) {
    refuse("model.weights.bin", [], `expected ${bytes} bytes (the sizes in model.json's weightsManifest), got ${input.weights.byteLength}`);
  }
  const manifest = raw.userDefinedMetadata.manifest;
  if (params !== manifest.params) {
    refuse("model.json", ["userDefinedMetadata", "manifest", "params"], `expected ${params}, the number of values in the model's weights, got ${manifest.params}`);
  }
  const weightData = input.weights.buffer.slice(input.weights.byteOffset, input.weights.byteOffset + input.weights.byteLength) as ArrayBuffer;
  return {
    manifest,
    artifacts: {
      modelTopology: model.modelTopology as tf.io.ModelArtifacts["modelTopology"],
      format: model.format,
      generatedBy: model.generatedBy,
      convertedBy: model.convertedBy ?? null,
      weightSpecs: model.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
      weightData,
      userDefinedMetadata: raw.userDefinedMetadata as unknown as tf.io.ModelArtifacts["userDefinedMetadata"],
    },
  };
}
