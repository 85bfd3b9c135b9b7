/**
 * Checkpoints in a browser (page or Web Worker): saved to and listed from IndexedDB under
 * `indexeddb://reward-studio/...`, loaded from IndexedDB or from the server over HTTP (the
 * shipped models under /models/<task>/<kind>/model.json, uploaded ones under
 * /api/checkpoints/<id>/model.json), and uploaded to the server. Same artifacts and manifest as
 * the files the CLI writes (./checkpoint.ts).
 */
import * as tf from "@tensorflow/tfjs-core";
import type { TaskId } from "@/lib/rewards";
import { manifestOf, type CheckpointManifest } from "./checkpoint";
import { BROWSER_PREFIX, checkpointLabel, SERVER_CHECKPOINTS } from "./checkpoint-uris";

export { BROWSER_PREFIX, SERVER_CHECKPOINTS, checkpointLabel, shippedUri } from "./checkpoint-uris";

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
 * this server ending in model.json (a shipped model, or an uploaded one at
 * /api/checkpoints/<id>/model.json). Anything else is refused with a message naming the address.
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

/** A checkpoint stored on the server, as GET /api/checkpoints lists it. */
export interface ServerCheckpoint {
  id: string;
  name: string;
  task: TaskId;
  kind: "mle" | "reinforce" | null;
  params: number;
  step: number | null;
  parent: string | null;
  evalMetrics: Record<string, number | null> | null;
  /** When the server stored it. */
  createdAt: string;
  /** When the checkpoint itself was saved (its manifest's createdAt): matches the browser copy. */
  savedAt: string;
  /** Its model.json on the server, loadable with tf.io.http (and as a run's `from`). */
  uri: string;
}

/** The server refused a request: its HTTP status, typed code (`unauthorized:checkpoint`) and message. */
export class ServerRefusal extends Error {
  constructor(message: string, readonly status: number, readonly code: string) {
    super(message);
    this.name = "ServerRefusal";
  }
}

async function refusal(res: Response): Promise<ServerRefusal> {
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  return new ServerRefusal(body?.message ?? `the server answered HTTP ${res.status}`, res.status, body?.code ?? `http:${res.status}`);
}

/**
 * Uploads the checkpoint saved in this browser at `uri` to the server, exactly as
 * `tf.io.http(url).save()` sends a model (multipart model.json + model.weights.bin), and returns
 * it as the server stored it. `link` names the run (and step) it is a checkpoint of. A refusal
 * (not signed in, not allowed, invalid) is a ServerRefusal with the server's message.
 */
export async function uploadCheckpoint(uri: string, link: { run?: string; step?: number } = {}): Promise<ServerCheckpoint> {
  if (!uri.startsWith(BROWSER_PREFIX)) throw new Error(`checkpoint ${uri}: only checkpoints saved in this browser can be uploaded`);
  return uploadArtifacts(await loadBrowserCheckpoint(uri), { name: checkpointLabel(uri), ...link });
}

/** Uploads checkpoint artifacts under `name`, linked to `run` at `step` when given (POST /api/checkpoints?name=&run=&step=). */
export async function uploadArtifacts(artifacts: tf.io.ModelArtifacts, opts: { name: string; run?: string; step?: number }): Promise<ServerCheckpoint> {
  const query = new URLSearchParams({ name: opts.name });
  if (opts.run !== undefined) query.set("run", opts.run);
  if (opts.step !== undefined) query.set("step", String(opts.step));
  // tf.io.http reports a refusal only as "failed due to HTTP response status N": keep the
  // response to read the server's own message.
  let response: Response | undefined;
  const handler = tf.io.http(`${SERVER_CHECKPOINTS}?${query}`, {
    fetchFunc: async (input: RequestInfo | URL, init?: RequestInit) => (response = await fetch(input, init)),
  });
  if (!handler.save) throw new Error("upload: TF.js has no HTTP save handler here");
  try {
    await handler.save(artifacts);
  } catch (err) {
    if (!response || response.ok) throw err;
  }
  if (!response) throw new Error("upload: no response from the server");
  if (!response.ok) throw await refusal(response);
  return ((await response.json()) as { checkpoint: ServerCheckpoint }).checkpoint;
}

/** The checkpoints stored on the server, of one task or all, oldest first. */
export async function listServerCheckpoints(task?: TaskId): Promise<ServerCheckpoint[]> {
  const res = await fetch(task ? `${SERVER_CHECKPOINTS}?task=${task}` : SERVER_CHECKPOINTS, { cache: "no-store" });
  if (!res.ok) throw await refusal(res);
  return ((await res.json()) as { checkpoints: ServerCheckpoint[] }).checkpoints;
}
