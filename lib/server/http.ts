import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { StudioError } from "@/lib/errors";

/**
 * Parses a request's query string with `schema`; the first problem becomes
 * `bad_request:<surface>` naming the parameter and what was expected.
 */
export function parseQuery<T extends z.ZodType>(schema: T, url: URL, surface: string): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "query";
  throw new StudioError(`bad_request:${surface}`, `${field}: ${issue?.message ?? "invalid"}`, { field });
}

/** Turns an error into the JSON response a client can act on; unknown errors are logged, not leaked. */
export function errorResponse(err: unknown): NextResponse {
  if (err instanceof StudioError) return NextResponse.json(err.toJSON(), { status: err.status });
  console.error(err);
  return NextResponse.json({ code: "internal:server", message: "unexpected server error; see the server log" }, { status: 500 });
}
