import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Compare" };

export default function ComparePage() {
  return (
    <>
      <PageHeader title="Compare" />
      <NotBuilt area="Compare">
        <p>Here you will see the MLE model and a tuned model side by side on the same test scenes, with every metric and guardrail per image.</p>
      </NotBuilt>
    </>
  );
}
