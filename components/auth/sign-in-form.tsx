"use client";

import { useState, type FormEvent } from "react";
import { useSignInRequest } from "./use-sign-in-request";

/** Email and password, POSTed to /api/session; on success the user goes back to `next`. */
export function SignInForm({ next }: { next: string }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, send } = useSignInRequest();

  function submit(e: FormEvent) {
    e.preventDefault();
    void send("/api/session", { email, password }, () => next);
  }

  return (
    <form className="panel sign-in" onSubmit={submit} aria-label="Sign in">
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
