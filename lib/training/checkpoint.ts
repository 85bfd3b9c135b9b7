/**
 * Checkpoints in the TF.js model format (model.json + weight data, `tf.io.ModelArtifacts`)
 * with a manifest: task, architecture, sizes, parent, run, reward spec, eval metrics. The same
 * artifacts go to files (Node), IndexedDB (browser) or the server. Optimizer state travels with
 * the weights (prefixed "optimizer/") so a resumed run continues the same run.
 */
import * as tf from "@tensorflow/tfjs-core";
import { taskDefinition, type Policy } from "@/lib/tasks";
import { CHECKPOINT_FORMAT, parseCheckpointManifest, type CheckpointManifest } from "./manifest-schema";

export { CHECKPOINT_FORMAT, type CheckpointManifest } from "./manifest-schema";

const OPT_PREFIX = "optimizer/";

/** Packs a policy's weights (and the optimizer's state, when given) with its manifest. */
export async function toArtifacts(policy: Policy, manifest: CheckpointManifest, optimizer?: tf.Optimizer): Promise<tf.io.ModelArtifacts> {
  const named: { name: string; tensor: tf.Tensor }[] = [...policy.params.vars].map(([name, tensor]) => ({ name, tensor }));
  if (optimizer) for (const w of await optimizer.getWeights()) named.push({ name: OPT_PREFIX + w.name, tensor: w.tensor });
  const { data, specs } = await tf.io.encodeWeights(named);
  return {
    modelTopology: { architecture: manifest.architecture },
    format: CHECKPOINT_FORMAT,
    generatedBy: "reward-studio",
    convertedBy: null,
    weightSpecs: specs,
    weightData: data,
    userDefinedMetadata: { manifest: manifest as unknown as Record<string, never> },
  } as tf.io.ModelArtifacts;
}

/**
 * The manifest inside artifacts, checked against the one manifest schema (the same checks an
 * upload gets), wherever it was loaded from: files, IndexedDB or the server.
 */
export function manifestOf(artifacts: tf.io.ModelArtifacts): CheckpointManifest {
  const m = (artifacts.userDefinedMetadata as { manifest?: unknown } | undefined)?.manifest;
  if (m === undefined) throw new Error(`not a Reward Studio checkpoint (no manifest; expected format ${CHECKPOINT_FORMAT})`);
  return parseCheckpointManifest(m);
}

/**
 * Rebuilds the policy a checkpoint describes and loads its weights. Optimizer state, if any,
 * is applied to `optimizer` (which must be the same kind of optimizer).
 */
export async function fromArtifacts(artifacts: tf.io.ModelArtifacts, optimizer?: tf.Optimizer): Promise<{ policy: Policy; manifest: CheckpointManifest }> {
  const manifest = manifestOf(artifacts);
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error("checkpoint has no weights");
  const tensors = tf.io.decodeWeights(artifacts.weightData, artifacts.weightSpecs);
  const policy = taskDefinition(manifest.task).fromArchitecture(manifest.architecture);
  try {
    policy.params.assign(tensors);
    if (optimizer) {
      const state = Object.entries(tensors).filter(([k]) => k.startsWith(OPT_PREFIX)).map(([k, tensor]) => ({ name: k.slice(OPT_PREFIX.length), tensor }));
      if (state.length > 0) await optimizer.setWeights(state);
    }
  } catch (err) {
    policy.dispose();
    throw err;
  } finally {
    for (const t of Object.values(tensors)) t.dispose();
  }
  return { policy, manifest };
}
