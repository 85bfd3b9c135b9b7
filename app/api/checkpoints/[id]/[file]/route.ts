import { z } from "zod";
import { env } from "@/lib/env";
import { route } from "@/lib/server/edge";
import { checkpointsRoot, readCheckpointFile } from "@/lib/server/checkpoint-store";

// Any text: readCheckpointFile answers 404 for names that are not a checkpoint's files.
const FileParams = z.object({ id: z.string().max(200), file: z.string().max(200) });

/**
 * GET /api/checkpoints/<id>/model.json and /api/checkpoints/<id>/weights-<hash>.bin: a stored
 * checkpoint's files, so `tf.io.http("/api/checkpoints/<id>/model.json").load()` works. Engineers and admins only (raters rate blind).
 */
export const GET = route({
  surface: "checkpoint",
  action: "read checkpoints",
  access: ["engineer", "admin"],
  params: FileParams,
  handler: async ({ db, params }) => {
    const { body, type } = await readCheckpointFile(db, { root: checkpointsRoot(env().dataDir), ...params });
    // Only for signed-in users, so never in a shared cache. Stored checkpoints never change and
    // the weights' name is their content hash; model.json is revalidated (its access may end).
    const cache = params.file === "model.json" ? "private, no-cache" : "private, max-age=31536000, immutable";
    return new Response(new Uint8Array(body), { headers: { "content-type": type, "cache-control": cache } });
  },
});
