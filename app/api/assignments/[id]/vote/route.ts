import { NextResponse } from "next/server";
import { castVote, findAssignment, undoVote } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { ASSIGNMENT_TTL_MS, IdParams, VoteSchema, type VoteAnswer } from "@/lib/rating/contract";
import { route } from "@/lib/server/edge";
import { IdempotencyKey } from "@/lib/server/run-schemas";

/** 404 for an unknown assignment, 403 for someone else's. */
async function ownAssignment(db: Parameters<typeof findAssignment>[0], input: { id: string; userId: string }) {
  const a = await findAssignment(db, { id: input.id });
  if (!a) throw new StudioError("not_found:assignment", "no assignment with this id");
  if (a.raterId !== input.userId) throw new StudioError("forbidden:assignment", "this assignment was handed to another rater");
  return a;
}

/**
 * POST /api/assignments/<id>/vote `{ choice: left|right|tie|both_bad|skip, comment? }` with an
 * `Idempotency-Key` header (required): stores the vote once. 201 `{ vote, replayed: false }`; the
 * same key again (a retry, a double click) 200 with the same vote and `replayed: true`; another
 * key on a voted assignment 409; someone else's assignment 403.
 */
export const POST = route({
  surface: "vote",
  action: "vote on this assignment",
  access: "signed-in",
  params: IdParams,
  body: { kind: "json", schema: VoteSchema, maxBytes: 8 * 1024 },
  authorize: async ({ db, params, user }) => { await ownAssignment(db, { id: params.id, userId: user.id }); },
  handler: async ({ db, params, body, user, request }) => {
    const header = request.headers.get("idempotency-key");
    if (header === null) throw new StudioError("bad_request:vote", "Idempotency-Key: expected a header naming this vote (any 1 to 200 visible ASCII characters, new for each vote)", { field: "Idempotency-Key" });
    const key = IdempotencyKey.safeParse(header);
    if (!key.success) throw new StudioError("bad_request:vote", `Idempotency-Key: ${key.error.issues[0]?.message ?? "invalid"}`, { field: "Idempotency-Key" });
    // The transaction reads the assignment again (its sides, its vote) and refuses anyone else's.
    const r = await castVote(db, { assignmentId: params.id, raterId: user.id, side: body.choice, comment: body.comment, idempotencyKey: key.data, now: new Date() });
    const answer: VoteAnswer = { vote: { assignmentId: params.id, choice: r.side, createdAt: r.vote.createdAt.toISOString() }, replayed: r.replayed };
    return NextResponse.json(answer, { status: r.replayed ? 200 : 201 });
  },
});

/**
 * DELETE /api/assignments/<id>/vote: takes back your last vote in the campaign while it is open;
 * the assignment is yours again and the next /next hands it back. 200 `{ undone: true }`, also
 * for an assignment already undone. 409 for an older vote or a closed campaign.
 */
export const DELETE = route({
  surface: "vote",
  action: "undo this vote",
  access: "signed-in",
  params: IdParams,
  authorize: async ({ db, params, user }) => { await ownAssignment(db, { id: params.id, userId: user.id }); },
  handler: async ({ db, params, user }) => {
    await undoVote(db, { assignmentId: params.id, raterId: user.id, now: new Date(), ttlMs: ASSIGNMENT_TTL_MS });
    return NextResponse.json({ undone: true });
  },
});
