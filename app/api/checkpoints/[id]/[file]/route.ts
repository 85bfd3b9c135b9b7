import { z } from "zod";
import { env } from "@/lib/env";
import { route } from "@/lib/server/edge";
import { checkpointsRoot, readCheckpointFile } from "@/lib/server/checkpoint-store";

// Any text: readCheckpointFile answers 404 for names that are not a checkpoint's files.
const FileParams = z.object({ id: z.string().max(200), file: z.string().max(200) });

/**
 * GET /api/checkpoints/<id>/model.json and /api/checkpoints/<id>/weights-<hash>.bin: a stored
 * checkpoint's files, so `tf.io.http("/api/checkpoints/<id>/model.json").load()` works.
 */
export const GET = route({
  surface: "checkpoint",
  action: "read checkpoints",
  access: "public",
  params: FileParams,
  handler: async ({ db, params }) => {
    const { body, type } = await readCheckpointFile(db, { root: checkpointsRoot(env().dataDir), ...params });
    // Stored checkpoints never change; the weights' name is their content hash.
    const cache = params.file === "model.json" ? "no-cache" : "public, max-age=31536000, immutable";
    return new Response(new Uint8Array(body), { headers: { "content-type": type, "cache-control": cache } });
  },
});
