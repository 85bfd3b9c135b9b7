/**
 * Roll-outs on the server: creating one (checked against the checkpoints and the task's serving
 * model), moving it by a person's action or a gate's verdict (lib/rollout/machine.ts, applied in
 * one versioned transaction by lib/db), evaluating its stage from the prediction log, and the
 * view the page and GET /api/rollouts/<id> answer with.
 */
import "server-only";
import type { SessionUser } from "@/lib/auth";
import {
  applyRolloutTransition, campaignVotes, createRollout, findCampaign, findCheckpoint, findRollout, findServingModel, liveRollout, rolloutPredictions,
  type Db, type Prisma, type RolloutWithHistory,
} from "@/lib/db";
import { StudioError } from "@/lib/errors";
import { decisiveWinRate } from "@/lib/rating/results";
import { defaultStages, DriftSchema, GateSchema, type CreateRollout, type DriftSpec, type Gate, type RolloutAction } from "@/lib/rollout/contract";
import { evaluateGate, type StageData, type Verdict } from "@/lib/rollout/gates";
import { transition, TransitionRefused, type MachineInput, type RolloutState } from "@/lib/rollout/machine";

const stateOf = (r: RolloutWithHistory): RolloutState => ({ status: r.status, stageIndex: r.stageIndex, stageStartedAt: r.stageStartedAt, approvedStage: r.approvedStage, reason: r.reason });
const driftOf = (r: { guardrails: unknown }): DriftSpec[] => DriftSchema.array().catch([]).parse((r.guardrails as { drift?: unknown } | null)?.drift ?? []);
const gateOf = (stage: { gate: unknown } | undefined): Gate => GateSchema.parse(stage?.gate ?? {});

/** Applies `input` to the roll-out as it was read; 409 when the state does not allow it or someone moved it first. */
export async function moveRollout(db: Db, input: { rollout: RolloutWithHistory; move: MachineInput; actorId?: string; now?: Date }): Promise<RolloutWithHistory> {
  const now = input.now ?? new Date();
  const r = input.rollout;
  let next: ReturnType<typeof transition>;
  try {
    next = transition(stateOf(r), input.move, r.stages.length, now);
  } catch (err) {
    if (err instanceof TransitionRefused) throw new StudioError("conflict:rollout", `${err.message}`, { field: "action" });
    throw err;
  }
  const stage = r.stages[next.event.stageIndex]?.name;
  return applyRolloutTransition(db, {
    rolloutId: r.id, version: r.version, state: next.state, now,
    event: { type: next.event.type, ...(stage ? { stage } : {}), details: next.event.details as Prisma.InputJsonValue, ...(input.actorId ? { actorId: input.actorId } : {}) },
  });
}

/** Creates a roll-out (and starts it unless asked not to). One live roll-out per task. */
export async function createRolloutFor(db: Db, input: { body: CreateRollout; user: SessionUser }): Promise<RolloutWithHistory> {
  const { body } = input;
  const candidate = await findCheckpoint(db, { id: body.candidateId });
  if (!candidate) throw new StudioError("not_found:rollout", `candidateId: no checkpoint with id ${body.candidateId}`);
  const baselineId = body.baselineId ?? (await findServingModel(db, { task: body.task }))?.checkpointId;
  if (!baselineId) throw new StudioError("bad_request:rollout", `baselineId: nothing serves ${body.task} yet; name the baseline`, { field: "baselineId" });
  const baseline = await findCheckpoint(db, { id: baselineId });
  if (!baseline) throw new StudioError("not_found:rollout", `baselineId: no checkpoint with id ${baselineId}`);
  for (const [field, c] of [["candidateId", candidate], ["baselineId", baseline]] as const) {
    if (c.task !== body.task) throw new StudioError("bad_request:rollout", `${field}: ${c.name} is a ${c.task} model, not ${body.task}`, { field });
  }
  if (candidate.id === baseline.id) throw new StudioError("bad_request:rollout", `candidateId: ${candidate.name} is the baseline already; roll out another checkpoint`, { field: "candidateId" });
  const live = await liveRollout(db, { task: body.task });
  if (live) throw new StudioError("conflict:rollout", `"${live.name}" is rolling out on ${body.task} (${live.status}); finish or roll it back first`);
  const stages = body.stages ?? defaultStages();
  for (const [i, s] of stages.entries()) {
    if (!s.gate.winRate) continue;
    const field = `stages.${i}.gate.winRate.campaignId`;
    const c = await findCampaign(db, { id: s.gate.winRate.campaignId });
    if (!c) throw new StudioError("not_found:rollout", `${field}: no rating campaign with id ${s.gate.winRate.campaignId}`);
    if (c.bId !== candidate.id) throw new StudioError("bad_request:rollout", `${field}: campaign "${c.name}" rates ${c.b.name} as B, not the candidate ${candidate.name}`, { field });
  }
  const created = await createRollout(db, {
    name: body.name, task: body.task, candidateId: candidate.id, baselineId: baseline.id, ownerId: input.user.id,
    guardrails: { drift: body.drift } as unknown as Prisma.InputJsonValue,
    stages: stages.map((s) => ({ name: s.name, trafficPercent: s.percent, gate: s.gate as unknown as Prisma.InputJsonValue })),
  });
  return body.start ? moveRollout(db, { rollout: created, move: { type: "start" }, actorId: input.user.id }) : created;
}

/** What the current stage's gate reads: the stage's predictions, the shadow stage's baseline, the campaign's win rate. */
export async function stageData(db: Db, r: RolloutWithHistory, now: Date): Promise<StageData> {
  const since = r.stageStartedAt ?? r.createdAt;
  const rows = await rolloutPredictions(db, { rolloutId: r.id, since });
  const stats = (checkpointId: string) => rows.filter((p) => p.checkpointId === checkpointId && !p.error).map((p) => (p.metrics ?? {}) as Record<string, number>);
  const errors = (checkpointId: string) => rows.filter((p) => p.checkpointId === checkpointId && p.error).length;
  // Drift's reference: the baseline in the shadow stage (this stage's rows when it is the shadow stage, or there was none).
  const pastShadow = r.stages.some((s) => s.name === "shadow" && s.startedAt) && r.stages[r.stageIndex]?.name !== "shadow";
  const reference = pastShadow
    ? (await rolloutPredictions(db, { rolloutId: r.id, stage: "shadow", checkpointId: r.baselineId })).filter((p) => !p.error).map((p) => (p.metrics ?? {}) as Record<string, number>)
    : stats(r.baselineId);
  const gate = gateOf(r.stages[r.stageIndex]);
  let winRate: StageData["winRate"] = null;
  if (gate.winRate) {
    const { pairs, votes } = await campaignVotes(db, { campaignId: gate.winRate.campaignId });
    const gold = new Set(pairs.filter((p) => p.gold).map((p) => p.id));
    winRate = decisiveWinRate(votes.filter((v) => !gold.has(v.pairId)));
  }
  return {
    elapsedSeconds: (now.getTime() - since.getTime()) / 1000,
    candidate: { stats: stats(r.candidateId), errors: errors(r.candidateId) },
    baseline: { stats: stats(r.baselineId), errors: errors(r.baselineId) },
    reference, winRate, approved: r.approvedStage === r.stageIndex,
  };
}

/** Judges the current stage; a pass or a fail moves the roll-out (a concurrent mover wins, this one answers what it saw). */
export async function evaluateRollout(db: Db, input: { rolloutId: string; now?: Date }): Promise<{ rollout: RolloutWithHistory; verdict: Verdict | null }> {
  const now = input.now ?? new Date();
  const r = await findRollout(db, { id: input.rolloutId });
  if (!r) throw new StudioError("not_found:rollout", "no roll-out with this id");
  if (r.status !== "active") return { rollout: r, verdict: null };
  const verdict = evaluateGate(gateOf(r.stages[r.stageIndex]), driftOf(r), await stageData(db, r, now));
  if (verdict.outcome === "inconclusive") return { rollout: r, verdict };
  const numbers = { checks: verdict.checks.map((c) => ({ name: c.name, value: c.value, threshold: c.threshold, status: c.status })) };
  try {
    return { rollout: await moveRollout(db, { rollout: r, move: { type: "verdict", outcome: verdict.outcome, reason: verdict.reason, numbers }, now }), verdict };
  } catch (err) {
    if (err instanceof StudioError && err.code === "conflict:rollout") return { rollout: (await findRollout(db, { id: r.id }))!, verdict };
    throw err;
  }
}

/** A person's action. `evaluate` judges the stage now. */
export async function actOnRollout(db: Db, input: { rolloutId: string; action: RolloutAction; reason?: string; user: SessionUser }): Promise<RolloutWithHistory> {
  if (input.action === "evaluate") return (await evaluateRollout(db, { rolloutId: input.rolloutId })).rollout;
  const r = await findRollout(db, { id: input.rolloutId });
  if (!r) throw new StudioError("not_found:rollout", "no roll-out with this id");
  return moveRollout(db, { rollout: r, move: { type: input.action, ...(input.reason ? { reason: input.reason } : {}) }, actorId: input.user.id });
}

/** A roll-out as the API answers it: state, stages with their gates, the split now, the live gate check (read only), the events. */
export async function describeRollout(db: Db, r: RolloutWithHistory, now = new Date()) {
  const stage = r.stages[r.stageIndex];
  const live = r.status === "active" || r.status === "paused";
  const candidateShare = !live ? (r.status === "completed" ? 100 : 0) : stage?.name === "shadow" ? 0 : (stage?.trafficPercent ?? 0);
  const gate = live ? evaluateGate(gateOf(stage), driftOf(r), await stageData(db, r, now)) : null;
  const [candidate, baseline] = await Promise.all([findCheckpoint(db, { id: r.candidateId }), findCheckpoint(db, { id: r.baselineId })]);
  // The latest predictions (up to 600) for the page's charts of the live statistics.
  const rows = await rolloutPredictions(db, { rolloutId: r.id, since: new Date(now.getTime() - 6 * 3_600_000) });
  const recent = rows.slice(-600).map((p) => ({
    t: p.createdAt.toISOString(), side: p.checkpointId === r.candidateId ? "candidate" as const : "baseline" as const, shadow: p.shadow,
    stage: p.stage, error: p.error !== null, latencyMs: Math.round(p.latencyMs), stats: (p.metrics ?? {}) as Record<string, number>,
  }));
  return {
    id: r.id, name: r.name, task: r.task, status: r.status, reason: r.reason, version: r.version,
    candidate: { id: r.candidateId, name: candidate?.name ?? r.candidateId }, baseline: { id: r.baselineId, name: baseline?.name ?? r.baselineId },
    stageIndex: r.stageIndex, stageStartedAt: r.stageStartedAt?.toISOString() ?? null,
    stages: r.stages.map((s) => ({ name: s.name, percent: s.trafficPercent, gate: gateOf(s), startedAt: s.startedAt?.toISOString() ?? null, endedAt: s.endedAt?.toISOString() ?? null })),
    split: { candidate: candidateShare, baseline: 100 - candidateShare, mirrored: live && stage?.name === "shadow" },
    drift: driftOf(r),
    gate,
    recent,
    events: r.events.map((e) => ({ type: e.type, stage: e.stage, details: e.details, actorId: e.actorId, createdAt: e.createdAt.toISOString() })),
    createdAt: r.createdAt.toISOString(),
  };
}
export type RolloutView = Awaited<ReturnType<typeof describeRollout>>;
