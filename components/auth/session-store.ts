"use client";

import { useEffect, useSyncExternalStore } from "react";
import type { SessionUser } from "@/lib/auth";

/** Who is signed in, as this page knows it: loading until GET /api/session answers. */
export type SessionState = { status: "loading" } | { status: "ready"; user: SessionUser | null };

const LOADING: SessionState = { status: "loading" };
let state: SessionState = LOADING;
let inflight: Promise<void> | null = null;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const l of listeners) l();
}

/** Records the signed-in user (after signing in or out) for every component on the page. */
export function setSessionUser(user: SessionUser | null): void {
  publish({ status: "ready", user });
}

/** Asks the server who is signed in (the cookie is httpOnly, so only the server can tell). */
export function refreshSession(): Promise<void> {
  inflight ??= fetch("/api/session", { cache: "no-store" })
    .then(async (res) => setSessionUser(res.ok ? (((await res.json()) as { user: SessionUser | null }).user ?? null) : null))
    .catch(() => setSessionUser(null))
    .finally(() => { inflight = null; });
  return inflight;
}

/**
 * The session, shared by the nav bar and any page that needs it; fetched once per page load,
 * unless `initial` says who the server saw when it rendered the page (then that is the start).
 */
export function useSession(initial?: SessionUser | null): SessionState {
  useEffect(() => {
    if (state.status !== "loading") return;
    if (initial !== undefined) setSessionUser(initial);
    else void refreshSession();
  }, [initial]);
  const current = useSyncExternalStore(
    (l) => { listeners.add(l); return () => { listeners.delete(l); }; },
    () => state,
    () => LOADING,
  );
  return current.status === "loading" && initial !== undefined ? { status: "ready", user: initial } : current;
}

/** Signs out on the server and here. */
export async function signOut(): Promise<void> {
  await fetch("/api/session", { method: "DELETE" });
  setSessionUser(null);
}
