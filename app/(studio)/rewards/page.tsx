import type { Metadata } from "next";
import { RewardComposer } from "@/components/rewards/reward-composer";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";
import "./rewards.css";

export const metadata: Metadata = { title: "Rewards" };

export default async function RewardsPage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rewards">
        <p>
          Compose a weighted reward from the task&apos;s catalogue of terms, validated by the same schema the server uses,
          save it as a version, and see at once which sampled outputs it prefers — before any training.
        </p>
      </PageHeader>
      <RewardComposer />
    </>
  );
}
