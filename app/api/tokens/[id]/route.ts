import { NextResponse } from "next/server";
import { z } from "zod";
import { revokeApiToken } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "@/lib/server/edge";

const TokenParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected a token id") });

/** DELETE /api/tokens/<id>: revokes one of the caller's tokens at once. 200 `{ revoked: true }`; 404 when it is not theirs or already revoked. */
export const DELETE = route({
  surface: "api_token",
  action: "revoke API tokens",
  access: ["engineer", "admin"],
  params: TokenParams,
  handler: async ({ db, user, params }) => {
    if (!(await revokeApiToken(db, { id: params.id, userId: user.id, now: new Date() }))) {
      throw new StudioError("not_found:api_token", `you have no live API token ${params.id}`);
    }
    return NextResponse.json({ revoked: true });
  },
});
