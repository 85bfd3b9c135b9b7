/**
 * Opening a rating campaign: both checkpoints decode every pair's scene on the server (TF.js
 * WASM, models loaded once per process), each side is scored with the campaign's reward spec,
 * drawn for raters (lib/rating/render.ts), gold pairs are added, and everything is stored with
 * the settings in one transaction (lib/db openCampaignRows). Nothing is written until every
 * output is computed, so a failure leaves the draft as it was.
 */
import "server-only";
import { generateScene, SPLITS, type Scene } from "@/lib/data";
import { findRewardSpecVersionById, openCampaignRows, opaqueId, type Db, type OpenedPair, type Prisma } from "@/lib/db";
import { StudioError } from "@/lib/errors";
import type { OpenCampaign } from "@/lib/rating/contract";
import { goldSeeds, raterSide, scenePicture, type RenderedPicture } from "@/lib/rating/render";
import { compileRewardSpec, DEFAULT_REWARD_SPECS, type CompiledRewardSpec, plainOutput, trainerRewardContext, type TaskId } from "@/lib/rewards";
import { appModelDirs, serverPolicy, type ModelDirs } from "@/lib/serving/models";
import type { Policy } from "@/lib/tasks";
import { scoreComparison } from "@/lib/training/compare";
import { greedyInBatches, imageSizeOf } from "@/lib/training/evaluate";

/** Scenes decoded per batch; the event loop gets a turn between batches. */
const BATCH = 16;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const decode = (policy: Policy, scenes: readonly Scene[]) => greedyInBatches(policy, scenes, { batchSize: BATCH, between: turn });

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * The raters and the compiled reward spec that `settings` name, refused with `bad_request:campaign`
 * (or `not_found`) naming the field when they cannot work for a campaign of `task` with `pairs` pairs.
 */
export async function checkOpenSettings(db: Db, input: { task: TaskId; pairs: number; settings: OpenCampaign }): Promise<{ raterIds: string[]; spec: CompiledRewardSpec }> {
  const { settings, task } = input;
  const raterIds = [...new Set(settings.raterIds)];
  const raters = await db.user.findMany({ where: { id: { in: raterIds }, disabledAt: null }, select: { id: true } });
  const missing = raterIds.filter((id) => !raters.some((r) => r.id === id));
  if (missing.length > 0) throw new StudioError("bad_request:campaign", `raterIds: no active user with id ${missing.join(", ")}`, { field: "raterIds" });
  if (settings.votesPerPair > raterIds.length) {
    throw new StudioError("bad_request:campaign", `votesPerPair: ${settings.votesPerPair} votes per pair need at least as many raters; ${raterIds.length} invited`, { field: "votesPerPair" });
  }
  if (settings.goldCount > 0 && settings.goldCount + 1 > SPLITS.test.count - input.pairs) {
    throw new StudioError("bad_request:campaign", "goldCount: not enough test scenes left for gold pairs", { field: "goldCount" });
  }
  let specBody: unknown = DEFAULT_REWARD_SPECS[task];
  if (settings.specVersionId) {
    const v = await findRewardSpecVersionById(db, { id: settings.specVersionId });
    if (!v) throw new StudioError("not_found:campaign", `specVersionId: no reward spec version with id ${settings.specVersionId}`);
    if (v.spec.task !== task) throw new StudioError("bad_request:campaign", `specVersionId: "${v.spec.name}" v${v.version} is a ${v.spec.task} spec; the campaign is ${task}`, { field: "specVersionId" });
    specBody = v.body;
  }
  // Scored without the spec's KL fold (kl.beta belongs to training): scoreComparison drops it.
  const spec = compileRewardSpec(specBody);

  return { raterIds, spec };
}

/**
 * Computes and stores everything raters will be shown, then opens the campaign. The caller has
 * checked that the user owns the draft. Throws `bad_request:campaign` naming the field for
 * settings that cannot work (more votes per pair than raters, a spec of another task, ...).
 */
export async function openCampaign(
  db: Db,
  input: { campaignId: string; settings: OpenCampaign; dirs?: ModelDirs; now?: () => Date; checked?: Awaited<ReturnType<typeof checkOpenSettings>> },
): Promise<{ seconds: number }> {
  const t0 = performance.now();
  const { settings } = input;
  const campaign = await db.campaign.findUnique({ where: { id: input.campaignId }, include: { a: true, b: true, pairs: { orderBy: { sceneSeed: "asc" } } } });
  if (!campaign) throw new StudioError("not_found:campaign", "no campaign with this id");
  if (campaign.status !== "draft") throw new StudioError("conflict:campaign", `campaign "${campaign.name}" is ${campaign.status}; only a draft can be opened`);
  if (campaign.pairs.length === 0) throw new StudioError("bad_request:campaign", "the campaign has no pairs: add scenes from /compare or create it with scenes", { field: "pairs" });

  // The caller may have checked the settings already (POST /api/campaigns, before it wrote the draft).
  const { raterIds, spec } = input.checked ?? await checkOpenSettings(db, { task: campaign.task as TaskId, pairs: campaign.pairs.length, settings });
  const task = campaign.task as TaskId;

  const dirs = input.dirs ?? appModelDirs();
  const policyA = await serverPolicy(campaign.a, dirs);
  const policyB = await serverPolicy(campaign.b, dirs);
  const size = imageSizeOf(policyA);
  if (imageSizeOf(policyB) !== size) throw new StudioError("bad_request:campaign", `${campaign.a.name} and ${campaign.b.name} take images of different sizes; they cannot be shown the same scenes`, { field: "bCheckpointId" });

  const scenes = campaign.pairs.map((p) => generateScene(p.sceneSeed, { size }));
  const outA = await decode(policyA, scenes);
  const outB = await decode(policyB, scenes);
  const scored = scoreComparison(spec, scenes, outA, outB, trainerRewardContext());
  const rewardOf = (s: { terms: Record<string, number | null>; composite: number | null }) => ({ terms: s.terms, composite: s.composite });

  const pictures: RenderedPicture[] = [];
  const keep = (p: RenderedPicture | null) => { if (p) pictures.push(p); return p; };
  const view = (scene: Scene, output: unknown) => {
    const { side, picture } = raterSide(task, scene, output, opaqueId);
    keep(picture);
    return side;
  };
  const pairs: OpenedPair[] = campaign.pairs.map((p, i) => {
    const scene = scenes[i]!;
    const picture = keep(scenePicture(task, scene, opaqueId))!;
    return {
      id: p.id, sceneSeed: p.sceneSeed,
      outputA: json(plainOutput(outA[i]!)), outputB: json(plainOutput(outB[i]!)),
      viewA: json(view(scene, outA[i])), viewB: json(view(scene, outB[i])),
      rewardA: json(rewardOf(scored.scenes[i]!.a)), rewardB: json(rewardOf(scored.scenes[i]!.b)),
      sceneImageId: picture.id,
    };
  });

  // Gold pairs: A's output on a scene against A's output on the next gold scene (a caption, boxes
  // or segments of another picture); the scene's own output is the known answer.
  const gold = goldSeeds(settings.goldCount > 0 ? settings.goldCount + 1 : 0, new Set(campaign.pairs.map((p) => p.sceneSeed)));
  if (settings.goldCount > 0) {
    const goldScenes = gold.map((seed) => generateScene(seed, { size }));
    const goldOut = await decode(policyA, goldScenes);
    for (let i = 0; i < settings.goldCount; i++) {
      const scene = goldScenes[i]!;
      const decoy = goldOut[i + 1]!;
      const picture = keep(scenePicture(task, scene, opaqueId))!;
      pairs.push({
        sceneSeed: scene.seed, note: `gold: scene ${scene.seed}'s own output against scene ${goldScenes[i + 1]!.seed}'s`,
        outputA: json(plainOutput(goldOut[i]!)), outputB: json(plainOutput(decoy)),
        viewA: json(view(scene, goldOut[i])), viewB: json(view(scene, decoy)),
        rewardA: json({}), rewardB: json({}), sceneImageId: picture.id, gold: "a",
      });
    }
  }

  await openCampaignRows(db, {
    campaignId: campaign.id,
    settings: { instructions: settings.instructions, votesPerPair: settings.votesPerPair, goldCount: settings.goldCount, specVersionId: settings.specVersionId ?? null },
    raterIds, images: pictures, pairs, now: (input.now ?? (() => new Date()))(),
  });
  return { seconds: (performance.now() - t0) / 1000 };
}
