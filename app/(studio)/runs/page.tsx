import type { Metadata } from "next";
import { NotBuilt } from "@/components/ui/not-built";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader title="Runs" />
      <NotBuilt area="Runs">
        <p>Here you will launch MLE pretraining and REINFORCE tuning runs in this tab (WebGPU, falling back to WebGL, WASM and CPU) and watch each reward term, the composite, KL to the MLE model, entropy and held-out metrics move step by step.</p>
      </NotBuilt>
    </>
  );
}
