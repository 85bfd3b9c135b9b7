import type { Metadata } from "next";
import { NewRunForm } from "@/components/runs/new-run-form";
import { TabRun } from "@/components/runs/tab-run";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "New run" };

export default async function NewRunPage() {
  await guardPage({ roles: STUDIO_ROLES });
  return (
    <>
      <PageHeader title="New run">
        <p>
          Tune a model with REINFORCE against a saved reward spec, in a Web Worker in this tab, on the backend that trains
          it fastest here (WebGPU, WebGL or WASM; see Backends). The run streams its metrics to the server and uploads its
          checkpoints, so its page can be reloaded, shared and resumed.
        </p>
      </PageHeader>
      <NewRunForm />
      <details className="panel" data-testid="offline-quick-run">
        <summary>Offline quick run (kept in this browser only)</summary>
        <TabRun />
      </details>
    </>
  );
}
