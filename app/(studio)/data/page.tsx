import type { Metadata } from "next";
import Link from "next/link";
import { DataFingerprint } from "@/components/data/data-fingerprint";
import { SceneBrowser } from "@/components/data/scene-browser";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { SPLITS } from "@/lib/data";
import { guardPage, STUDIO_ROLES } from "@/lib/server/page-guard";
import { parseDataQuery } from "./query";

export const metadata: Metadata = { title: "Data" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const fmt = (n: number) => n.toLocaleString("en-US");

export default async function DataPage({ searchParams }: { searchParams: SearchParams }) {
  await guardPage({ roles: STUDIO_ROLES }); // the layout guards full loads; this, client-side navigations
  const query = parseDataQuery(await searchParams);
  return (
    <>
      <PageHeader title="Data">
        <p>
          ShapeWorld: seeded synthetic scenes that carry every label the four tasks need — boxes for detection, a
          panoptic map, colours for colorization and five or more reference captions. The same seed gives the same
          bytes in Node and in this browser; the scenes below are generated here, in your tab.
        </p>
      </PageHeader>
      {query.ok ? (
        <>
          <div className="toolbar">
            <nav className="segmented" aria-label="Split">
              {(Object.keys(SPLITS) as (keyof typeof SPLITS)[]).map((s) => (
                <Link key={s} href={`/data?split=${s}`} aria-current={s === query.split ? "page" : undefined}>
                  {s} <span className="muted">({fmt(SPLITS[s].count)})</span>
                </Link>
              ))}
            </nav>
            <span className="muted" data-testid="split-range">
              {query.split}: seeds {fmt(SPLITS[query.split].start)}–{fmt(SPLITS[query.split].start + SPLITS[query.split].count - 1)}
            </span>
            <nav className="pager" aria-label="Pages">
              {query.page > 1 ? (
                <Link href={`/data?split=${query.split}&page=${query.page - 1}`} rel="prev">← Previous</Link>
              ) : (
                <span className="disabled">← Previous</span>
              )}
              <span data-testid="page-indicator">
                page {fmt(query.page)} of {fmt(query.pageCount)}
              </span>
              {query.page < query.pageCount ? (
                <Link href={`/data?split=${query.split}&page=${query.page + 1}`} rel="next">Next →</Link>
              ) : (
                <span className="disabled">Next →</span>
              )}
            </nav>
          </div>
          <SceneBrowser split={query.split} start={query.start} count={query.count} />
          <DataFingerprint split={query.split} start={query.start} count={200} />
        </>
      ) : (
        <ErrorPanel
          title="This page of data cannot be shown"
          code={`bad_request:${query.field}`}
          message={`The "${query.field}" parameter is invalid: ${query.message}.`}
        />
      )}
    </>
  );
}
