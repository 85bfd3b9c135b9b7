import { describe, expect, it } from "vitest";
import { routeTestDatabase } from "@/lib/testing/route-database";
import { DELETE, GET, POST } from "./route";
import { POST as changePassword } from "../account/password/route";
import { DELETE as endSessions } from "../users/[id]/sessions/route";

// A fresh SQLite database and data dir for this file, read through lib/env like the server does.
routeTestDatabase("session-route");

const signIn = (body: unknown, url = "http://localhost/api/session") =>
  POST(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) }));
const withCookie = (setCookie: string | null) => new Request("http://localhost/api/session", { headers: { cookie: (setCookie ?? "").split(";")[0]! } });

describe("POST/GET/DELETE /api/session", () => {
  it("signs in a demo user: 200 with the user and an httpOnly, lax, path=/ session cookie", async () => {
    const res = await signIn({ email: "engineer@reward.studio", password: "studio-demo" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: expect.any(String), email: "engineer@reward.studio", name: "Eli Engineer", role: "engineer" } });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^rs_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=lax$/i);
    expect(cookie).not.toMatch(/secure/i);
    // The cookie lasts the session's maximum, 30 days; the server ends it sooner when idle.
    const expires = Date.parse(cookie.match(/Expires=([^;]+)/)![1]!);
    expect(Math.abs(expires - (Date.now() + 30 * 24 * 3600 * 1000))).toBeLessThan(60_000);
  });

  it("marks the cookie Secure over https", async () => {
    const res = await signIn({ email: "admin@reward.studio", password: "studio-demo" }, "https://studio.example/api/session");
    expect(res.headers.get("set-cookie")).toMatch(/; Secure/i);
  });

  it("GET answers who the cookie names, and null without one or with a forged one", async () => {
    const res = await signIn({ email: "rater1@reward.studio", password: "studio-demo" });
    const cookie = res.headers.get("set-cookie");
    expect(await (await GET(withCookie(cookie))).json()).toMatchObject({ user: { email: "rater1@reward.studio", role: "rater" } });
    expect(await (await GET(new Request("http://localhost/api/session"))).json()).toEqual({ user: null });
    const forged = `rs_session=${"A".repeat(43)}`;
    expect(await (await GET(withCookie(forged))).json()).toEqual({ user: null });
  });

  it("refuses a wrong password and an unknown email alike: 401 unauthorized:session, no cookie", async () => {
    const wrong = await signIn({ email: "engineer@reward.studio", password: "studio-demo!" });
    const unknown = await signIn({ email: "nobody@reward.studio", password: "studio-demo" });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie")).toBeNull();
      expect(await res.json()).toEqual({ code: "unauthorized:session", message: "wrong email or password" });
    }
  });

  it.each<[string, unknown, string]>([
    ["not JSON", "email=x", "body: expected a JSON document (UTF-8)"],
    ["a NUL in the email", { email: "a\u0000@b.c", password: "x" }, "email: NUL characters are not accepted"],
    ["no password", { email: "engineer@reward.studio" }, "password: expected the password"],
    ["an email that is not text", { email: 7, password: "x" }, "email: expected the account's email"],
    ["an unknown field", { email: "a@b.c", password: "x", remember: true }, 'Unrecognized key: "remember"'],
  ])("refuses %s with 400 naming the field", async (_, body, message) => {
    const res = await signIn(body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { code: string; message: string };
    expect(json.code).toBe("bad_request:session");
    expect(json.message).toContain(message);
  });

  it("refuses a text/plain sign-in (what a cross-site form can send) with 415, and a cross-site one with 403", async () => {
    const body = JSON.stringify({ email: "engineer@reward.studio", password: "studio-demo" });
    const plain = await POST(new Request("http://localhost/api/session", { method: "POST", headers: { "content-type": "text/plain" }, body }));
    expect(plain.status).toBe(415);
    expect(await plain.json()).toMatchObject({ code: "unsupported_media_type:session", field: "content-type" });
    expect(plain.headers.get("set-cookie")).toBeNull();
    for (const headers of [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }] as Record<string, string>[]) {
      const res = await POST(new Request("http://localhost/api/session", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe("forbidden:cross_site");
      expect(res.headers.get("set-cookie")).toBeNull();
    }
    const same = await POST(new Request("http://localhost/api/session", {
      method: "POST", headers: { "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" }, body,
    }));
    expect(same.status).toBe(200);
  });

  it("throttles: the 11th attempt on one account within 15 minutes is 429 with Retry-After, typed", async () => {
    const attempt = (address: string) => POST(new Request("http://localhost/api/session", {
      method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": address },
      body: JSON.stringify({ email: "Locked@reward.studio", password: "guess" }),
    }));
    for (let i = 0; i < 10; i++) expect((await attempt(`192.0.2.${i}`)).status).toBe(401);
    const res = await attempt("192.0.2.200");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(890);
    expect(await res.json()).toEqual({ code: "too_many_requests:session", message: "too many failed sign-ins; try again in 15 minutes" });
  });

  it("DELETE revokes the session on the server: the old cookie signs nobody in, at once", async () => {
    const cookie = (await signIn({ email: "engineer@reward.studio", password: "studio-demo" })).headers.get("set-cookie");
    expect(await (await GET(withCookie(cookie))).json()).toMatchObject({ user: { email: "engineer@reward.studio" } });
    const res = await DELETE(new Request("http://localhost/api/session", { method: "DELETE", headers: { cookie: cookie!.split(";")[0]! } }));
    expect(await res.json()).toEqual({ user: null });
    expect(res.headers.get("set-cookie")).toMatch(/^rs_session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=lax$/i);
    expect(await (await GET(withCookie(cookie))).json()).toEqual({ user: null });
  });

  it("signing in again with a cookie rotates it: the presented session is revoked", async () => {
    const first = (await signIn({ email: "rater2@reward.studio", password: "studio-demo" })).headers.get("set-cookie")!.split(";")[0]!;
    const again = await POST(new Request("http://localhost/api/session", {
      method: "POST", headers: { "content-type": "application/json", cookie: first }, body: JSON.stringify({ email: "rater2@reward.studio", password: "studio-demo" }),
    }));
    const second = again.headers.get("set-cookie")!.split(";")[0]!;
    expect(second).not.toBe(first);
    expect(await (await GET(withCookie(first))).json()).toEqual({ user: null });
    expect(await (await GET(withCookie(second))).json()).toMatchObject({ user: { email: "rater2@reward.studio" } });
  });

  it("a password change ends the user's other sessions and gives this browser a new one", async () => {
    const laptop = (await signIn({ email: "engineer@reward.studio", password: "studio-demo" })).headers.get("set-cookie")!.split(";")[0]!;
    const phone = (await signIn({ email: "engineer@reward.studio", password: "studio-demo" })).headers.get("set-cookie")!.split(";")[0]!;
    const change = (cookie: string, body: unknown) => changePassword(new Request("http://localhost/api/account/password", {
      method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body),
    }));
    const short = await change(laptop, { currentPassword: "studio-demo", newPassword: "short" });
    expect(await short.json()).toMatchObject({ code: "bad_request:account", field: "newPassword" });
    const wrong = await change(laptop, { currentPassword: "nope", newPassword: "a longer new password" });
    expect([wrong.status, ((await wrong.json()) as { code: string }).code]).toEqual([401, "unauthorized:account"]);
    const ok = await change(laptop, { currentPassword: "studio-demo", newPassword: "a longer new password" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { endedSessions: number }).endedSessions).toBeGreaterThanOrEqual(2);
    const fresh = ok.headers.get("set-cookie")!.split(";")[0]!;
    expect(await (await GET(withCookie(laptop))).json()).toEqual({ user: null });
    expect(await (await GET(withCookie(phone))).json()).toEqual({ user: null });
    expect(await (await GET(withCookie(fresh))).json()).toMatchObject({ user: { email: "engineer@reward.studio" } });
    expect((await signIn({ email: "engineer@reward.studio", password: "studio-demo" })).status).toBe(401);
    expect((await signIn({ email: "engineer@reward.studio", password: "a longer new password" })).status).toBe(200);
  });

  it("an admin ends all of a user's sessions; a rater may not", async () => {
    const rater = await signIn({ email: "rater1@reward.studio", password: "studio-demo" });
    const raterCookie = rater.headers.get("set-cookie")!.split(";")[0]!;
    const raterId = ((await rater.json()) as { user: { id: string } }).user.id;
    const admin = (await signIn({ email: "admin@reward.studio", password: "studio-demo" })).headers.get("set-cookie")!.split(";")[0]!;
    const end = (cookie: string, id: string) =>
      endSessions(new Request(`http://localhost/api/users/${id}/sessions`, { method: "DELETE", headers: { cookie } }), { params: Promise.resolve({ id }) });
    const refused = await end(raterCookie, raterId);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([403, "forbidden:user"]);
    const ok = await end(admin, raterId);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { endedSessions: number }).endedSessions).toBeGreaterThanOrEqual(1);
    expect(await (await GET(withCookie(raterCookie))).json()).toEqual({ user: null });
    expect((await end(admin, "no-such-user")).status).toBe(404);
  });
});
