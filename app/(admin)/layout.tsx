import type { ReactNode } from "react";
import { ADMIN_ROLES, guardPage } from "@/lib/server/page-guard";

/** Admin pages: admins only; signed-out visitors go to sign-in, anyone else gets the 403 page. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await guardPage({ roles: ADMIN_ROLES });
  return children;
}
