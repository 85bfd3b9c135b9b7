/**
 * The edge every route handler goes through (DESIGN: "The edge and the data model"). One call,
 * `route({...})`, makes a handler that checks, in this order:
 *  1. body size (413 `payload_too_large:<surface>`), before anything is parsed;
 *  2. content type (415 `unsupported_media_type:<surface>`);
 *  3. path, query and body parsed with zod (400 `bad_request:<surface>` naming the field);
 *  4. authentication (401 `unauthorized:<surface>`): the session cookie, or an API token sent as
 *     `Authorization: Bearer rs_...`, which only opens routes that name one of its scopes (403);
 *  5. authorisation by role, then by ownership (403 `forbidden:<surface>`);
 *  6. on state-changing methods, that the request comes from this site (403 `forbidden:cross_site`);
 *     not for a bearer token: a browser never attaches one on its own, so no other site can ride it;
 * then runs the handler. Errors leave as typed JSON; anything unexpected is logged and answered
 * with a 500 that says nothing of the cause. Responses default to `Cache-Control: no-store`.
 */
import "server-only";
import type { z } from "zod";
import { requestAuth, requireRole, type RequestAuth, type SessionUser } from "@/lib/auth";
import { db as appDb, type Db, type Role } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { errorResponse } from "./http";
import { checkContentType, DEFAULT_JSON_LIMIT, parseBody, parseParams, readLimitedBody, refuseQuery, type BodySpec } from "./request-body";
import { crossSiteReason } from "./same-origin";

/** Who may call a route: anyone without looking at the session, anyone (session read), any signed-in user, or these roles. */
export type Access = "public" | "optional" | "signed-in" | readonly Role[];

type UserFor<A extends Access> = A extends "public" | "optional" ? SessionUser | null : SessionUser;

export interface EdgeContext<A extends Access, P, Q, B> {
  request: Request;
  db: Db;
  user: UserFor<A>;
  params: P;
  query: Q;
  body: B;
  /** The client's address as the server was told it (first X-Forwarded-For entry), or "unknown". */
  address: string;
  /** What the caller signed in with: `token:<id>` for an API token, `session:<user id>` for a cookie, else "none" (for per-credential limits). */
  credential: string;
}

export interface RouteSpec<A extends Access, P, Q, B> {
  /** The `<surface>` of this route's error codes, e.g. "checkpoint". */
  surface: string;
  /** What the route lets a user do, for the 401 / 403 messages ("upload checkpoints"). */
  action: string;
  access: A;
  /** The API-token scope that opens this route ("runs"); omitted: cookie sessions only. */
  tokenScope?: string;
  params?: z.ZodType<P>;
  /** Omitted: the request must have no query parameters. */
  query?: z.ZodType<Q>;
  /** Omitted: the request must have no body. */
  body?: BodySpec<B>;
  /** Ownership: throw `forbidden:<surface>` when this user may not touch this record. */
  authorize?: (ctx: EdgeContext<A, P, Q, B>) => void | Promise<void>;
  handler: (ctx: EdgeContext<A, P, Q, B>) => Response | Promise<Response>;
  /** The database to use; defaults to the app's (tests pass their own). */
  db?: () => Db;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The client address a proxy (or `next start`, which fills it from the socket) reports. */
export function clientAddress(request: Request): string {
  const first = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return first ? first.slice(0, 100) : "unknown";
}

/** Makes a Next.js route handler that runs `spec.handler` behind every check of the edge. */
export function route<A extends Access, P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<A, P, Q, B>,
): (request: Request, context?: { params: Promise<unknown> }) => Promise<Response> {
  return async (request, context) => {
    try {
      const { surface } = spec;
      // 1-2. Size, then content type (only where the route takes a body).
      const limit = spec.body ? (spec.body.maxBytes ?? DEFAULT_JSON_LIMIT) : 0;
      const bytes = await readLimitedBody(request, { maxBytes: limit, surface });
      if (spec.body) checkContentType(request, spec.body, surface);
      // 3. Parse.
      const params = spec.params ? parseParams(spec.params, await context?.params, surface) : ({} as P);
      const search = new URL(request.url).searchParams;
      // Omitted: the route takes no query parameters (an unknown one is refused, as with a schema).
      const query = spec.query ? parseParams(spec.query, Object.fromEntries(search), surface) : (refuseQuery(search, surface) as Q);
      const body = spec.body ? await parseBody(request, bytes, spec.body, surface) : (undefined as B);
      // 4-5. Authenticate, authorise.
      const db = (spec.db ?? appDb)();
      const auth: RequestAuth = spec.access === "public" ? { user: null, via: "session", scopes: [] } : await requestAuth(db, { request });
      const { user } = auth;
      if (user && auth.via === "token" && !(spec.tokenScope && auth.scopes.includes(spec.tokenScope))) {
        throw new StudioError(`forbidden:${surface}`, `an API token cannot ${spec.action}; sign in in a browser`);
      }
      if (spec.access === "signed-in" && !user) throw new StudioError(`unauthorized:${surface}`, `sign in to ${spec.action}`);
      if (Array.isArray(spec.access)) requireRole(user, { roles: spec.access, surface, action: spec.action });
      const credential = auth.via === "token" && auth.tokenId ? `token:${auth.tokenId}` : user ? `session:${user.id}` : "none";
      const ctx: EdgeContext<A, P, Q, B> = { request, db, user: user as UserFor<A>, params, query, body, address: clientAddress(request), credential };
      await spec.authorize?.(ctx);
      // 6. Same-origin on writes.
      if (!SAFE_METHODS.has(request.method) && !(user && auth.via === "token")) {
        const reason = crossSiteReason(request);
        if (reason) throw new StudioError("forbidden:cross_site", `cross-site request refused: ${reason}`, { field: "origin" });
      }
      const response = await spec.handler(ctx);
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
      response.headers.set("x-content-type-options", "nosniff");
      return response;
    } catch (err) {
      const response = errorResponse(err);
      response.headers.set("cache-control", "no-store");
      return response;
    }
  };
}
