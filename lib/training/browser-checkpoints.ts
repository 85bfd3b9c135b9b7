/**
 * Checkpoints in a browser (page or Web Worker): saved to and listed from IndexedDB under
 * `indexeddb://reward-studio/...`, loaded from IndexedDB or from the server over HTTP (the
 * shipped models under /models/<task>/<kind>/model.json). Same artifacts and manifest as the
 * files the CLI writes (./checkpoint.ts).
 */
import * as tf from "@tensorflow/tfjs-core";
import type { TaskId } from "@/lib/rewards";
import { manifestOf, type CheckpointManifest } from "./checkpoint";

export const BROWSER_PREFIX = "indexeddb://reward-studio/";

/** Where a shipped checkpoint is served: public/models/<task>/<kind>/model.json. */
export const shippedUri = (task: TaskId, kind: "mle" | "tuned"): string => `/models/${task}/${kind}/model.json`;

export interface StoredCheckpoint {
  uri: string;
  manifest: CheckpointManifest;
  bytes: number;
  savedAt: string;
}

/** A new IndexedDB address for a run's checkpoint, e.g. indexeddb://reward-studio/captioning-reinforce-20261128T053012. */
export function newBrowserUri(task: TaskId, kind: "mle" | "reinforce", now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  return `${BROWSER_PREFIX}${task}-${kind}-${stamp}`;
}

/**
 * Loads checkpoint artifacts from `uri`: an `indexeddb://reward-studio/...` address or a path on
 * this server ending in model.json. Anything else is refused with a message naming the address.
 */
export async function loadBrowserCheckpoint(uri: string): Promise<tf.io.ModelArtifacts> {
  let handler: tf.io.IOHandler | undefined;
  if (uri.startsWith(BROWSER_PREFIX)) handler = tf.io.getLoadHandlers(uri)[0];
  else if (uri.startsWith("/") && !uri.startsWith("//") && uri.endsWith("/model.json")) handler = tf.io.http(uri);
  if (!handler?.load) throw new Error(`checkpoint ${uri}: expected ${BROWSER_PREFIX}<name> or a /…/model.json path on this server`);
  const artifacts = await handler.load();
  manifestOf(artifacts); // refuses anything that is not a Reward Studio checkpoint
  return artifacts;
}

/** Saves artifacts to IndexedDB at `uri` (must start with BROWSER_PREFIX). */
export async function saveBrowserCheckpoint(uri: string, artifacts: tf.io.ModelArtifacts): Promise<void> {
  if (!uri.startsWith(BROWSER_PREFIX)) throw new Error(`checkpoint ${uri}: browser checkpoints live under ${BROWSER_PREFIX}`);
  const handler = tf.io.getSaveHandlers(uri)[0];
  if (!handler?.save) throw new Error("IndexedDB is not available in this browser");
  await handler.save(artifacts);
}

/** Reward Studio checkpoints saved in this browser, newest first. */
export async function listBrowserCheckpoints(): Promise<StoredCheckpoint[]> {
  const all = await tf.io.listModels();
  const out: StoredCheckpoint[] = [];
  for (const [uri, info] of Object.entries(all)) {
    if (!uri.startsWith(BROWSER_PREFIX)) continue;
    try {
      const manifest = manifestOf(await loadBrowserCheckpoint(uri));
      out.push({ uri, manifest, bytes: info.weightDataBytes ?? 0, savedAt: new Date(info.dateSaved).toISOString() });
    } catch {
      // Not readable as a checkpoint (older format, partial write): skipped, can still be removed.
    }
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function removeBrowserCheckpoint(uri: string): Promise<void> {
  if (!uri.startsWith(BROWSER_PREFIX)) throw new Error(`checkpoint ${uri}: not a browser checkpoint`);
  await tf.io.removeModel(uri);
}
