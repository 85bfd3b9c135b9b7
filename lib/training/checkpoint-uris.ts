/**
 * Where checkpoints live, as addresses: no TF.js here, so pages can name checkpoints without
 * loading it (./browser-checkpoints.ts does the reading and writing).
 */
import type { TaskId } from "@/lib/rewards/task-types";

/** Checkpoints saved in this browser's IndexedDB. */
export const BROWSER_PREFIX = "indexeddb://reward-studio/";

/** Where the server keeps uploaded checkpoints: GET lists them, POST stores one. */
export const SERVER_CHECKPOINTS = "/api/checkpoints";

/** Where a shipped checkpoint is served: public/models/<task>/<kind>/model.json. */
export const shippedUri = (task: TaskId, kind: "mle" | "tuned"): string => `/models/${task}/${kind}/model.json`;

/** A checkpoint's address as people read it: browser ones without the IndexedDB prefix. */
export const checkpointLabel = (uri: string): string => (uri.startsWith(BROWSER_PREFIX) ? uri.slice(BROWSER_PREFIX.length) : uri);
