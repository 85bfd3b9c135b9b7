import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rate" };

export default function RatePage() {
  return (
    <>
      <PageHeader title="Rate" />
      <NotBuilt area="Rate">
        <p>Here raters will vote blind between two outputs for the same scene, with sides randomised; the votes become a win rate with a bootstrap confidence interval.</p>
      </NotBuilt>
    </>
  );
}
