/**
 * The orphan sweep at server start (DESIGN: "files are written before the row that points at
 * them; orphans are swept at start"). Three kinds, under `<data dir>/checkpoints/`:
 *  - `.upload-<pid>-<boot>-<id>` folders of uploads that never finished: removed unless they
 *    belong to another process that is still running (same pid, other boot token: a pid the
 *    OS reused after a crash, so removed too);
 *  - `<id>` folders without a row (a crash between the rename and the insert), once older
 *    than ORPHAN_GRACE_MS, since a live upload in another process sits there for milliseconds;
 *  - rows of stored checkpoints whose folder has no model.json (from before files-first).
 */
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
// Not lib/db's index: this runs at server start, outside the server-only bundle.
import type { Db } from "@/lib/db/client";
import { deleteCheckpoint, listStoredCheckpointIds } from "@/lib/db/queries/checkpoints";
import { SERVER_CHECKPOINTS } from "@/lib/training/checkpoint-uris";
import { CHECKPOINT_ID, PROCESS_BOOT } from "./checkpoint-paths";

/** A row-less folder younger than this may be an upload in flight in another process. */
export const ORPHAN_GRACE_MS = 60 * 1000;

const UPLOAD = /^\.upload-(\d+)-([0-9a-f]+)-/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Whether a temporary upload folder's writer is gone. */
function abandoned(name: string): boolean {
  const m = name.match(UPLOAD);
  if (!m) return true;
  const [pid, boot] = [Number(m[1]), m[2]];
  if (boot === PROCESS_BOOT) return false;
  return pid === process.pid || !isRunning(pid);
}

export interface SweepReport {
  temporaryFolders: number;
  rowlessFolders: number;
  filelessRows: number;
}

/** Removes what crashed uploads left behind; returns what it removed. */
export async function sweepCheckpointOrphans(db: Db, input: { root: string; now?: Date }): Promise<SweepReport> {
  const report: SweepReport = { temporaryFolders: 0, rowlessFolders: 0, filelessRows: 0 };
  const now = (input.now ?? new Date()).getTime();
  const rows = await listStoredCheckpointIds(db, { uriPrefix: `${SERVER_CHECKPOINTS}/` });
  const listed = new Set(rows.map((r) => r.id));
  const entries = existsSync(input.root) ? readdirSync(input.root) : [];
  for (const name of entries) {
    const full = path.join(input.root, name);
    if (name.startsWith(".upload-")) {
      if (abandoned(name)) {
        rmSync(full, { recursive: true, force: true });
        report.temporaryFolders++;
      }
    } else if (CHECKPOINT_ID.test(name) && !listed.has(name) && now - statSync(full).mtimeMs >= ORPHAN_GRACE_MS) {
      rmSync(full, { recursive: true, force: true });
      report.rowlessFolders++;
    }
  }
  for (const row of rows) {
    if (existsSync(path.join(input.root, row.id, "model.json"))) continue;
    try {
      await deleteCheckpoint(db, { id: row.id });
      report.filelessRows++;
    } catch (err) {
      // Referenced by a comparison or a roll-out: keep the row, say so.
      console.warn(`checkpoint ${row.id} has no files but cannot be removed: ${(err as Error).message}`);
    }
  }
  return report;
}
