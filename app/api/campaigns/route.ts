import { NextResponse } from "next/server";
import { CampaignListQuerySchema, CampaignPostSchema } from "@/lib/compare/contract";
import { appendDraftPairs, checkDraftAppend, createDraftCampaign, findCampaign, listCampaigns } from "@/lib/db";
import { seedAt } from "@/lib/data";
import type { TaskId } from "@/lib/rewards/task-types";
import { checkOpenSettings, openCampaign } from "@/lib/server/campaign-open";
import { route } from "@/lib/server/edge";
import { comparedCheckpoints, describeCampaign } from "@/lib/server/compare-store";

/** GET /api/campaigns?status=draft&task=captioning: your campaigns, most recently changed first. Engineers and admins. */
export const GET = route({
  surface: "campaign",
  action: "list rating campaigns",
  access: ["engineer", "admin"],
  query: CampaignListQuerySchema,
  handler: async ({ db, query, user }) => {
    const rows = await listCampaigns(db, { ownerId: user.id, ...query });
    return NextResponse.json({ campaigns: rows.map(describeCampaign) });
  },
});

/**
 * POST /api/campaigns `{ name, task, aCheckpointId, bCheckpointId, pairs: [{ sceneSeed, note? }] |
 * scenes: { start, count }, open? }`: a new draft rating campaign of those pairs (201); with
 * `open` (raters, votes per pair, gold pairs, instructions, spec) it opens at once: both models'
 * outputs are computed on the server and stored, and the raters may start. With `campaignId`:
 * adds the pairs to that draft of yours (same task and checkpoints), skipping scenes it holds
 * already, and answers 200 with how many were new, so a retry adds nothing.
 */
export const POST = route({
  surface: "campaign",
  action: "gather pairs for rating",
  access: ["engineer", "admin"],
  body: { kind: "json", schema: CampaignPostSchema },
  handler: async ({ db, body, user }) => {
    const pairs = body.pairs ?? Array.from({ length: body.scenes!.count }, (_, i) => ({ sceneSeed: seedAt("test", body.scenes!.start + i) }));
    const { a, b, task } = await comparedCheckpoints(db, {
      surface: "campaign", task: body.task, a: { field: "aCheckpointId", id: body.aCheckpointId }, b: { field: "bCheckpointId", id: body.bCheckpointId },
    });
    if (body.campaignId) {
      const draft = await findCampaign(db, { id: body.campaignId });
      checkDraftAppend(draft, { userId: user.id, aId: a.id, bId: b.id, task });
      const { campaign, added } = await appendDraftPairs(db, { campaignId: draft.id, pairs });
      return NextResponse.json({ campaign: describeCampaign(campaign), added }, { status: 200 });
    }
    // Settings that cannot work are refused before anything is written.
    const checked = body.open ? await checkOpenSettings(db, { task: task as TaskId, pairs: pairs.length, settings: body.open }) : undefined;
    const draft = await createDraftCampaign(db, { name: body.name!, task, aId: a.id, bId: b.id, ownerId: user.id, pairs });
    if (!body.open) return NextResponse.json({ campaign: describeCampaign(draft), added: draft._count.pairs }, { status: 201 });
    const { seconds } = await openCampaign(db, { campaignId: draft.id, settings: body.open, checked });
    return NextResponse.json({ campaign: describeCampaign((await findCampaign(db, { id: draft.id }))!), added: draft._count.pairs, seconds }, { status: 201 });
  },
});
