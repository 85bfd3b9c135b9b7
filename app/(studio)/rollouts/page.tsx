import type { Metadata } from "next";
import { RolloutsPage } from "@/components/rollouts/rollouts-page";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rollouts" };

export default async function RolloutsRoute() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rollouts">
        <p>
          Take a tuned model to production traffic in stages (shadow, canary, full) behind gates on its live, label-free statistics,
          with automatic rollback on a guardrail breach and pause, promote and roll back in one click. Predictions come in through{" "}
          <code>POST /api/v1/predict/&lt;task&gt;</code> with an API token of the <em>predict</em> scope (made on the Account page).
        </p>
      </PageHeader>
      <RolloutsPage />
    </>
  );
}
