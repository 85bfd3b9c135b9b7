import type { Metadata } from "next";
import { CampaignsPage } from "@/components/rating/campaigns-page";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsRoute() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rating campaigns">
        <p>
          Ask people which of two checkpoints does better, blind: both outputs for every pair are computed once on the server,
          raters see them as left and right in an order drawn per assignment, and the results read as win rates with
          intervals, a Bradley–Terry fit, agreement and rater checks.
        </p>
      </PageHeader>
      <CampaignsPage />
    </>
  );
}
