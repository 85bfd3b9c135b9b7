import { NextResponse } from "next/server";
import { z } from "zod";
import { FINGERPRINT_MAX_PIXELS, fingerprintChunkSize, hashScenes, SPLITS } from "@/lib/data";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";

const FingerprintQuery = z.object({
  split: z.enum(["train", "val", "test"], { error: 'expected one of "train", "val", "test"' }),
  start: z.coerce.number().int("expected a whole number").min(0, "expected a scene index of 0 or more").default(0),
  count: z.coerce.number().int("expected a whole number").min(1, "expected 1 to 1000").max(1000, "expected 1 to 1000").default(16),
  size: z.coerce.number().int("expected a whole number").min(16).max(256).default(32),
}).strict();

/**
 * GET /api/data/fingerprint?split=train&start=0&count=16: SHA-256 over the canonical bytes of
 * those scenes, as Node generates them, to compare with a browser's own computation. At most
 * count × size² = FINGERPRINT_MAX_PIXELS per request, so one request holds the event loop for
 * about 50 ms; longer ranges are asked for in chunks (lib/data fingerprintChunks).
 */
export const GET = route({
  surface: "fingerprint",
  action: "fingerprint scenes",
  access: "public",
  query: FingerprintQuery,
  handler: ({ query: q }) => {
    if (q.count * q.size * q.size > FINGERPRINT_MAX_PIXELS) {
      const most = fingerprintChunkSize(q.size);
      throw new StudioError(
        "bad_request:fingerprint",
        `count: expected at most ${most} scene${most > 1 ? "s" : ""} of size ${q.size} per request (count × size² <= ${FINGERPRINT_MAX_PIXELS}); ask for longer ranges in chunks`,
        { field: "count" },
      );
    }
    const split = SPLITS[q.split];
    if (q.start + q.count > split.count) {
      throw new StudioError("bad_request:fingerprint", `start + count: expected at most ${split.count} scenes in ${q.split}`, {
        field: "count",
      });
    }
    const seeds = Array.from({ length: q.count }, (_, i) => split.start + q.start + i);
    return NextResponse.json({ ...q, firstSeed: seeds[0], sha256: hashScenes(seeds, { size: q.size }) });
  },
});
