import type { Metadata } from "next";
import Link from "next/link";
import { RunsList } from "@/components/runs/runs-list";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Runs">
        <p>
          Every REINFORCE tuning run, from a browser tab or the CLI: its status (a tab that went quiet shows as
          interrupted and can be resumed), reward spec, best held-out metric and its change over the base model.{" "}
          <Link href="/runs/new">Launch a run →</Link>
        </p>
      </PageHeader>
      <RunsList />
    </>
  );
}
