import Link from "next/link";
import { connection } from "next/server";
import { areasFor, SITE_AREAS } from "@/components/site-areas";
import { PageHeader } from "@/components/ui/page-header";
import { countRecords, db } from "@/lib/db";
import { env } from "@/lib/env";
import { currentUser } from "@/lib/server/page-guard";

export default async function HomePage() {
  await connection(); // reads the live database: render per request, never at build time
  const counts = await countRecords(db());
  const database = env().database;
  // Signed in: the areas this role may open; signed out: what the studio has (each asks to sign in).
  const user = await currentUser();
  const areas = user ? areasFor(user.role) : SITE_AREAS.filter((a) => a.href !== "/admin");
  return (
    <>
      <PageHeader title="Reward Studio">
        <p>
          Tune vision models to the metric that matters, following <em>Tuning computer vision models with task
          rewards</em> (Susano Pinto et al., ICML 2023): pretrain by maximum likelihood, then tune with REINFORCE
          against a reward built from the task&apos;s own metric plus guardrails.
        </p>
      </PageHeader>
      <section className="area-grid" aria-label="Areas">
        {areas.map((area) => (
          <Link key={area.href} href={area.href} className="panel area-card">
            <h2>
              {area.label} {area.status === "planned" ? <span className="badge">not built yet</span> : area.status === "partial" ? <span className="badge">partly built</span> : null}
            </h2>
            <p>{area.summary}</p>
          </Link>
        ))}
      </section>
      <section className="panel" aria-label="Studio status" data-testid="studio-status">
        <h2>This studio</h2>
        <dl className="facts">
          <dt>Database</dt>
          <dd>{database.provider === "sqlite" ? `SQLite (${database.file})` : "PostgreSQL"}</dd>
          <dt>Users</dt>
          <dd>{counts.users}</dd>
          <dt>Reward specs</dt>
          <dd>{counts.rewardSpecs}</dd>
          <dt>Checkpoints</dt>
          <dd>{counts.checkpoints}</dd>
          <dt>Runs</dt>
          <dd>{counts.runs}</dd>
          <dt>Votes</dt>
          <dd>{counts.votes}</dd>
          <dt>Roll-outs</dt>
          <dd>{counts.rollouts}</dd>
        </dl>
      </section>
    </>
  );
}
