/**
 * Cross-site request refusal for state-changing requests, after Go 1.25's
 * net/http.CrossOriginProtection: a browser says where a request comes from in
 * `Sec-Fetch-Site` (every current browser) or at least in `Origin` (on every non-GET request);
 * a request with neither did not come from a browser page, so it cannot ride a victim's cookie.
 */

/** Why `request` is refused as cross-site, or null when it may go on. */
export function crossSiteReason(request: Request): string | null {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null) {
    // "none": the user started it (address bar, bookmark); a page cannot make a browser send that.
    return site === "same-origin" || site === "none" ? null : `Sec-Fetch-Site is ${site}`;
  }
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  const host = request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `Origin ${origin.slice(0, 100)} is not this site`;
  }
  return originHost !== "" && originHost === host ? null : `Origin ${origin.slice(0, 100)} is not this site (${host})`;
}
