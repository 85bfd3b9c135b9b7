import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Compare" />
      <NotBuilt area="Compare">
        <p>Here you will see the MLE model and a tuned model side by side on the same test scenes, with every metric and guardrail per image.</p>
      </NotBuilt>
    </>
  );
}
