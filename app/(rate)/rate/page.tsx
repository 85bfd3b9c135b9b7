import type { Metadata } from "next";
import Link from "next/link";
import { RateList } from "@/components/rating/rate-list";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, RATE_ROLES, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Rate" };

export default async function RatePage() {
  const user = await guardPage({ roles: RATE_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Rate">
        <p>
          Judge two outputs for the same scene and say which is better. You are not told which model made which, and the
          sides are drawn at random for every pair. Every choice has a key, so you can rate with the keyboard alone.
          {STUDIO_ROLES.includes(user.role) ? <> Engineers set up campaigns and read their results under <Link href="/campaigns">Campaigns</Link>.</> : null}
        </p>
      </PageHeader>
      <RateList />
    </>
  );
}
