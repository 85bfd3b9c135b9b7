/**
 * Where the sign-in page may send the user afterwards: a path on this site only. Refuses
 * absolute URLs, protocol-relative `//host` and `/\host`, and any whitespace or control
 * character, which browsers drop from URLs (`/\t/evil.example` would become `//evil.example`).
 */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || value.length > 2000) return "/";
  const ok = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@%/?#[\]]*$/.test(value) && !value.startsWith("//") && !value.startsWith("/sign-in");
  return ok ? value : "/";
}
