import type { ReactNode } from "react";
import { guardPage, RATE_ROLES } from "@/lib/server/page-guard";

/** Rating: any signed-in user; signed-out visitors go to sign-in. */
export default async function RateLayout({ children }: { children: ReactNode }) {
  await guardPage({ roles: RATE_ROLES });
  return children;
}
