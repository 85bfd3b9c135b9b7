/**
 * A server run's checkpoints from the tab: the policy with its optimizer state (toArtifacts),
 * kept in this browser's IndexedDB (one copy per run, the latest) and uploaded to the server
 * linked to the run and step (POST /api/checkpoints?run=&step=), where a resume finds it.
 */
import type * as tf from "@tensorflow/tfjs-core";
import type { RewardSpec } from "@/lib/rewards";
import type { Policy } from "@/lib/tasks";
import { BROWSER_PREFIX, saveBrowserCheckpoint, uploadArtifacts } from "../browser-checkpoints";
import { toArtifacts, type CheckpointManifest } from "../checkpoint";
import type { ReinforceSettings } from "../settings";

/** This browser's copy of a run's latest checkpoint. */
export const runBrowserUri = (runId: string) => `${BROWSER_PREFIX}run-${runId}`;

export interface RunCheckpointContext {
  runId: string;
  policy: Policy;
  optimizer: tf.Optimizer;
  settings: ReinforceSettings;
  spec: RewardSpec;
  /** The base checkpoint's address (the manifest's parent). */
  parent: string;
  backend: string;
}

/** Saves the policy at `step` steps done and uploads it; returns the server's model.json address. */
export async function saveRunCheckpoint(c: RunCheckpointContext, step: number, evalMetrics: Record<string, number> | null): Promise<string> {
  const manifest: CheckpointManifest = {
    format: "reward-studio-checkpoint/1", task: c.settings.task, architecture: c.policy.architecture, params: c.policy.params.count(),
    parent: c.parent, run: { id: c.runId, kind: "reinforce", step, seed: c.settings.seed, settings: c.settings, backend: c.backend },
    rewardSpec: c.spec, evalMetrics, createdAt: new Date().toISOString(),
  };
  const artifacts = await toArtifacts(c.policy, manifest, c.optimizer);
  await saveBrowserCheckpoint(runBrowserUri(c.runId), artifacts);
  const stored = await uploadArtifacts(artifacts, { name: `run-${c.runId}-step-${step}`, run: c.runId, step });
  return stored.uri;
}
