import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, PROVIDERS, type TestDatabase } from "@/lib/testing/databases";
import { seededRandom } from "@/lib/preference/bootstrap";
import { castVote, createDraftCampaign, createUser, nextAssignment, openCampaignRows, registerCheckpoint } from "./index";

const RATERS = 100;
const VOTES_EACH = 20;
const VOTES_PER_PAIR = 2;
// Exactly as many slots as votes: every slot must be filled once, none twice.
const PAIRS = (RATERS * VOTES_EACH) / VOTES_PER_PAIR;

describe.each(PROVIDERS)("100 concurrent raters × 20 votes on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await freshDatabase(provider); });
  afterAll(async () => { await t?.dispose(); });

  it("loses no vote, doubles none, and hands no pair out beyond its overlap", async () => {
    const a = await registerCheckpoint(t.db, { name: "A", task: "captioning", architecture: "x", uri: "/a", manifest: {} });
    const b = await registerCheckpoint(t.db, { name: "B", task: "captioning", architecture: "x", uri: "/b", manifest: {} });
    const owner = await createUser(t.db, { email: "owner@load", name: "owner", role: "engineer" });
    const raters = [];
    for (let i = 0; i < RATERS; i++) raters.push(await createUser(t.db, { email: `r${i}@load`, name: `r${i}`, role: "rater" }));
    const draft = await createDraftCampaign(t.db, {
      name: "load", task: "captioning", aId: a.id, bId: b.id, ownerId: owner.id,
      pairs: Array.from({ length: PAIRS }, (_, i) => ({ sceneSeed: 101_000 + i })),
    });
    const rows = await t.db.comparisonPair.findMany({ where: { campaignId: draft.id }, select: { id: true, sceneSeed: true } });
    const side = { kind: "caption", text: "x" };
    await openCampaignRows(t.db, {
      campaignId: draft.id, now: new Date(), raterIds: raters.map((r) => r.id),
      settings: { instructions: "", votesPerPair: VOTES_PER_PAIR, goldCount: 0, specVersionId: null },
      images: [{ id: "scene", png: new Uint8Array([0]) }],
      pairs: rows.map((p) => ({ id: p.id, sceneSeed: p.sceneSeed, outputA: {}, outputB: {}, viewA: side, viewB: side, rewardA: {}, rewardB: {}, sceneImageId: "scene" })),
    });
    const campaign = { id: draft.id, votesPerPair: VOTES_PER_PAIR };

    let doubleSubmits = 0;
    const rater = async (raterId: string, i: number) => {
      const random = seededRandom(i + 1);
      const answers: boolean[] = [];
      for (let v = 0; v < VOTES_EACH; v++) {
        const got = await nextAssignment(t.db, { campaign, raterId, now: new Date(), ttlMs: 3_600_000, random });
        if (!got) throw new Error(`rater ${i} got nothing at vote ${v}`);
        const vote = () => castVote(t.db, { assignmentId: got.id, raterId, side: random() < 0.5 ? "left" : "right", comment: "", idempotencyKey: `${raterId}:${v}`, now: new Date() });
        // Every fourth vote is a double click: two copies of one request at once.
        if (v % 4 === 0) {
          doubleSubmits++;
          const [x, y] = await Promise.all([vote(), vote()]);
          answers.push(x.replayed !== y.replayed);
        } else {
          answers.push(!(await vote()).replayed);
        }
      }
      return answers;
    };
    const results = await Promise.all(raters.map((r, i) => rater(r.id, i)));
    expect(results.flat().every(Boolean)).toBe(true);
    expect(doubleSubmits).toBe(RATERS * (VOTES_EACH / 4));

    const votes = await t.db.vote.findMany({ where: { pair: { campaignId: draft.id } }, select: { pairId: true, raterId: true } });
    expect(votes).toHaveLength(RATERS * VOTES_EACH);
    const perPair = new Map<string, number>();
    for (const v of votes) perPair.set(v.pairId, (perPair.get(v.pairId) ?? 0) + 1);
    expect(perPair.size).toBe(PAIRS);
    expect([...perPair.values()].every((n) => n === VOTES_PER_PAIR)).toBe(true);
    expect(new Set(votes.map((v) => `${v.pairId}:${v.raterId}`)).size).toBe(votes.length);
    const assignments = await t.db.assignment.count({ where: { campaignId: draft.id } });
    expect(assignments).toBe(RATERS * VOTES_EACH);
    const over = await t.db.comparisonPair.count({ where: { campaignId: draft.id, assigned: { gt: VOTES_PER_PAIR } } });
    expect(over).toBe(0);
  }, 240_000);
});
