/**
 * The route handlers under app/api, found on the file system (every `route.ts`), so a new
 * route is fuzzed as soon as it exists: its URL path, its dynamic segments and the HTTP methods
 * its module exports.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof HTTP_METHODS)[number];

export type Handler = (request: Request, context?: { params: Promise<unknown> }) => Promise<Response>;

export interface RouteFile {
  /** The URL path as the folder names it, e.g. `/api/checkpoints/[id]/[file]`. */
  route: string;
  /** The `route.ts` file, absolute. */
  file: string;
  /** Names of the dynamic segments, in order (`["id", "file"]`). */
  segments: string[];
}

/** Every `route.ts` under `<root>/app/api`, sorted by path. */
export function listRouteFiles(root: string = process.cwd()): RouteFile[] {
  const apiDir = path.join(root, "app", "api");
  const out: RouteFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(path.join(root, "app"), dir).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)); // route groups are not in the URL
        out.push({ route: `/${rel.join("/")}`, file: full, segments: rel.filter((s) => /^\[.+\]$/.test(s)).map((s) => s.slice(1, -1)) });
      }
    }
  };
  walk(apiDir);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** The handlers a route module exports, by method. */
export async function loadHandlers(file: string): Promise<Partial<Record<Method, Handler>>> {
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const out: Partial<Record<Method, Handler>> = {};
  for (const m of HTTP_METHODS) if (typeof mod[m] === "function") out[m] = mod[m] as Handler;
  return out;
}

/** The URL of `route` with its dynamic segments filled in from `params` (percent-encoded). */
export function routeUrl(route: string, params: Record<string, string>, query: string): string {
  const encode = (v: string) => {
    try {
      return encodeURIComponent(v);
    } catch {
      return "%EF%BF%BD"; // a lone surrogate has no UTF-8 form; the handler still gets it in `params`
    }
  };
  const filled = route.replace(/\[([^\]]+)\]/g, (_, name: string) => encode(params[name] ?? ""));
  return `http://studio.test${filled}${query}`;
}
