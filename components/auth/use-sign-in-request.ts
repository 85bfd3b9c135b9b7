"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { SessionUser } from "@/lib/auth";
import { setSessionUser } from "./session-store";

/**
 * A form request that signs the page in: POSTs JSON to `url`; an answer `{ user }` records the
 * user for the page and navigates to `to(user)`, anything else shows the server's message.
 * Shared by sign-in and accepting an invite.
 */
export function useSignInRequest() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function send(url: string, payload: unknown, to: (user: SessionUser) => string): Promise<void> {
    setBusy(true);
    setError("");
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) });
      const body = (await res.json().catch(() => ({}))) as { user?: SessionUser; message?: string };
      if (!res.ok || !body.user) throw new Error(body.message ?? `the server answered ${res.status}`);
      setSessionUser(body.user);
      router.push(to(body.user));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return { busy, error, send };
}
