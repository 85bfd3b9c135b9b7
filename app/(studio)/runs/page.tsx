import type { Metadata } from "next";
import { TabRun } from "@/components/runs/tab-run";
import { PageHeader } from "@/components/ui/page-header";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage() {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  return (
    <>
      <PageHeader title="Runs">
        <p>
          Pretrain by maximum likelihood, then tune with REINFORCE against a reward — in this tab, on the backend that
          trains this model fastest in your browser (WebGPU, WebGL or WASM, measured the first time; see Backends).
        </p>
      </PageHeader>
      <TabRun />
      <section className="panel not-built" role="status" data-testid="not-built">
        <h2>Not built yet</h2>
        <p>
          Choosing a saved reward spec, streaming the run&apos;s metrics to the server, live charts and run history (tab runs
          are saved in this browser&apos;s IndexedDB, and can be uploaded to the server when you are signed in). Headless runs work today with the CLI:{" "}
          <code>npx reward-studio pretrain</code> / <code>tune</code> / <code>eval</code> (see the README).
        </p>
      </section>
    </>
  );
}
