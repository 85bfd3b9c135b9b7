import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rollouts" };

export default function RolloutsPage() {
  return (
    <>
      <PageHeader title="Rollouts" />
      <NotBuilt area="Rollouts">
        <p>Here you will roll a tuned model out in stages (shadow, canary, full) behind guardrails computed on live predictions, with automatic and one-click rollback.</p>
      </NotBuilt>
    </>
  );
}
