import type { Scene, Split } from "@/lib/data";
import type { OutputOf, TaskId } from "@/lib/rewards";
import { taskDefinition, type Policy } from "@/lib/tasks";
import { heldOutScenes } from "./scenes";

/**
 * Greedy-decodes the first `count` scenes of `split` in batches and returns the task's metrics
 * under the names the rewards use (CIDEr, AP, PQ, colorfulness...).
 */
export async function evaluatePolicy<T extends TaskId>(
  policy: Policy<T>, split: Split, count: number, batchSize = 64,
): Promise<Record<string, number>> {
  const scenes = heldOutScenes(split, count, imageSizeOf(policy));
  return taskDefinition(policy.task).evalMetrics(await greedyInBatches(policy, scenes, { batchSize }), scenes);
}

/** The policy's greedy outputs on `scenes`, decoded `batchSize` at a time; `between` runs after each batch (a server gives its event loop a turn). */
export async function greedyInBatches<T extends TaskId>(
  policy: Policy<T>, scenes: readonly Scene[], opts: { batchSize?: number; between?: () => Promise<void> } = {},
): Promise<OutputOf<T>[]> {
  const batchSize = opts.batchSize ?? 64;
  const outputs: OutputOf<T>[] = [];
  for (let i = 0; i < scenes.length; i += batchSize) {
    outputs.push(...(await policy.greedy(scenes.slice(i, i + batchSize))));
    await opts.between?.();
  }
  return outputs;
}

/** The square input size a policy was built for. */
export function imageSizeOf(policy: Policy): number {
  const vit = (policy.architecture.config as { vit?: { imageSize?: number } }).vit;
  return vit?.imageSize ?? 32;
}
