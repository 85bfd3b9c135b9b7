import { NextResponse } from "next/server";
import { z } from "zod";
import { issueApiToken } from "@/lib/auth";
import { listApiTokens } from "@/lib/db";
import { route } from "@/lib/server/edge";
import { describeApiToken } from "@/lib/server/api-token-views";

/** What a token may open: "runs" (create runs, stream points, upload checkpoints), "predict" (the serving endpoint). */
const TOKEN_SCOPES = ["runs", "predict"] as const;
const CreateToken = z.object({
  name: z.string({ error: "expected a name" }).trim().min(1, "expected a name").max(100, "expected at most 100 characters"),
  scopes: z.array(z.enum(TOKEN_SCOPES, { error: `expected each of ${TOKEN_SCOPES.join(", ")}` })).min(1, "expected at least one scope").max(TOKEN_SCOPES.length).optional(),
}).strict();

/** GET /api/tokens: the caller's live API tokens, newest first (never their secrets or hashes). Engineers and admins, signed in. */
export const GET = route({
  surface: "api_token",
  action: "list API tokens",
  access: ["engineer", "admin"],
  handler: async ({ db, user }) => NextResponse.json({ apiTokens: (await listApiTokens(db, { userId: user.id })).map(describeApiToken) }),
});

/**
 * POST /api/tokens { name, scopes? }: a new API token for scripts (`Authorization: Bearer rs_...`;
 * scopes "runs" (the default) and/or "predict"). 201 `{ token, apiToken }`: the secret is in this answer only; the server keeps its
 * SHA-256. Engineers and admins, signed in (a token cannot make tokens).
 */
export const POST = route({
  surface: "api_token",
  action: "create API tokens",
  access: ["engineer", "admin"],
  body: { kind: "json", schema: CreateToken, maxBytes: 1024 },
  handler: async ({ db, user, body }) => {
    const { token, apiToken } = await issueApiToken(db, { userId: user.id, name: body.name, scopes: body.scopes ? [...new Set(body.scopes)] : undefined });
    return NextResponse.json({ token, apiToken: describeApiToken(apiToken) }, { status: 201 });
  },
});
