import type { Metadata } from "next";
import Link from "next/link";
import { RateSession } from "@/components/rating/rate-session";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, RATE_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rate a pair" };

export default async function RateCampaignPage({ params }: { params: Promise<{ campaign: string }> }) {
  await guardPage({ roles: RATE_ROLES });
  const { campaign } = await params;
  return (
    <>
      <PageHeader title="Which is better?">
        <p>
          Keys: <kbd>1</kbd>/<kbd>←</kbd> left, <kbd>2</kbd>/<kbd>→</kbd> right, <kbd>3</kbd>/<kbd>T</kbd> about the same,{" "}
          <kbd>4</kbd>/<kbd>B</kbd> both bad, <kbd>5</kbd>/<kbd>S</kbd> skip, <kbd>U</kbd> undo the last vote, <kbd>C</kbd> comment.{" "}
          <Link href="/rate">All your campaigns</Link>
        </p>
      </PageHeader>
      <RateSession campaignId={campaign} />
    </>
  );
}
