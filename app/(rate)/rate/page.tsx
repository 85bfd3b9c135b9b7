import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, RATE_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rate" };

export default async function RatePage() {
  await guardPage({ roles: RATE_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rate" />
      <NotBuilt area="Rate">
        <p>Here raters will vote blind between two outputs for the same scene, with sides randomised; the votes become a win rate with a bootstrap confidence interval.</p>
      </NotBuilt>
    </>
  );
}
