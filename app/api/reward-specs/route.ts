import { NextResponse } from "next/server";
import { findRewardSpecVersionById, listRewardSpecsWithVersions, saveRewardSpecVersion, type Prisma } from "@/lib/db";
import { canonicalRewardSpec } from "@/lib/rewards";
import { RewardSpecListQuery, SaveRewardSpecBody } from "@/lib/reward-specs/contract";
import { route } from "@/lib/server/edge";
import { describeSpec, describeVersion } from "@/lib/server/reward-spec-views";

/**
 * GET /api/reward-specs?task=captioning: every engineer's reward specs (of one task), most
 * recently saved first, each with every version newest first. Engineers and admins.
 */
export const GET = route({
  surface: "reward_spec",
  action: "list reward specs",
  access: ["engineer", "admin"],
  query: RewardSpecListQuery,
  handler: async ({ db, query }) => {
    const specs = await listRewardSpecsWithVersions(db, query);
    return NextResponse.json({ specs: specs.map(describeSpec) });
  },
});

/**
 * POST /api/reward-specs `{ name, spec, description? }`: saves `spec` (validated by the shared
 * RewardSpecSchema; a refusal is `bad_request:reward_spec` naming the field, e.g.
 * `spec.terms[1].weight`) as a new version of the caller's spec `name`: 201. The same content
 * again (after parsing and `canonicalRewardSpec`, so defaults and key order do not matter) answers 200 with the version
 * that holds it; nothing new is written but the description.
 */
export const POST = route({
  surface: "reward_spec",
  action: "save reward specs",
  access: ["engineer", "admin"],
  body: { kind: "json", schema: SaveRewardSpecBody },
  handler: async ({ db, body, user }) => {
    const saved = await saveRewardSpecVersion(db, {
      ownerId: user.id,
      name: body.name,
      task: body.spec.task,
      body: canonicalRewardSpec(body.spec) as unknown as Prisma.InputJsonValue,
      ...(body.description === undefined ? {} : { description: body.description }),
    });
    const version = await findRewardSpecVersionById(db, { id: saved.version.id });
    if (!version) throw new Error(`reward spec version ${saved.version.id} vanished after saving`);
    return NextResponse.json({ spec: describeVersion(version) }, { status: saved.created ? 201 : 200 });
  },
});
