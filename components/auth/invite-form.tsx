"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { SessionUser } from "@/lib/auth";
import type { Role } from "@/lib/db";
import { setSessionUser } from "./session-store";

/** Where a new account starts: raters rate, engineers and admins start at the runs. */
const HOME: Record<Role, string> = { rater: "/rate", engineer: "/runs", admin: "/admin" };

/**
 * The new account's name and password (and email when the invite names none), POSTed to
 * /api/invites/accept; on success the new user is signed in and sent to where their role starts.
 */
export function InviteForm({ token, role, email: fixedEmail }: { token: string; role: Role; email: string | null }) {
  const router = useRouter();
  const [email, setEmail] = useState(fixedEmail ?? "");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      const res = await fetch("/api/invites/accept", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, name, password, ...(fixedEmail ? {} : { email }) }),
      });
      const body = (await res.json().catch(() => ({}))) as { user?: SessionUser; message?: string };
      if (!res.ok || !body.user) throw new Error(body.message ?? `the server answered ${res.status}`);
      setSessionUser(body.user);
      router.push(HOME[body.user.role]);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="panel sign-in" onSubmit={(e) => void submit(e)} aria-label="Create your account" data-role={role}>
      <label>
        Email
        <input type="email" name="email" autoComplete="username" required readOnly={!!fixedEmail} value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        Name
        <input type="text" name="name" autoComplete="name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <p className="muted">At least 10 characters.</p>
      <div className="toolbar">
        <button type="submit" className="button" disabled={busy}>{busy ? "Creating…" : "Create account"}</button>
        {error ? <span className="fail" role="alert" data-testid="invite-error">{error}</span> : null}
      </div>
    </form>
  );
}
