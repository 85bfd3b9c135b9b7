import { NextResponse } from "next/server";
import { z } from "zod";
import { authenticate, endSession, sessionUser, startSession } from "@/lib/auth";
import { db } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { errorResponse } from "@/lib/server/http";
import { firstIssue } from "@/lib/validation";

const SignIn = z
  .object({
    email: z.string({ error: "expected the account's email" }).trim().min(3, "expected the account's email").max(320),
    password: z.string({ error: "expected the password" }).min(1, "expected the password").max(1000, "expected at most 1000 characters"),
  })
  .strict();

/** GET /api/session: `{ user }` when signed in, `{ user: null }` otherwise. */
export async function GET(request: Request): Promise<NextResponse> {
  try {
    return NextResponse.json({ user: await sessionUser(db(), { request }) }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}

/** POST /api/session { email, password }: signs in; 200 `{ user }` with the session cookie, 401 when wrong. */
export async function POST(request: Request): Promise<NextResponse> {
  try {
    const raw: unknown = await request.json().catch(() => {
      throw new StudioError("bad_request:session", "body: expected JSON { email, password }", { field: "body" });
    });
    const parsed = SignIn.safeParse(raw);
    if (!parsed.success) {
      const { field, message } = firstIssue(parsed.error);
      throw new StudioError("bad_request:session", `${field || "body"}: ${message}`, { field: field || "body" });
    }
    const user = await authenticate(db(), parsed.data);
    const response = NextResponse.json({ user });
    startSession(response, { user, request });
    return response;
  } catch (err) {
    return errorResponse(err);
  }
}

/** DELETE /api/session: signs out (clears the cookie). */
export function DELETE(request: Request): NextResponse {
  const response = NextResponse.json({ user: null });
  endSession(response, { request });
  return response;
}
