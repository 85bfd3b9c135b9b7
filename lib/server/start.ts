import path from "node:path";
import { createDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { checkpointsRoot } from "./checkpoint-paths";
import { sweepCheckpointOrphans } from "./checkpoint-sweep";
import { registerShippedCheckpoints } from "./shipped-checkpoints";

/** At server start: removes what crashed checkpoint uploads left behind (and says so), and registers the shipped models. */
export async function sweepAtStart(log: (line: string) => void = console.log): Promise<void> {
  const db = createDb(env().database);
  try {
    const r = await sweepCheckpointOrphans(db, { root: checkpointsRoot(env().dataDir) });
    const removed = r.temporaryFolders + r.rowlessFolders + r.filelessRows;
    if (removed > 0) {
      log(`checkpoints: swept ${r.temporaryFolders} unfinished upload folder(s), ${r.rowlessFolders} folder(s) without a row, ${r.filelessRows} row(s) without files`);
    }
    await registerShippedCheckpoints(db, { publicDir: path.resolve("public") });
  } finally {
    await db.$disconnect();
  }
}
