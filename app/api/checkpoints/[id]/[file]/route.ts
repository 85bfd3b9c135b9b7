import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/server/http";
import { checkpointsRoot, readCheckpointFile } from "@/lib/server/checkpoint-store";

/**
 * GET /api/checkpoints/<id>/model.json and /api/checkpoints/<id>/weights-<hash>.bin: a stored
 * checkpoint's files, so `tf.io.http("/api/checkpoints/<id>/model.json").load()` works.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ id: string; file: string }> }): Promise<Response> {
  try {
    const { id, file } = await ctx.params;
    const { body, type } = await readCheckpointFile(db(), { root: checkpointsRoot(env().dataDir), id, file });
    // Stored checkpoints never change; the weights' name is their content hash.
    const cache = file === "model.json" ? "no-cache" : "public, max-age=31536000, immutable";
    return new Response(new Uint8Array(body), { headers: { "content-type": type, "cache-control": cache } });
  } catch (err) {
    return errorResponse(err);
  }
}
