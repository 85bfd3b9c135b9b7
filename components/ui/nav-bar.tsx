"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AccountMenu } from "@/components/auth/account-menu";
import { SITE_AREAS } from "@/components/site-areas";

/**
 * Top navigation: the studio's areas, the current one marked for sighted and screen-reader
 * users, and who is signed in.
 */
export function NavBar() {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Studio areas">
      <Link href="/" className="nav-brand">
        Reward Studio
      </Link>
      <ul>
        {SITE_AREAS.map((area) => {
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
      <AccountMenu />
    </nav>
  );
}
