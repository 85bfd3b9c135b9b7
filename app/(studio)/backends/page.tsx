import type { Metadata } from "next";
import { BackendCheck } from "@/components/backends/backend-check";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Backends" };

export default async function BackendsPage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Backends">
        <p>
          What this browser can train on: which TF.js backends it offers, which one <em>auto</em> picks for a run and the
          step times behind that choice, and a check that every backend computes the same numbers as the plain-JavaScript
          reference.
        </p>
      </PageHeader>
      <BackendCheck />
    </>
  );
}
