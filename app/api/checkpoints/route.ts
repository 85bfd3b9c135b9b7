import { NextResponse } from "next/server";
import { z } from "zod";
import { listCheckpoints } from "@/lib/db";
import { env } from "@/lib/env";
import { TASK_IDS } from "@/lib/rewards";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";
import { findRunForWrite } from "@/lib/server/run-access";
import { UploadQuery } from "@/lib/server/run-schemas";
import {
  checkpointsRoot, describeCheckpoint, MAX_UPLOAD_BYTES, parseCheckpointForm, storeCheckpoint, UPLOAD_FORM,
} from "@/lib/server/checkpoint-store";

const ListQuery = z.object({ task: z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` }).optional() }).strict();

/** GET /api/checkpoints?task=captioning: the checkpoints stored on this server, oldest first. Engineers and admins only (raters rate blind). */
export const GET = route({
  surface: "checkpoint",
  action: "list checkpoints",
  access: ["engineer", "admin"],
  query: ListQuery,
  handler: async ({ db, query }) => {
    const rows = await listCheckpoints(db, query);
    return NextResponse.json({ checkpoints: rows.map(describeCheckpoint) });
  },
});

/**
 * POST /api/checkpoints[?name=...][&run=<id>&step=<k>]: stores a checkpoint sent as
 * `tf.io.http(url).save()` sends it (multipart model.json + model.weights.bin, at most 16 MB).
 * Engineers and admins only. With run and step, the checkpoint is recorded as that run's output
 * at that step (only the run's owner or an admin may; the model must be of the run's task). 201
 * with the stored checkpoint (the existing one when the same content was uploaded before); its
 * files are then served at /api/checkpoints/<id>/model.json.
 */
export const POST = route({
  surface: "checkpoint",
  action: "upload checkpoints",
  access: ["engineer", "admin"],
  tokenScope: "runs",
  query: UploadQuery,
  body: { kind: "multipart", maxBytes: MAX_UPLOAD_BYTES, describe: UPLOAD_FORM, parse: parseCheckpointForm },
  authorize: async ({ db, query, body, user }) => {
    if (query.run === undefined) return;
    const run = await findRunForWrite(db, { id: query.run, user, action: "upload its checkpoints" });
    if (run.task !== body.manifest.task) {
      throw new StudioError("bad_request:checkpoint", `run: run ${run.id} is a ${run.task} run; this is a ${body.manifest.task} checkpoint`, { field: "run" });
    }
  },
  handler: async ({ db, query, body, user }) => {
    const { checkpoint } = await storeCheckpoint(db, {
      root: checkpointsRoot(env().dataDir), ...body, uploaderId: user.id, ...(query.name ? { name: query.name } : {}),
      ...(query.run !== undefined && query.step !== undefined ? { producedById: query.run, step: query.step } : {}),
    });
    // A retry (the same content again) is answered like the first upload, with the same checkpoint.
    return NextResponse.json({ checkpoint: describeCheckpoint(checkpoint) }, { status: 201 });
  },
});
