"use client";

import { useState, type FormEvent } from "react";
import type { Role } from "@/lib/db";
import { useSignInRequest } from "./use-sign-in-request";

/** Where a new account starts: raters rate, engineers and admins start at the runs. */
const HOME: Record<Role, string> = { rater: "/rate", engineer: "/runs", admin: "/admin" };

/**
 * The new account's name and password (and email when the invite names none), POSTed to
 * /api/invites/accept; on success the new user is signed in and sent to where their role starts.
 */
export function InviteForm({ token, role, email: fixedEmail }: { token: string; role: Role; email: string | null }) {
  const [email, setEmail] = useState(fixedEmail ?? "");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, send } = useSignInRequest();

  function submit(e: FormEvent) {
    e.preventDefault();
    void send("/api/invites/accept", { token, name, password, ...(fixedEmail ? {} : { email }) }, (user) => HOME[user.role]);
  }

  return (
    <form className="panel sign-in" onSubmit={submit} aria-label="Create your account" data-role={role}>
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
