/**
 * The first three checks of the edge on a request's body: its size (413), its content type
 * (415) and its parse (400 naming the field). Nothing here knows about users.
 */
import "server-only";
import type { z } from "zod";
import { StudioError } from "@/lib/errors";
import { firstIssue } from "@/lib/validation";
import { findUnstorable } from "./unstorable";

/**
 * How a route takes its body: JSON checked by a zod schema, multipart parsed by `parse`, or an
 * image: the raw bytes of a PNG (`image/png`, given to `png`) or JSON checked by `schema`.
 */
export type BodySpec<B> =
  | { kind: "json"; schema: z.ZodType<B>; maxBytes?: number }
  | { kind: "multipart"; maxBytes: number; parse: (form: FormData) => B | Promise<B>; describe: string }
  | { kind: "image"; maxBytes: number; schema: z.ZodType<B>; png: (bytes: Uint8Array) => B; describe: string };

/** Default limit of a JSON body: 64 KiB, far above any form the studio sends. */
export const DEFAULT_JSON_LIMIT = 64 * 1024;

const size = (bytes: number) => (bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(bytes % 2 ** 20 ? 1 : 0)} MB` : `${bytes} bytes`);

/**
 * Reads the whole body, refusing with `payload_too_large:<surface>` as soon as it passes
 * `maxBytes`: by the declared Content-Length before reading, and by counting what arrives
 * (a chunked body declares nothing).
 */
export async function readLimitedBody(request: Request, input: { maxBytes: number; surface: string }): Promise<Uint8Array> {
  const tooLarge = () => new StudioError(
    `payload_too_large:${input.surface}`,
    input.maxBytes === 0 ? "body: this request takes no body" : `body: expected at most ${size(input.maxBytes)}`,
    { field: "body" },
  );
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > input.maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    total += next.value.byteLength;
    if (total > input.maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(next.value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const mediaType = (request: Request) => (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();

/** `unsupported_media_type:<surface>` unless the request says it sends what the route takes. */
export function checkContentType(request: Request, spec: BodySpec<unknown>, surface: string): void {
  const got = mediaType(request);
  if (spec.kind === "image") {
    if (got === "image/png" || got === "application/json") return;
    throw new StudioError(`unsupported_media_type:${surface}`, `content-type: expected image/png or application/json (${spec.describe}), got ${got || "none"}`, { field: "content-type" });
  }
  const want = spec.kind === "json" ? "application/json" : "multipart/form-data";
  if (got === want) return;
  const what = spec.kind === "json" ? "application/json" : `multipart/form-data (${spec.describe})`;
  throw new StudioError(`unsupported_media_type:${surface}`, `content-type: expected ${what}, got ${got || "none"}`, { field: "content-type" });
}

/** Parses a read body as the route's spec says; every refusal is `bad_request:<surface>` naming the field. */
export async function parseBody<B>(request: Request, bytes: Uint8Array, spec: BodySpec<B>, surface: string): Promise<B> {
  const refuse = (field: string, message: string) => new StudioError(`bad_request:${surface}`, `${field}: ${message}`, { field });
  if (spec.kind === "multipart") {
    let form: FormData;
    try {
      const body = new Blob([bytes as BlobPart]);
      form = await new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      throw refuse("body", `unreadable multipart body; expected ${spec.describe}`);
    }
    return spec.parse(form);
  }
  if (spec.kind === "image" && mediaType(request) === "image/png") return spec.png(bytes);
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw refuse("body", "expected a JSON document (UTF-8)");
  }
  const unstorable = findUnstorable(raw);
  if (unstorable) throw refuse(unstorable.field || "body", unstorable.message);
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    throw refuse(field || "body", message);
  }
  return parsed.data;
}

/** Parses path or query parameters with `schema`: `bad_request:<surface>` naming the parameter. */
export function parseParams<T>(schema: z.ZodType<T>, value: unknown, surface: string): T {
  const unstorable = findUnstorable(value);
  if (unstorable) throw new StudioError(`bad_request:${surface}`, `${unstorable.field}: ${unstorable.message}`, { field: unstorable.field });
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { field, message } = firstIssue(parsed.error);
  throw new StudioError(`bad_request:${surface}`, `${field || "query"}: ${message}`, { field: field || "query" });
}

/** For a route that takes no query: `bad_request:<surface>` naming the first parameter sent, else `{}`. */
export function refuseQuery(search: URLSearchParams, surface: string): Record<string, never> {
  const first = search.keys().next();
  if (first.done) return {};
  const name = first.value.slice(0, 100) || "query";
  throw new StudioError(`bad_request:${surface}`, `${name}: this request takes no query parameters`, { field: name });
}
