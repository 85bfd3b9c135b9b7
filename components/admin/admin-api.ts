/** The admin page's calls to the API: JSON in, JSON out, a refused call thrown with the server's message. */
export async function adminCall<T>(method: "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as T & { message?: string; code?: string };
  if (!res.ok) throw new Error(json.message ?? `the server answered ${res.status}`);
  return json;
}

/** "2026-12-01 09:00 UTC", or "never". */
export const utc = (iso: string | null): string => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");
