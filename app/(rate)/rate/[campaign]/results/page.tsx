import type { Metadata } from "next";
import { ResultsView } from "@/components/rating/results-view";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Campaign results" };

/** Engineers and admins only: the results name the models, which raters must never see. */
export default async function CampaignResultsPage({ params }: { params: Promise<{ campaign: string }> }) {
  await guardPage({ roles: STUDIO_ROLES });
  const { campaign } = await params;
  return (
    <>
      <PageHeader title="Campaign results">
        <p>What people preferred, with honest uncertainty: every proportion has its 95 % interval, and the raters, their agreement and their checks are shown beside it. Refreshed every 10 s while votes come in.</p>
      </PageHeader>
      <ResultsView campaignId={campaign} />
    </>
  );
}
