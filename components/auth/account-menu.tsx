"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import type { SessionUser } from "@/lib/auth";
import { signOut, useSession } from "./session-store";

/**
 * The nav bar's corner: who is signed in with a Sign out button, or a Sign in link that comes
 * back here. Signing out renders the page again on the server, whose guard then asks to sign in.
 */
export function AccountMenu({ initialUser }: { initialUser?: SessionUser | null }) {
  const session = useSession(initialUser);
  const pathname = usePathname();
  const router = useRouter();
  if (session.status === "loading") return <div className="nav-account" aria-hidden="true" />;
  const { user } = session;
  if (!user) {
    if (pathname === "/sign-in" || pathname.startsWith("/invite/")) return <div className="nav-account" />;
    return (
      <div className="nav-account">
        <Link href={`/sign-in?next=${encodeURIComponent(pathname)}`} data-testid="sign-in-link">Sign in</Link>
      </div>
    );
  }
  return (
    <div className="nav-account" data-testid="signed-in" data-email={user.email} data-role={user.role}>
      {user.role === "rater" ? (
        <span>
          {user.name} <span className="muted">({user.role})</span>
        </span>
      ) : (
        <Link href="/account" data-testid="account-link" title="Your account and API tokens">
          {user.name} <span className="muted">({user.role})</span>
        </Link>
      )}
      <button type="button" className="button" onClick={() => void signOut().then(() => router.refresh())}>Sign out</button>
    </div>
  );
}
