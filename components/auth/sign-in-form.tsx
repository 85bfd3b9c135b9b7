"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { SessionUser } from "@/lib/auth";
import { setSessionUser } from "./session-store";

/** Email and password, POSTed to /api/session; on success the user goes back to `next`. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const res = await fetch("/api/session", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      const body = (await res.json().catch(() => ({}))) as { user?: SessionUser; message?: string };
      if (!res.ok || !body.user) throw new Error(body.message ?? `the server answered ${res.status}`);
      setSessionUser(body.user);
      router.push(next);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="panel sign-in" onSubmit={(e) => void submit(e)} aria-label="Sign in">
      <label>
        Email
        <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <div className="toolbar">
        <button type="submit" className="button" disabled={busy}>{busy ? "Signing in…" : "Sign in"}</button>
        {error ? <span className="fail" role="alert" data-testid="sign-in-error">{error}</span> : null}
      </div>
    </form>
  );
}
