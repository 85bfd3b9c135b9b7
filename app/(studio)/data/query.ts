import { z } from "zod";
import { SPLITS, type Split } from "@/lib/data";

/** Scenes per page on the Data browser. */
export const SCENES_PER_PAGE = 24;

const DataQuery = z.object({
  split: z.enum(["train", "val", "test"], { error: 'expected one of "train", "val", "test"' }).default("train"),
  page: z.coerce.number({ error: "expected a whole number from 1" }).int("expected a whole number from 1").min(1, "expected a whole number from 1").default(1),
});

export type DataQueryResult =
  | { ok: true; split: Split; page: number; pageCount: number; start: number; count: number }
  | { ok: false; field: string; message: string };

/** Parses the Data page's search params; a bad one names the field and what was expected. */
export function parseDataQuery(params: Record<string, string | string[] | undefined>): DataQueryResult {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = DataQuery.safeParse({ split: first(params.split), page: first(params.page) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: String(issue?.path[0] ?? "query"), message: issue?.message ?? "invalid query" };
  }
  const { split, page } = parsed.data;
  const total = SPLITS[split].count;
  const pageCount = Math.ceil(total / SCENES_PER_PAGE);
  if (page > pageCount) {
    return { ok: false, field: "page", message: `expected a page from 1 to ${pageCount} for the ${split} split` };
  }
  const start = (page - 1) * SCENES_PER_PAGE;
  return { ok: true, split, page, pageCount, start, count: Math.min(SCENES_PER_PAGE, total - start) };
}
