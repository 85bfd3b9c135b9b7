import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rewards" };

export default async function RewardsPage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rewards" />
      <NotBuilt area="Rewards">
        <p>Here you will compose a weighted reward from the catalogue of terms (CIDEr-D, BLEU, the paper&apos;s detection reward, PQ, colorfulness, chroma fidelity, length and count guardrails, KL and entropy), validate it with the same schema the server uses, save it as a new version, and preview which sampled outputs it prefers.</p>
      </NotBuilt>
    </>
  );
}
