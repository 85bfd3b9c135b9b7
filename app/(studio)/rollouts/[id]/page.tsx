import type { Metadata } from "next";
import Link from "next/link";
import { RolloutDetail } from "@/components/rollouts/rollout-detail";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Roll-out" };

export default async function RolloutRoute({ params }: { params: Promise<{ id: string }> }) {
  await guardPage({ roles: STUDIO_ROLES });
  const { id } = await params;
  return (
    <>
      <PageHeader title="Roll-out"><p><Link href="/rollouts">← all roll-outs</Link></p></PageHeader>
      <RolloutDetail rolloutId={id} />
    </>
  );
}
