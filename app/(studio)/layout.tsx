import type { ReactNode } from "react";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

/** Engineer pages: signed-out visitors go to sign-in; raters get the 403 page, which points them to /rate. */
export default async function StudioLayout({ children }: { children: ReactNode }) {
  await guardPage({ roles: STUDIO_ROLES });
  return children;
}
