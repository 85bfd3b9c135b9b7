import { NextResponse } from "next/server";
import { z } from "zod";
import { issueApiToken } from "@/lib/auth";
import { listApiTokens } from "@/lib/db";
import { route } from "@/lib/server/edge";
import { describeApiToken } from "@/lib/server/api-token-views";

const CreateToken = z.object({ name: z.string({ error: "expected a name" }).trim().min(1, "expected a name").max(100, "expected at most 100 characters") }).strict();

/** GET /api/tokens: the caller's live API tokens, newest first (never their secrets or hashes). Engineers and admins, signed in. */
export const GET = route({
  surface: "api_token",
  action: "list API tokens",
  access: ["engineer", "admin"],
  handler: async ({ db, user }) => NextResponse.json({ apiTokens: (await listApiTokens(db, { userId: user.id })).map(describeApiToken) }),
});

/**
 * POST /api/tokens { name }: a new API token for scripts (`Authorization: Bearer rs_...`, scope
 * "runs"). 201 `{ token, apiToken }`: the secret is in this answer only; the server keeps its
 * SHA-256. Engineers and admins, signed in (a token cannot make tokens).
 */
export const POST = route({
  surface: "api_token",
  action: "create API tokens",
  access: ["engineer", "admin"],
  body: { kind: "json", schema: CreateToken, maxBytes: 1024 },
  handler: async ({ db, user, body }) => {
    const { token, apiToken } = await issueApiToken(db, { userId: user.id, name: body.name });
    return NextResponse.json({ token, apiToken: describeApiToken(apiToken) }, { status: 201 });
  },
});
