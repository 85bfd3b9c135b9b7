import "server-only";
import { NextResponse } from "next/server";
import { StudioError } from "@/lib/errors";

/**
 * Turns an error into the JSON response a client can act on (with Retry-After on a 429);
 * unknown errors are logged, not leaked.
 */
export function errorResponse(err: unknown): NextResponse {
  if (err instanceof StudioError) {
    const headers: Record<string, string> = err.retryAfterSeconds !== undefined ? { "retry-after": String(err.retryAfterSeconds) } : {};
    return NextResponse.json(err.toJSON(), { status: err.status, headers });
  }
  console.error(err);
  return NextResponse.json({ code: "internal:server", message: "unexpected server error; see the server log" }, { status: 500 });
}
