import { NextResponse } from "next/server";
import { findRewardSpecVersionById } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { VersionParams } from "@/lib/reward-specs/contract";
import { route } from "@/lib/server/edge";
import { describeVersion } from "@/lib/server/reward-spec-views";

/** GET /api/reward-specs/<versionId>: one saved version with its body (what the run and compare pages read). Engineers and admins. */
export const GET = route({
  surface: "reward_spec",
  action: "read reward specs",
  access: ["engineer", "admin"],
  params: VersionParams,
  handler: async ({ db, params }) => {
    const version = await findRewardSpecVersionById(db, { id: params.id });
    if (!version) throw new StudioError("not_found:reward_spec", `id: no reward spec version "${params.id.slice(0, 64)}"`, { field: "id" });
    return NextResponse.json({ spec: describeVersion(version) });
  },
});
