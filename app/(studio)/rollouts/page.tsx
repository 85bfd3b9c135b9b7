import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rollouts" };

export default async function RolloutsPage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rollouts" />
      <NotBuilt area="Rollouts">
        <p>Here you will roll a tuned model out in stages (shadow, canary, full) behind guardrails computed on live predictions, with automatic and one-click rollback.</p>
      </NotBuilt>
    </>
  );
}
