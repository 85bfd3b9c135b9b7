"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Role } from "@/lib/db";
import { adminCall, utc } from "./admin-api";

/** A user as the admin page shows them (dates as ISO strings). */
export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: string | null;
  liveSessions: number;
  lastSeenAt: string | null;
}

const ROLES: readonly Role[] = ["admin", "engineer", "rater"];

/**
 * Every user with their role (a select that changes it), whether the account is disabled, live
 * sessions and last seen; Disable / Enable and End sessions. Each action goes to the API, then the
 * list is read again from the server; a refusal (the last admin, say) is shown above the table.
 */
export function UsersTable({ users, me }: { users: AdminUserRow[]; me: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function act(user: AdminUserRow, what: string, call: () => Promise<unknown>) {
    setBusy(user.id);
    setMessage(null);
    try {
      await call();
      setMessage({ ok: true, text: `${user.email}: ${what}` });
      router.refresh();
    } catch (err) {
      setMessage({ ok: false, text: `${user.email}: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(null);
    }
  }

  const patch = (user: AdminUserRow, body: { role?: Role; disabled?: boolean }) => () => adminCall("PATCH", `/api/users/${user.id}`, body);

  return (
    <section className="panel" aria-label="Users">
      <h2>Users</h2>
      {message ? (
        <p className={message.ok ? "ok" : "fail"} role={message.ok ? "status" : "alert"} data-testid="admin-message">{message.text}</p>
      ) : null}
      <table className="table" data-testid="users">
        <thead>
          <tr><th>Email</th><th>Name</th><th>Role</th><th>Account</th><th>Live sessions</th><th>Last seen</th><th>Actions</th></tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" data-email={u.email} data-role={u.role} data-disabled={u.disabledAt ? "true" : "false"}>
              <td>{u.email}{u.email === me ? <span className="muted"> (you)</span> : null}</td>
              <td>{u.name}</td>
              <td>
                <select
                  aria-label={`Role of ${u.email}`}
                  value={u.role}
                  disabled={busy === u.id}
                  onChange={(e) => { const role = e.target.value as Role; void act(u, `now ${role}`, patch(u, { role })); }}
                >
                  {ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                </select>
              </td>
              <td>{u.disabledAt ? <span className="fail">disabled {utc(u.disabledAt)}</span> : "active"}</td>
              <td data-testid="live-sessions">{u.liveSessions}</td>
              <td>{utc(u.lastSeenAt)}</td>
              <td className="toolbar">
                {u.disabledAt ? (
                  <button type="button" className="button" disabled={busy === u.id} onClick={() => void act(u, "enabled", patch(u, { disabled: false }))}>Enable</button>
                ) : (
                  <button type="button" className="button" disabled={busy === u.id} onClick={() => void act(u, "disabled, its sessions ended", patch(u, { disabled: true }))}>Disable</button>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={busy === u.id || u.liveSessions === 0}
                  onClick={() => void act(u, "sessions ended", () => adminCall("DELETE", `/api/users/${u.id}/sessions`))}
                >
                  End sessions
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
