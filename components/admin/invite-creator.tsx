"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Role } from "@/lib/db";
import { adminCall, utc } from "./admin-api";

interface CreatedInvite {
  role: Role;
  email: string | null;
  expiresAt: string;
  path: string;
}

const EXPIRY = [
  { hours: 24, label: "1 day" },
  { hours: 7 * 24, label: "7 days" },
  { hours: 30 * 24, label: "30 days" },
] as const;

/**
 * Creates an invite link (POST /api/invites) for a role, optionally one email, expiring after a
 * day, a week or a month; shows the link once (the server keeps only its hash) to pass on.
 */
export function InviteCreator() {
  const router = useRouter();
  const [role, setRole] = useState<Role>("rater");
  const [email, setEmail] = useState("");
  const [hours, setHours] = useState<number>(7 * 24);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [created, setCreated] = useState<CreatedInvite | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    setCreated(null);
    try {
      const { invite } = await adminCall<{ invite: CreatedInvite }>("POST", "/api/invites", { role, expiresInHours: hours, ...(email.trim() ? { email: email.trim() } : {}) });
      setCreated(invite);
      setEmail("");
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const link = created ? `${window.location.origin}${created.path}` : "";
  return (
    <section className="panel" aria-label="Invite">
      <h2>Invite someone</h2>
      <form className="toolbar" onSubmit={(e) => void submit(e)} aria-label="New invite">
        <label>
          Role{" "}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <option value="rater">rater</option>
            <option value="engineer">engineer</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label>
          Email (optional){" "}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="anyone with the link" />
        </label>
        <label>
          Expires after{" "}
          <select value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {EXPIRY.map((x) => <option key={x.hours} value={x.hours}>{x.label}</option>)}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy}>{busy ? "Creating…" : "Create invite link"}</button>
        {error ? <span className="fail" role="alert" data-testid="invite-create-error">{error}</span> : null}
      </form>
      {created ? (
        <div data-testid="invite-link" data-role={created.role} data-expires={created.expiresAt}>
          <p>
            A link for {created.email ?? "anyone who has it"} to join as <strong>{created.role}</strong>, once, until {utc(created.expiresAt)}.
            Copy it now: it is shown only this once.
          </p>
          <input type="text" readOnly aria-label="Invite link" value={link} size={link.length} onFocus={(e) => e.target.select()} />
        </div>
      ) : null}
    </section>
  );
}
