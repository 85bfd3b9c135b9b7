import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/auth";
import type { Db } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { route } from "./edge";

// Who is signed in is the session module's business (tested with it); here a request names its
// user in a test header (x-test-token: an API token's scopes), so these tests are about the edge's order and codes only.
vi.mock("@/lib/auth", async (actual) => ({
  ...(await actual<typeof import("@/lib/auth")>()),
  requestAuth: async (_db: unknown, { request }: { request: Request }) => {
    const scopes = request.headers.get("x-test-token");
    return { user: USERS[request.headers.get("x-test-user") ?? ""] ?? null, via: scopes === null ? "session" : "token", scopes: scopes?.split(" ") ?? [] };
  },
}));
const USERS: Record<string, SessionUser> = {
  eli: { id: "u-eli", email: "eli@x", name: "Eli", role: "engineer" },
  ena: { id: "u-ena", email: "ena@x", name: "Ena", role: "engineer" },
  rae: { id: "u-rae", email: "rae@x", name: "Rae", role: "rater" },
};

const calls: unknown[] = [];
/** A route that takes a JSON note for a record owned by u-eli; engineers and admins only. */
const POST = route({
  surface: "note",
  action: "write notes",
  access: ["engineer", "admin"],
  params: z.object({ id: z.string().regex(/^r\d+$/, "expected r<digits>") }),
  query: z.object({ dry: z.enum(["0", "1"]).optional() }).strict(),
  body: { kind: "json", maxBytes: 100, schema: z.object({ text: z.string().max(20), tags: z.array(z.string()).optional() }).strict() },
  authorize: ({ user }) => {
    if (user.id !== "u-eli") throw new StudioError("forbidden:note", "only the record's owner may write notes");
  },
  handler: (ctx) => {
    calls.push(ctx.body);
    if (ctx.body.text === "boom") throw new Error("secret detail /etc/passwd");
    return Response.json({ ok: true, address: ctx.address }, { status: 201 });
  },
  db: () => ({}) as Db,
});

const send = (init: { body?: BodyInit; type?: string; user?: string; headers?: Record<string, string>; id?: string; query?: string }) =>
  POST(
    new Request(`http://studio.test/api/notes/${init.id ?? "r1"}${init.query ?? ""}`, {
      method: "POST",
      body: init.body ?? JSON.stringify({ text: "hello" }),
      headers: {
        ...(init.type !== "" ? { "content-type": init.type ?? "application/json" } : {}),
        ...(init.user ? { "x-test-user": init.user } : {}),
        ...init.headers,
      },
    }),
    { params: Promise.resolve({ id: init.id ?? "r1" }) },
  );

async function expectRefusal(res: Promise<Response>, status: number, code: string, field?: string): Promise<void> {
  const r = await res;
  const body = (await r.json()) as { code: string; field?: string; message: string };
  expect([r.status, body.code], body.message).toEqual([status, code]);
  if (field !== undefined) expect(body.field).toBe(field);
  expect(r.headers.get("cache-control")).toBe("no-store");
}

describe("the edge: each check in order, each with its typed code", () => {
  // Every request below is wrong in this check and in all the later ones: the first one must answer.
  const crossSite = { origin: "https://evil.example" };
  it("1. size first: 413 even when everything after is wrong too", async () => {
    await expectRefusal(send({ body: "x".repeat(101), type: "text/plain", headers: crossSite }), 413, "payload_too_large:note", "body");
    await expectRefusal(send({ body: "x", type: "text/plain", headers: { ...crossSite, "content-length": "5000" } }), 413, "payload_too_large:note");
  });

  it("2. then the content type: 415", async () => {
    await expectRefusal(send({ body: "{", type: "text/plain", headers: crossSite }), 415, "unsupported_media_type:note", "content-type");
    await expectRefusal(send({ body: "{", type: "", headers: crossSite }), 415, "unsupported_media_type:note");
    await expectRefusal(send({ body: "{", type: "application/x-www-form-urlencoded" }), 415, "unsupported_media_type:note");
  });

  it("3. then the parse: 400 naming the path parameter, the query parameter, or the body field", async () => {
    await expectRefusal(send({ id: "../x", headers: crossSite }), 400, "bad_request:note", "id");
    await expectRefusal(send({ query: "?dry=2", headers: crossSite }), 400, "bad_request:note", "dry");
    await expectRefusal(send({ query: "?extra=1" }), 400, "bad_request:note");
    await expectRefusal(send({ body: "{", headers: crossSite }), 400, "bad_request:note", "body");
    await expectRefusal(send({ body: JSON.stringify({ text: 7 }), headers: crossSite }), 400, "bad_request:note", "text");
    await expectRefusal(send({ body: JSON.stringify({ text: "a", tags: ["ok", 3] }) }), 400, "bad_request:note", "tags[1]");
    await expectRefusal(send({ body: JSON.stringify({ text: "a", more: 1 }) }), 400, "bad_request:note");
    await expectRefusal(send({ body: JSON.stringify({ text: "a\u0000b" }) }), 400, "bad_request:note", "text");
    await expectRefusal(send({ body: new Uint8Array([0x7b, 0xff, 0x7d]) }), 400, "bad_request:note", "body"); // not UTF-8
  });

  it("3. refuses what the database cannot keep as sent: a lone surrogate, a NUL in a key or a parameter (deep nesting: unstorable.test.ts)", async () => {
    // JSON's \ud800 escape is ASCII on the wire but a lone UTF-16 half once parsed (found by app/api/fuzz.test.ts).
    await expectRefusal(send({ body: '{"text":"a\\ud800"}' }), 400, "bad_request:note", "text");
    await expectRefusal(send({ body: '{"text":"a","tags":["\\udc00x"]}' }), 400, "bad_request:note", "tags[0]");
    await expectRefusal(send({ body: '{"text":"a","k\\u0000":1}' }), 400, "bad_request:note");
    await expectRefusal(send({ id: "r1\u0000" }), 400, "bad_request:note", "id");
    await expectRefusal(send({ query: "?dry=%00" }), 400, "bad_request:note", "dry");
    // A surrogate pair is text: past the parse, on to sign-in.
    await expectRefusal(send({ body: JSON.stringify({ text: "a \ud83d\ude00" }) }), 401, "unauthorized:note");
  });

  it("4. then who is asking: 401", async () => {
    await expectRefusal(send({ headers: crossSite }), 401, "unauthorized:note");
  });

  it("5. then the role, then ownership: 403 forbidden:<surface>", async () => {
    await expectRefusal(send({ user: "rae", headers: crossSite }), 403, "forbidden:note");
    await expectRefusal(send({ user: "ena", headers: crossSite }), 403, "forbidden:note");
  });

  it("6. then same-origin on a write: 403 forbidden:cross_site", async () => {
    for (const headers of [crossSite, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }, { origin: "http://studio.test.evil.example" }]) {
      await expectRefusal(send({ user: "eli", headers }), 403, "forbidden:cross_site", "origin");
    }
    expect(calls).toEqual([]); // no refused request reached the handler
  });

  it("an API token opens only routes that take its scope, where no same-origin check applies (a browser never attaches one)", async () => {
    await expectRefusal(send({ user: "eli", headers: { "x-test-token": "runs" } }), 403, "forbidden:note");
    const SCOPED = route({ surface: "run", action: "start runs", access: ["engineer", "admin"], tokenScope: "runs", handler: () => Response.json({ ok: true }, { status: 201 }), db: () => ({}) as Db });
    const req = (headers: Record<string, string>) => new Request("http://studio.test/api/runs", { method: "POST", headers: { "x-test-user": "eli", origin: "https://evil.example", ...headers } });
    expect((await SCOPED(req({ "x-test-token": "runs" }))).status).toBe(201);
    await expectRefusal(SCOPED(req({ "x-test-token": "predict" })), 403, "forbidden:run");
    await expectRefusal(SCOPED(req({})), 403, "forbidden:cross_site"); // the same request on a cookie session
  });

  it("runs the handler for a same-origin browser request and for a client that is not a browser", async () => {
    for (const headers of [{ "sec-fetch-site": "same-origin", origin: "http://studio.test" }, { origin: "http://studio.test" }, {}, { "x-forwarded-for": "203.0.113.9, 10.0.0.1" }] as Record<string, string>[]) {
      const res = await send({ user: "eli", headers });
      expect(res.status).toBe(201);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
    expect(calls).toHaveLength(4);
    const last = (await (await send({ user: "eli", headers: { "x-forwarded-for": "203.0.113.9, 10.0.0.1" } })).json()) as { address: string };
    expect(last.address).toBe("203.0.113.9");
  });

  it("answers an unexpected failure with 500 internal:server and nothing of the cause", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await send({ user: "eli", body: JSON.stringify({ text: "boom" }) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ code: "internal:server", message: "unexpected server error; see the server log" });
    expect(text).not.toContain("passwd");
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
});

describe("the edge on a route without a body", () => {
  const GET = route({ surface: "thing", action: "read things", access: "public", handler: () => Response.json({ ok: true }), db: () => ({}) as Db });
  const DELETE = route({ surface: "thing", action: "end things", access: "public", handler: () => Response.json({ ok: true }), db: () => ({}) as Db });

  it("reads from any site (a GET changes nothing) but refuses a cross-site DELETE", async () => {
    expect((await GET(new Request("http://studio.test/api/thing", { headers: { origin: "https://evil.example" } }))).status).toBe(200);
    const del = (headers: Record<string, string>) => DELETE(new Request("http://studio.test/api/thing", { method: "DELETE", headers }));
    await expectRefusal(del({ "sec-fetch-site": "cross-site" }), 403, "forbidden:cross_site");
    expect((await del({ "sec-fetch-site": "same-origin" })).status).toBe(200);
  });

  it("refuses query parameters it does not take with 400 naming the first (DELETE /api/session?x=1 signed out)", async () => {
    await expectRefusal(GET(new Request("http://studio.test/api/thing?debug=1")), 400, "bad_request:thing", "debug");
    await expectRefusal(DELETE(new Request("http://studio.test/api/thing?=x", { method: "DELETE" })), 400, "bad_request:thing", "query");
    expect((await GET(new Request("http://studio.test/api/thing?"))).status).toBe(200);
  });

  it("refuses a body it does not take with 413", async () => {
    await expectRefusal(DELETE(new Request("http://studio.test/api/thing", { method: "DELETE", body: "x" })), 413, "payload_too_large:thing");
  });
});
