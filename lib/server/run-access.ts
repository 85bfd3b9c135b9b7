/** Who may write to a run: its owner, or an admin. Anyone the route lets in may read it. */
import "server-only";
import type { SessionUser } from "@/lib/auth";
import { findRunSummary, type Db, type RunWithSummary } from "@/lib/db";
import { StudioError } from "@/lib/errors";

/** The run if `user` may write to it; `not_found:run` for an unknown id, `forbidden:run` when it is someone else's. */
export async function findRunForWrite(db: Db, input: { id: string; user: SessionUser; action: string }): Promise<RunWithSummary> {
  const run = await findRunSummary(db, { id: input.id });
  if (!run) throw new StudioError("not_found:run", `run ${input.id} was not found`);
  if (run.ownerId !== input.user.id && input.user.role !== "admin") {
    throw new StudioError("forbidden:run", `run ${run.id} belongs to ${run.owner.email}; only its owner or an admin may ${input.action}`);
  }
  return run;
}

/** The run, or `not_found:run`. */
export async function findRunForRead(db: Db, input: { id: string }): Promise<RunWithSummary> {
  const run = await findRunSummary(db, { id: input.id });
  if (!run) throw new StudioError("not_found:run", `run ${input.id} was not found`);
  return run;
}
