import { NextResponse } from "next/server";
import { z } from "zod";
import { endSession, signIn, startSession } from "@/lib/auth";
import { route } from "@/lib/server/edge";

const SignIn = z
  .object({
    email: z.string({ error: "expected the account's email" }).trim().min(3, "expected the account's email").max(320),
    password: z.string({ error: "expected the password" }).min(1, "expected the password").max(1000, "expected at most 1000 characters"),
  })
  .strict();

/** GET /api/session: `{ user }` when signed in, `{ user: null }` otherwise (a revoked session at once). */
export const GET = route({
  surface: "session",
  action: "see who is signed in",
  access: "optional",
  handler: ({ user }) => NextResponse.json({ user }),
});

/**
 * POST /api/session { email, password } (JSON, same-origin): signs in; 200 `{ user }` with the
 * session cookie, 401 when wrong, 429 with Retry-After while the account or address is locked.
 */
export const POST = route({
  surface: "session",
  action: "sign in",
  access: "public",
  body: { kind: "json", schema: SignIn, maxBytes: 4096 },
  handler: async ({ db, body, request, address }) => {
    const user = await signIn(db, { ...body, address });
    const response = NextResponse.json({ user });
    await startSession(db, response, { user, request });
    return response;
  },
});

/** DELETE /api/session: signs out: the session is revoked on the server and the cookie cleared. */
export const DELETE = route({
  surface: "session",
  action: "sign out",
  access: "public",
  handler: async ({ db, request }) => {
    const response = NextResponse.json({ user: null });
    await endSession(db, response, { request });
    return response;
  },
});
