import { NextResponse } from "next/server";
import { z } from "zod";
import { requireRole, sessionUser } from "@/lib/auth";
import { db, listCheckpoints } from "@/lib/db";
import { env } from "@/lib/env";
import { TASK_IDS } from "@/lib/rewards";
import { errorResponse, parseQuery } from "@/lib/server/http";
import { checkpointsRoot, describeCheckpoint, readCheckpointUpload, storeCheckpoint } from "@/lib/server/checkpoint-store";

const ListQuery = z.object({ task: z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` }).optional() });
const UploadQuery = z.object({
  name: z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, "expected 1 to 100 letters, digits, '.', '_' or '-'").optional(),
});

/** GET /api/checkpoints?task=captioning: the checkpoints stored on this server, oldest first. */
export async function GET(request: Request): Promise<NextResponse> {
  try {
    const q = parseQuery(ListQuery, new URL(request.url), "checkpoint");
    const rows = await listCheckpoints(db(), q);
    return NextResponse.json({ checkpoints: rows.map(describeCheckpoint) });
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * POST /api/checkpoints[?name=...]: stores a checkpoint sent as `tf.io.http(url).save()` sends
 * it (multipart model.json + model.weights.bin). Engineers and admins only. 201 with the
 * stored checkpoint; its files are then served at /api/checkpoints/<id>/model.json.
 */
export async function POST(request: Request): Promise<NextResponse> {
  try {
    const q = parseQuery(UploadQuery, new URL(request.url), "checkpoint");
    // Who is asking is checked before the body (up to 16 MB) is read.
    requireRole(await sessionUser(db(), { request }), { roles: ["engineer", "admin"], surface: "checkpoint", action: "upload checkpoints" });
    const upload = await readCheckpointUpload(request);
    const row = await storeCheckpoint(db(), { root: checkpointsRoot(env().dataDir), ...upload, ...(q.name ? { name: q.name } : {}) });
    return NextResponse.json({ checkpoint: describeCheckpoint(row) }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
