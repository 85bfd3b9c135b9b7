import type { Metadata } from "next";
import Link from "next/link";
import { RunView } from "@/components/runs/run-view";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ start?: string }> }) {
  await guardPage({ roles: STUDIO_ROLES });
  const { id } = await params;
  const { start } = await searchParams;
  return (
    <>
      <PageHeader title="Run">
        <p><Link href="/runs">← all runs</Link> · <span className="mono">{id}</span></p>
      </PageHeader>
      <RunView runId={id} autoStart={start === "1"} />
    </>
  );
}
