/**
 * The studio's own API as browser code calls it (pages and Web Workers alike): JSON in, JSON
 * out, a refusal thrown as an ApiError with the server's status, typed code and message.
 * No TF.js, no React.
 */

export class ApiError extends Error {
  /** @param field the input field the refusal is about (dotted path), when the server named one. */
  constructor(message: string, readonly status: number, readonly code: string, readonly field?: string) {
    super(message);
    this.name = "ApiError";
  }
}

/** Calls `url`; `json` becomes the body (POST unless `method` says otherwise). Never cached. */
export async function apiCall<T>(url: string, init: RequestInit & { json?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; body: T }> {
  const { json, headers, ...rest } = init;
  const res = await fetch(url, {
    cache: "no-store",
    ...rest,
    ...(json !== undefined ? { method: rest.method ?? "POST", body: JSON.stringify(json), headers: { "content-type": "application/json", ...headers } } : { headers }),
  });
  const body = (await res.json().catch(() => null)) as (T & { code?: string; message?: string; field?: string }) | null;
  if (!res.ok) throw new ApiError(body?.message ?? `the server answered HTTP ${res.status}`, res.status, body?.code ?? `http:${res.status}`, body?.field);
  return { status: res.status, body: body as T };
}

/** A query string of the defined, non-empty `params` ("" when none). */
export function queryString(params: Record<string, string | number | boolean | undefined>): string {
  const s = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => [k, String(v)])).toString();
  return s ? `?${s}` : "";
}
