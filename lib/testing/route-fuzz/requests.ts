/**
 * One fuzz request: a valid request for a route (its template) made wrong in one way, the
 * `kind`, sent as some user. `expect` is the set of statuses the edge must answer with (the
 * first check the request fails decides it; lib/server/edge.ts).
 */
import { badMultipart, multipart, type Part } from "./multipart";
import { JSON_DEFECTS, mutateJson, type Gen, type JsonShape } from "./values";
import type { Method } from "./routes";

export type Who = "signed-out" | "bad-cookie" | "rater" | "engineer" | "admin";
export const PEOPLE: readonly Who[] = ["signed-out", "bad-cookie", "rater", "engineer", "admin"];

export type { Part } from "./multipart";

/** A valid request of a route, which each kind of defect starts from. */
export interface RouteTemplate {
  /** Who may call it: as the route's edge spec says. */
  access: "public" | "optional" | "signed-in" | readonly Who[];
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?:
    | { kind: "json"; maxBytes: number; shape: JsonShape }
    | { kind: "multipart"; maxBytes: number; parts: Part[]; json: { part: string; shape: JsonShape } };
}

export const KINDS = ["valid_read", "auth", "cross_site", "query", "params", "body_on_bodyless", "content_type", "too_large", "json", "multipart"] as const;
export type Kind = (typeof KINDS)[number];

export interface FuzzRequest {
  kind: Kind;
  who: Who;
  note: string;
  method: Method;
  params: Record<string, string>;
  query: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** What a 400's message must mention (the field, parameter or key made wrong), when it is one. */
  names?: string;
  /** Statuses that are right; null: any status below 500 (a valid read). */
  expect: readonly number[] | null;
}

const SAFE = new Set<Method>(["GET", "HEAD", "OPTIONS"]);
const allowed = (t: RouteTemplate, who: Who) =>
  t.access === "public" || t.access === "optional" ? true : t.access === "signed-in" ? who !== "signed-out" && who !== "bad-cookie" : t.access.includes(who);

/** A body has many more ways to be wrong than a header: its kinds come up this many times as often. */
const WEIGHT: Partial<Record<Kind, number>> = { json: 6, multipart: 8 };

/** The kinds of defect a route and method can carry, each as many times as its weight: one cycle of the schedule. */
export function kindsFor(t: RouteTemplate, method: Method, hasSegments: boolean): Kind[] {
  const safe = SAFE.has(method);
  return KINDS.filter((k) => ({
    valid_read: safe,
    auth: typeof t.access !== "string" || t.access === "signed-in",
    cross_site: !safe,
    query: true,
    params: hasSegments,
    body_on_bodyless: !t.body && !safe,
    content_type: !!t.body,
    too_large: !!t.body,
    json: t.body?.kind === "json",
    multipart: t.body?.kind === "multipart",
  })[k]).flatMap((k) => new Array<Kind>(WEIGHT[k] ?? 1).fill(k));
}

const encoder = new TextEncoder();
const queryString = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : "");

function badCookie(g: Gen): string {
  return g.pick([
    () => `rs_session=${"A".repeat(43)}`, () => "rs_session=", () => `rs_session=${"x".repeat(g.int(44, 8000))}`,
    () => "rs_session=a; rs_session=b", () => "=;;=", () => "rs_session=%00%ff", () => "other=1",
  ])();
}

/** Builds one request of `kind` for the route (`segments` its dynamic path parts). */
export function generate(g: Gen, input: { t: RouteTemplate; method: Method; segments: string[]; kind: Kind; cookies: Partial<Record<Who, string>> }): FuzzRequest {
  const { t, method, kind } = input;
  const authorised = PEOPLE.filter((w) => allowed(t, w));
  let who = g.pick(PEOPLE);
  if (kind === "auth") who = g.pick(PEOPLE.filter((w) => !allowed(t, w)));
  if (kind === "cross_site" || kind === "valid_read") who = g.pick(kind === "valid_read" ? PEOPLE : authorised);
  const params = { ...t.params };
  let query = queryString(t.query ?? {});
  const headers: Record<string, string> = {};
  if (g.chance(0.3)) headers["sec-fetch-site"] = "same-origin";
  else if (g.chance(0.3)) headers.origin = "http://studio.test";
  let body: Uint8Array | undefined;
  let note = "";
  let names: string | undefined;
  let expect: readonly number[] | null = [400];
  const bodyType = t.body?.kind === "json" ? "application/json" : "multipart/form-data; boundary=fuzz-boundary";
  const validBody = () => {
    if (!t.body) return undefined;
    headers["content-type"] = bodyType;
    return t.body.kind === "json" ? encoder.encode(JSON.stringify(t.body.shape.valid)) : multipart(t.body.parts, "fuzz-boundary");
  };
  body = validBody();

  switch (kind) {
    case "valid_read":
      expect = null;
      break;
    case "auth":
      expect = who === "signed-out" || who === "bad-cookie" ? [401] : [403];
      break;
    case "cross_site":
      delete headers.origin;
      Object.assign(headers, g.pick<Record<string, string>>([
        { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "https://evil.example" }, { origin: "null" },
        { origin: "http://studio.test.evil.example" }, { origin: "not a url" },
      ]));
      if (headers.origin) delete headers["sec-fetch-site"];
      expect = [403];
      break;
    case "query": {
      const keys = Object.keys(t.query ?? {});
      const how = g.pick(["unknown", "value", "raw"] as const);
      if (how === "value" && keys.length) {
        const key = g.pick(keys);
        query = queryString({ ...t.query, [key]: g.badText() });
        note = `${key}=<bad>`;
        names = key;
      } else if (how === "raw") {
        const raw = g.pick(["?=x", "?%ZZ=1", "?%=", "?a=%E0%A4%A", "?%00=1", "?__proto__=x", "?constructor=1", "?&&=&", `?${"k".repeat(5000)}=1`]);
        query = query ? `${query}&${raw.slice(1)}` : raw;
        note = raw.slice(0, 30);
      } else {
        const key = g.pick(["extra", "debug", "role", "__proto__", "toString", "user", "x\u0000"]);
        query = `${query ? `${query}&` : "?"}${encodeURIComponent(key)}=${encodeURIComponent("1")}`;
        note = `+${key}`;
        if (!key.includes("\u0000")) names = key;
      }
      break;
    }
    case "params": {
      const name = g.pick(input.segments);
      params[name] = g.badText();
      note = `${name}=<bad>`;
      names = name;
      // A parameter the route reads as any text passes the parse; then the user is checked.
      expect = [400, 404, ...(allowed(t, who) ? [] : [who === "signed-out" || who === "bad-cookie" ? 401 : 403])];
      break;
    }
    case "body_on_bodyless":
      body = encoder.encode(g.pick(["{}", "x", JSON.stringify({ id: "1" }), "\u0000".repeat(g.int(1, 100))]));
      if (g.chance(0.5)) headers["content-type"] = g.pick(["application/json", "text/plain", "multipart/form-data; boundary=x"]);
      expect = [413];
      break;
    case "content_type": {
      const json = t.body?.kind === "json";
      const type = g.pick(json
        ? ["text/plain", "", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz-boundary", "application/jsonp", "text/json", "application/ld+json", "application/json-seq"]
        : ["application/json", "text/plain", "", "multipart/mixed; boundary=fuzz-boundary", "application/octet-stream", "multipart/form-datax; boundary=fuzz-boundary"]);
      if (type) headers["content-type"] = type;
      else delete headers["content-type"];
      note = type || "(none)";
      expect = [415];
      break;
    }
    case "too_large": {
      const max = t.body!.maxBytes;
      if (g.chance(0.5)) {
        headers["content-length"] = String(max + g.int(1, 10 ** 9));
        note = "declared";
      } else {
        body = new Uint8Array(max + g.int(1, 1000)).fill(0x20);
        note = "sent";
      }
      expect = [413];
      break;
    }
    case "json": {
      const defect = g.cycle("json", JSON_DEFECTS);
      const mutated = mutateJson(g, (t.body as { shape: JsonShape }).shape, defect);
      ({ bytes: body, note, names } = mutated);
      expect = body.byteLength > t.body!.maxBytes ? [413] : [400];
      break;
    }
    case "multipart":
      ({ body, note, expect, names } = badMultipart(g, t, headers));
      break;
  }
  const cookie = who === "bad-cookie" ? badCookie(g) : input.cookies[who];
  if (cookie) headers.cookie = cookie;
  return { kind, who, note, method, params, query, headers, body, expect, names };
}
