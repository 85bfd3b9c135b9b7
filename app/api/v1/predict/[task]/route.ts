import { NextResponse } from "next/server";
import { z } from "zod";
import { countRequest } from "@/lib/db";
import { env } from "@/lib/env";
import { StudioError } from "@/lib/errors";
import { TASK_IDS } from "@/lib/rewards/task-types";
import { MAX_IMAGE_BYTES, PixelsJsonSchema, pixelsFromPng } from "@/lib/serving/input";
import { appModelDirs } from "@/lib/serving/models";
import { predict, setRolloutEvaluator } from "@/lib/serving/predict";
import { evaluateRollout } from "@/lib/server/rollout-store";
import { Admission } from "@/lib/serving/queue";
import { errorResponse } from "@/lib/server/http";
import { route } from "@/lib/server/edge";

// Predictions judge the task's live roll-out as they come in (at most every 2 s per process).
setRolloutEvaluator((db, rolloutId) => evaluateRollout(db, { rolloutId }));

const TaskParams = z.object({ task: z.enum(TASK_IDS, { error: `expected one of ${TASK_IDS.join(", ")}` }) }).strict();
/** The client's key for sticky routing (one client, one model): any 1 to 200 visible characters; only its SHA-256 is kept. */
const RequestKey = z.string().regex(/^[\x21-\x7e]{1,200}$/, "expected 1 to 200 visible ASCII characters");

/**
 * POST /api/v1/predict/<task>: an image in (`image/png`, or JSON `{ width, height, rgb }` with rgb
 * [height × width × 3] values 0-255), the model's output and the checkpoint that served it out:
 * `{ output, checkpoint: { id, name }, requestId, latencyMs, stats }`. Optional `X-Request-Key`
 * header: the client's key for sticky routing. An API token with scope "predict" (or a signed-in
 * engineer). 400 names what is wrong with the image (not a PNG, wrong size); 413 past 256 KB;
 * 429 past the per-token rate (RS_PREDICT_PER_MINUTE, default 600) and 503 when the inference
 * queue is full (or 64 requests are in progress in this process), both with Retry-After.
 */
const handle = route({
  surface: "predict",
  action: "get predictions",
  access: ["engineer", "admin"],
  tokenScope: "predict",
  params: TaskParams,
  body: { kind: "image", maxBytes: MAX_IMAGE_BYTES, schema: PixelsJsonSchema, png: pixelsFromPng, describe: "a PNG, or JSON { width, height, rgb }" },
  handler: async ({ db, params, body, request, credential }) => {
    const header = request.headers.get("x-request-key");
    const key = header === null ? undefined : RequestKey.safeParse(header);
    if (key && !key.success) throw new StudioError("bad_request:predict", `X-Request-Key: ${key.error.issues[0]?.message ?? "invalid"}`, { field: "X-Request-Key" });
    const limit = env().RS_PREDICT_PER_MINUTE;
    const counted = await countRequest(db, { key: `predict:${credential}`, limit, windowMs: 60_000, now: new Date() });
    if (!counted.allowed) throw new StudioError("too_many_requests:predict", `more than ${limit} predictions a minute for this key; try again in ${counted.retryAfterSeconds} s`, { retryAfterSeconds: counted.retryAfterSeconds });
    const p = await predict(db, { task: params.task, pixels: body, requestKey: key?.data, dirs: appModelDirs() });
    return NextResponse.json(p);
  },
});

/** Requests of this route in this process at once (64), counted from arrival: a flood is refused at the door. */
const door = new Admission(64);

export const POST = (request: Request, context?: { params: Promise<unknown> }): Promise<Response> => door.enter<Response>(
  () => handle(request, context),
  () => {
    const res = errorResponse(new StudioError("unavailable:predict", `${door.max} predictions are in progress on this server; try again shortly`, { retryAfterSeconds: 1 }));
    res.headers.set("cache-control", "no-store");
    return res;
  },
);
