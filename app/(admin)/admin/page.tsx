import type { Metadata } from "next";
import { InviteCreator } from "@/components/admin/invite-creator";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/ui/page-header";
import { listOpenInvites, listUsersWithActivity, db } from "@/lib/db";
import { ADMIN_ROLES, guardPage } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Admin" };

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** /admin (admins only, by the group's layout): users and roles, and invite links. */
export default async function AdminPage() {
  const me = await guardPage({ roles: ADMIN_ROLES }); // the layout guards full loads; this, client-side navigations
  const now = new Date();
  const [users, invites] = await Promise.all([listUsersWithActivity(db(), { now }), listOpenInvites(db(), { now })]);
  const rows = users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), disabledAt: u.disabledAt?.toISOString() ?? null, lastSeenAt: u.lastSeenAt?.toISOString() ?? null }));
  return (
    <>
      <PageHeader title="Admin">
        <p>
          Who can use this studio and as what: engineers and admins use every page, raters only Rate, admins also this
          one. Disabling an account ends its sessions at once; the studio always keeps at least one enabled admin.
        </p>
      </PageHeader>
      <UsersTable users={rows} me={me.email} />
      <InviteCreator />
      <section className="panel" aria-label="Open invites">
        <h2>Open invites</h2>
        {invites.length === 0 ? (
          <p className="muted">None: every invite link was used or has expired.</p>
        ) : (
          <table className="table" data-testid="open-invites">
            <thead><tr><th>Role</th><th>For</th><th>Created by</th><th>Expires</th></tr></thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.id} data-testid="open-invite"><td>{i.role}</td><td>{i.email ?? "anyone with the link"}</td><td>{i.createdBy.email}</td><td>{utc(i.expiresAt)}</td></tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
