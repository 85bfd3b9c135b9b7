import type { Metadata } from "next";
import Link from "next/link";
import { CampaignDetailView } from "@/components/rating/campaign-detail";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignRoute({ params }: { params: Promise<{ id: string }> }) {
  await guardPage({ roles: STUDIO_ROLES });
  const { id } = await params;
  return (
    <>
      <PageHeader title="Campaign"><p><Link href="/campaigns">← all campaigns</Link></p></PageHeader>
      <CampaignDetailView campaignId={id} />
    </>
  );
}
