"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AccountMenu } from "@/components/auth/account-menu";
import { useSession } from "@/components/auth/session-store";
import { areasFor } from "@/components/site-areas";
import type { SessionUser } from "@/lib/auth";

/**
 * Top navigation: the areas the signed-in role may open (none signed out), the current one
 * marked for sighted and screen-reader users, and who is signed in. `initialUser` is who the
 * server saw, so the first paint is already right.
 */
export function NavBar({ initialUser }: { initialUser: SessionUser | null }) {
  const pathname = usePathname();
  const session = useSession(initialUser);
  const areas = areasFor(session.status === "ready" ? session.user?.role : null);
  return (
    <nav className="nav" aria-label="Studio areas">
      <Link href="/" className="nav-brand">
        Reward Studio
      </Link>
      <ul>
        {areas.map((area) => {
          const current = pathname === area.href || pathname.startsWith(`${area.href}/`);
          return (
            <li key={area.href}>
              <Link href={area.href} aria-current={current ? "page" : undefined} className={current ? "active" : undefined}>
                {area.label}
                {area.status === "planned" ? <span className="nav-soon" aria-hidden="true">soon</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
      <AccountMenu initialUser={initialUser} />
    </nav>
  );
}
