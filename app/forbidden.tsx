import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { currentUser } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Not for this account" };

/** The 403 page the page guards show a signed-in user whose role may not open the page. */
export default async function Forbidden() {
  const user = await currentUser();
  return (
    <>
      <PageHeader title="Not for this account" />
      <section className="panel error-panel" role="alert" data-testid="forbidden" data-error-code="forbidden:page">
        <h2>403: this page is not open to {user ? `${user.email} (${user.role})` : "you"}</h2>
        {user?.role === "rater" ? (
          <p>Raters see only what rating needs: <Link href="/rate">go to Rate</Link>.</p>
        ) : (
          <p>
            Engineer pages are for engineers and admins, the admin page for admins. <Link href="/rate">Rate</Link> is open
            to every account; ask an admin if you need another role.
          </p>
        )}
        <p className="muted"><code>forbidden:page</code></p>
      </section>
    </>
  );
}
