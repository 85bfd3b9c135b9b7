/**
 * Models loaded in the server process (Node, TF.js WASM): the rating campaigns' outputs today,
 * the predict endpoint's next. A checkpoint is read from its folder once and kept, keyed by its
 * id (a checkpoint's files never change: uploads are content-addressed, shipped models are
 * registered by path); the least recently used is disposed past `MAX_LOADED`.
 */
import path from "node:path";
import { env } from "@/lib/env";
import { checkpointsRoot } from "@/lib/server/checkpoint-paths";
import { fromArtifacts, selectBackend } from "@/lib/training";
import { loadCheckpointDir } from "@/lib/training/node/checkpoint-files";
import { nodeWasmPaths } from "@/lib/training/node/wasm-paths";
import { SERVER_CHECKPOINTS } from "@/lib/training/checkpoint-uris";
import type { Policy } from "@/lib/tasks";

/** Models kept loaded at once (a few MB each). */
export const MAX_LOADED = 8;

export interface ModelDirs {
  /** public/ (shipped models live at public/models/<task>/<kind>). */
  publicDir: string;
  /** The stored checkpoints' folder (<data>/checkpoints/<id>). */
  checkpointsDir: string;
}

/** This server's folders: public/ under the working directory, and the data folder's checkpoints. */
export function appModelDirs(): ModelDirs {
  return { publicDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), "public"), checkpointsDir: checkpointsRoot(env().dataDir) };
}

/** The folder holding a checkpoint's model.json, from its address: a shipped path or a stored upload. */
export function checkpointFolder(uri: string, dirs: ModelDirs): string {
  const stored = new RegExp(`^${SERVER_CHECKPOINTS}/([A-Za-z0-9_-]{1,64})/model\\.json$`).exec(uri);
  if (stored) return path.join(dirs.checkpointsDir, stored[1]!);
  if (/^\/models\/[a-z]+\/[A-Za-z0-9_-]+\/model\.json$/.test(uri)) return path.join(dirs.publicDir, path.dirname(uri));
  throw new Error(`checkpoint address ${uri} is neither a shipped model nor a stored upload`);
}

let backend: Promise<unknown> | undefined;
const loaded = new Map<string, Promise<Policy>>();

/**
 * Starts TF.js's WASM backend once per process. The binaries are read from public/tfjs (copied
 * there at install for the browser): inside the Next server bundle, resolving the package's own
 * folder is not available.
 */
export function ensureServerBackend(dirs?: ModelDirs): Promise<unknown> {
  const wasmPaths = dirs ? `${path.join(dirs.publicDir, "tfjs")}${path.sep}` : nodeWasmPaths();
  backend ??= selectBackend("wasm", { wasmPaths }).catch((err: unknown) => {
    backend = undefined;
    throw err;
  });
  return backend;
}

/** The checkpoint's policy, loaded once and reused (most recently used kept). Callers must not dispose it. */
export async function serverPolicy(checkpoint: { id: string; uri: string }, dirs: ModelDirs): Promise<Policy> {
  await ensureServerBackend(dirs);
  let p = loaded.get(checkpoint.id);
  if (p) {
    loaded.delete(checkpoint.id);
    loaded.set(checkpoint.id, p);
    return p;
  }
  p = loadCheckpointDir(checkpointFolder(checkpoint.uri, dirs)).then(async (artifacts) => (await fromArtifacts(artifacts)).policy);
  loaded.set(checkpoint.id, p);
  p.catch(() => loaded.delete(checkpoint.id));
  while (loaded.size > MAX_LOADED) {
    const [oldest, policy] = loaded.entries().next().value as [string, Promise<Policy>];
    loaded.delete(oldest);
    void policy.then((x) => x.dispose(), () => undefined);
  }
  return p;
}
