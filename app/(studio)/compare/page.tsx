import type { Metadata } from "next";
import { CompareStudio } from "@/components/compare/compare-studio";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";
import "./compare.css";

export const metadata: Metadata = { title: "Compare" };

export default async function ComparePage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Compare">
        <p>
          Two checkpoints of a task on the same test scenes — by default the shipped MLE model (A) against the tuned one
          (B). Both are decoded greedily in a Web Worker in this tab and every term of the reward spec is scored per
          scene; the task&apos;s metrics come with B − A and a paired bootstrap interval. Comparisons are cached on the
          server, so the next person to ask sees them at once. Send the scenes worth a human look to a rating campaign.
        </p>
      </PageHeader>
      <CompareStudio />
    </>
  );
}
