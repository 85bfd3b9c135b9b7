import { NextResponse, type NextRequest } from "next/server";

/** The request header that tells a page guard (lib/server/page-guard.ts) which path was asked for. */
const PATH_HEADER = "x-rs-path";

/**
 * Passes the requested path and query to the server components, so that a page guard can send a
 * signed-out visitor to `/sign-in?next=<path>`. It decides nothing itself: the guards read the
 * session through lib/auth. Whatever a client sent under the same header is replaced.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not the API, Next's assets, the models, the WASM binaries or files with an extension.
  matcher: ["/((?!api/|_next/|models/|tfjs/|.*\\.[A-Za-z0-9]+$).*)"],
};
