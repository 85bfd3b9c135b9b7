/**
 * Where stored checkpoints live on disk, without the store's dependencies, so the sweep at
 * server start (instrumentation.ts, outside the React Server bundle) can use it too.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";

/** The folder that holds the stored checkpoints, one folder per id. */
export const checkpointsRoot = (dataDir: string): string => path.join(dataDir, "checkpoints");

/** A stored checkpoint's folder name (its id). */
export const CHECKPOINT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Marks this process's temporary upload folders: `.upload-<pid>-<boot>-<id>`. */
export const PROCESS_BOOT = randomBytes(6).toString("hex");
export const uploadFolderName = (id: string): string => `.upload-${process.pid}-${PROCESS_BOOT}-${id}`;
