import type { ReviewAction, ReviewChange, ReviewDetail, ReviewRow, ReviewStatus, ReviewStepStatus, ReviewSubjectType } from '@gonghui/contracts';
import type { z } from 'zod';
import type { reviewApproveBodySchema, reviewQuerySchema, reviewResubmitBodySchema, reviewReturnBodySchema, reviewWithdrawBodySchema } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { handlerOf, type Resubmission } from './review-subjects.js';
import * as repo from './reviews.repository.js';

/**
 * Who reviews a step, resolved when its stage starts: an organisation itself, or the upper
 * organisation of one ("the upper union of the submitter", "the releasing side's upper union").
 */
export type ReviewerRule = { org: string } | { upperOf: string };
export interface StepPlan {
  stage: number;
  label: string;
  reviewer: ReviewerRule;
}

export interface OpenReview {
  subjectType: ReviewSubjectType;
  subjectId: string;
  submitterOrgId: string | null;
  submittedBy: string | null;
  title: string;
  changes: ReviewChange[];
  payload: Record<string, unknown>;
  plan: StepPlan[];
}

/** Who is acting on a review: an organisation's operator, or (for their own submission) a person. */
export interface Reviewer {
  accountId: string;
  name: string;
  /** Null for a person acting on their own application. */
  orgId: string | null;
  scopePath: string | null;
}

export const reviewerOf = (c: ScopedCaller): Reviewer => ({ accountId: c.accountId, name: c.name, orgId: c.post.orgId, scopePath: c.scopePath });

async function resolveReviewer(tx: Tx, rule: ReviewerRule): Promise<string> {
  if ('org' in rule) return rule.org;
  const org = await repo.orgParent(tx, rule.upperOf);
  // The city federation has no upper union: it reviews its own submissions.
  return org?.parentId ?? rule.upperOf;
}

/** Creates a round's steps: the first stage starts now, later stages wait. */
async function openRound(tx: Tx, review: repo.ReviewRecord, round: number, now: Date): Promise<void> {
  const plan = review.plan as StepPlan[];
  const first = Math.min(...plan.map((p) => p.stage));
  const values = [];
  for (const p of plan) {
    const starts = p.stage === first;
    values.push({
      reviewId: review.id,
      round,
      stage: p.stage,
      label: p.label,
      reviewerOrgId: starts ? await resolveReviewer(tx, p.reviewer) : null,
      status: starts ? 'pending' : 'waiting',
      startedAt: starts ? now : null,
    });
  }
  await repo.insertSteps(tx, values);
}

async function trail(tx: Tx, review: repo.ReviewRecord, who: Reviewer | null, action: ReviewAction, stepId: string | null, reason: string | null, now: Date) {
  await repo.insertAction(tx, {
    reviewId: review.id,
    stepId,
    round: review.round,
    action,
    actorAccountId: who?.accountId ?? null,
    actorName: who?.name ?? null,
    actorOrgId: who?.orgId ?? null,
    reason,
    at: now,
  });
}

/** Puts a subject under review, in the caller's transaction (the subject and its review land together). */
export async function openReview(tx: Tx, deps: Deps, actor: Actor, who: Reviewer | null, input: OpenReview): Promise<repo.ReviewRecord> {
  const now = deps.now();
  const review = await repo.insertReview(tx, { ...input, status: 'pending', round: 1, submittedAt: now, updatedAt: now });
  await openRound(tx, review, 1, now);
  await trail(tx, review, who, 'submitted', null, null, now);
  await recordAudit(tx, deps.config.keys.auditKey, actor, {
    action: 'review.submitted',
    objectType: 'review',
    objectId: review.id,
    orgId: input.submitterOrgId,
    after: { subjectType: input.subjectType, title: input.title },
  });
  return review;
}

/**
 * A subject whose earlier submission was withdrawn is submitted again: the same review (one per
 * subject) starts a new round with its trail kept, as when it was first opened.
 */
export async function reopenWithdrawnReview(tx: Tx, deps: Deps, actor: Actor, who: Reviewer | null, id: string, input: Resubmission): Promise<repo.ReviewRecord> {
  const locked = await repo.lockReview(tx, id);
  if (!locked || locked.status !== 'withdrawn') throw new AppError('REVIEW_CANNOT_RESUBMIT');
  const now = deps.now();
  const review = (await repo.updateReview(tx, id, locked.version, { status: 'pending', round: locked.round + 1, decidedAt: null, submittedAt: now, ...input }))!;
  await openRound(tx, review, review.round, now);
  await trail(tx, review, who, 'submitted', null, null, now);
  await recordAudit(tx, deps.config.keys.auditKey, actor, {
    action: 'review.submitted',
    objectType: 'review',
    objectId: review.id,
    orgId: review.submitterOrgId,
    after: { subjectType: review.subjectType, title: review.title, round: review.round },
  });
  return review;
}

const canActOn = (who: Reviewer, s: repo.StepView) => s.status === 'pending' && !!who.scopePath && !!s.reviewerOrgPath && s.reviewerOrgPath.startsWith(who.scopePath);

/** The step the caller acts on: their own organisation's first, else one below them they may act for. */
function stepFor(who: Reviewer, review: repo.ReviewRecord, steps: repo.StepView[]): repo.StepView {
  if (review.status !== 'pending') throw new AppError('REVIEW_TAKEN');
  const mine = steps.filter((s) => canActOn(who, s));
  if (mine.length === 0) throw new AppError(steps.some((s) => s.status === 'pending') ? 'REVIEW_NOT_YOURS' : 'REVIEW_TAKEN');
  return mine.find((s) => s.reviewerOrgId === who.orgId) ?? mine[0];
}

async function visibleOrThrow(tx: Tx, who: Reviewer, id: string): Promise<repo.ReviewRecord> {
  const review = await repo.lockReview(tx, id);
  if (!review) throw new AppError('NOT_FOUND');
  const mayAsApplicant = review.submitterOrgId === null && review.submittedBy === who.accountId;
  if (!mayAsApplicant && !(who.scopePath && (await repo.isVisible(tx, id, who.scopePath)))) throw new AppError('NOT_FOUND');
  return review;
}

async function audit(tx: Tx, deps: Deps, actor: Actor, review: repo.ReviewRecord, action: 'review.approved' | 'review.returned' | 'review.withdrawn' | 'review.resubmitted', after: Record<string, unknown>) {
  await recordAudit(tx, deps.config.keys.auditKey, actor, {
    action,
    objectType: 'review',
    objectId: review.id,
    orgId: review.submitterOrgId,
    after: { subjectType: review.subjectType, title: review.title, ...after },
  });
}

/** Approves the caller's step; the last approval of the last stage approves the whole review. */
export async function approveReview(deps: Deps, who: Reviewer, actor: Actor, id: string, body: z.infer<typeof reviewApproveBodySchema>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    let review = await visibleOrThrow(tx, who, id);
    const steps = await repo.listSteps(tx, id, review.round);
    const step = stepFor(who, review, steps);
    const now = deps.now();
    const reason = body.reason || null;
    if (!(await repo.setStep(tx, step.id, 'pending', { status: 'approved', actedAt: now, actedBy: who.accountId, reason }))) throw new AppError('REVIEW_TAKEN');
    await trail(tx, review, who, 'approved', step.id, reason, now);
    const stage = await repo.stepsOfStage(tx, id, review.round, step.stage);
    let decided = false;
    if (stage.every((s) => s.status === 'approved')) {
      const later = steps.filter((s) => s.stage > step.stage && s.status === 'waiting');
      if (later.length > 0) {
        const next = Math.min(...later.map((s) => s.stage));
        const plan = (review.plan as StepPlan[]).filter((p) => p.stage === next);
        for (const s of later.filter((x) => x.stage === next)) {
          const p = plan.find((x) => x.label === s.label)!;
          await repo.setStep(tx, s.id, 'waiting', { status: 'pending', startedAt: now, reviewerOrgId: await resolveReviewer(tx, p.reviewer) });
        }
      } else decided = true;
    }
    review = (await repo.updateReview(tx, id, review.version, decided ? { status: 'approved', decidedAt: now } : {}))!;
    if (decided) {
      const final = await handlerOf(review.subjectType).approved({ tx, deps, actor, review, accountId: who.accountId });
      if (final?.changes) review = (await repo.updateReview(tx, id, review.version, { changes: final.changes }))!;
    }
    await audit(tx, deps, actor, review, 'review.approved', { step: step.label, reason, decided });
  });
}

/** Returns the review with a reason: every open step ends, and the subject goes back as it was. */
export async function returnReview(deps: Deps, who: Reviewer, actor: Actor, id: string, body: z.infer<typeof reviewReturnBodySchema>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    let review = await visibleOrThrow(tx, who, id);
    const steps = await repo.listSteps(tx, id, review.round);
    const step = stepFor(who, review, steps);
    const now = deps.now();
    if (!(await repo.setStep(tx, step.id, 'pending', { status: 'returned', actedAt: now, actedBy: who.accountId, reason: body.reason }))) throw new AppError('REVIEW_TAKEN');
    await repo.cancelOpenSteps(tx, id, review.round);
    await trail(tx, review, who, 'returned', step.id, body.reason, now);
    review = (await repo.updateReview(tx, id, review.version, { status: 'returned', decidedAt: now }))!;
    await handlerOf(review.subjectType).returned({ tx, deps, actor, review, accountId: who.accountId });
    await audit(tx, deps, actor, review, 'review.returned', { step: step.label, reason: body.reason });
  });
}

const isSubmitter = async (tx: Tx, who: Reviewer, review: repo.ReviewRecord) =>
  review.submitterOrgId === null ? review.submittedBy === who.accountId : !!who.scopePath && (await repo.orgInScope(tx, review.submitterOrgId, who.scopePath));

/** The submitter takes a review back, as long as nobody has acted on this round. */
export async function withdrawReview(deps: Deps, who: Reviewer, actor: Actor, id: string, body: z.infer<typeof reviewWithdrawBodySchema>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    let review = await visibleOrThrow(tx, who, id);
    if (!(await isSubmitter(tx, who, review))) throw new AppError('FORBIDDEN', undefined, '只有提交单位可以撤回');
    if (review.version !== body.version) throw new AppError('CONFLICT');
    const steps = await repo.listSteps(tx, id, review.round);
    if (review.status !== 'pending' || steps.some((s) => s.status === 'approved' || s.status === 'returned')) throw new AppError('REVIEW_CANNOT_WITHDRAW');
    const now = deps.now();
    await repo.cancelOpenSteps(tx, id, review.round);
    await trail(tx, review, who, 'withdrawn', null, body.reason || null, now);
    review = (await repo.updateReview(tx, id, review.version, { status: 'withdrawn', decidedAt: now }))!;
    await handlerOf(review.subjectType).withdrawn({ tx, deps, actor, review, accountId: who.accountId });
    await audit(tx, deps, actor, review, 'review.withdrawn', { reason: body.reason || null });
  });
}

/** A returned review, corrected (or not) and sent again: a new round of the same steps. */
export async function resubmitReview(deps: Deps, who: Reviewer, actor: Actor, id: string, body: z.infer<typeof reviewResubmitBodySchema>): Promise<void> {
  await deps.db.transaction(async (tx) => {
    let review = await visibleOrThrow(tx, who, id);
    if (!(await isSubmitter(tx, who, review))) throw new AppError('FORBIDDEN', undefined, '只有提交单位可以重新提交');
    if (review.status !== 'returned') throw new AppError('REVIEW_CANNOT_RESUBMIT');
    if (review.version !== body.version) throw new AppError('CONFLICT');
    const now = deps.now();
    const changed = await handlerOf(review.subjectType).resubmitted({ tx, deps, actor, review, accountId: who.accountId }, body.payload);
    review = (await repo.updateReview(tx, id, review.version, { status: 'pending', round: review.round + 1, decidedAt: null, ...changed }))!;
    await openRound(tx, review, review.round, now);
    await trail(tx, review, who, 'resubmitted', null, null, now);
    await audit(tx, deps, actor, review, 'review.resubmitted', { round: review.round });
  });
}

function toRow(x: repo.ReviewListRow): ReviewRow {
  return {
    id: x.r.id,
    subjectType: x.r.subjectType as ReviewSubjectType,
    subjectId: x.r.subjectId,
    title: x.r.title,
    status: x.r.status as ReviewStatus,
    submitterOrgId: x.r.submitterOrgId,
    submitterOrgName: x.submitterOrgName ?? '个人申请',
    submittedBy: x.submittedByName,
    submittedAt: x.r.submittedAt.toISOString(),
    updatedAt: x.r.updatedAt.toISOString(),
    waitingFor: x.waitingFor,
    overdue: x.overdue,
    round: x.r.round,
  };
}

export async function listReviews(deps: Deps, caller: ScopedCaller, q: z.infer<typeof reviewQuerySchema>) {
  const r = await repo.listReviews(deps.db, { ...q, orgId: caller.post.orgId, scopePath: caller.scopePath });
  return { items: r.items.map(toRow), total: r.total, page: q.page, pageSize: q.pageSize };
}

export async function reviewCounts(deps: Deps, caller: ScopedCaller) {
  return repo.countBoxes(deps.db, caller.post.orgId, caller.scopePath);
}

/** The review as its reader sees it: the change, the steps (which the caller may act on), the trail. */
export async function getReview(deps: Deps, who: Reviewer, id: string): Promise<ReviewDetail> {
  const x = await repo.findReviewRow(deps.db, id);
  if (!x) throw new AppError('NOT_FOUND');
  const mayAsApplicant = x.r.submitterOrgId === null && x.r.submittedBy === who.accountId;
  if (!mayAsApplicant && !(who.scopePath && (await repo.isVisible(deps.db, id, who.scopePath)))) throw new AppError('NOT_FOUND');
  const steps = await repo.listSteps(deps.db, id, x.r.round);
  const submitter = await isSubmitter(deps.db as Tx, who, x.r);
  return {
    ...toRow(x),
    changes: x.r.changes as ReviewChange[],
    payload: x.r.payload as Record<string, unknown>,
    version: x.r.version,
    steps: steps.map((s) => ({
      id: s.id,
      stage: s.stage,
      label: s.label,
      status: s.status as ReviewStepStatus,
      reviewerOrgId: s.reviewerOrgId,
      reviewerOrgName: s.reviewerOrgName,
      startedAt: s.startedAt?.toISOString() ?? null,
      actedAt: s.actedAt?.toISOString() ?? null,
      actedBy: s.actedByName,
      reason: s.reason,
      overdue: s.status === 'pending' && s.flaggedAt !== null,
      canAct: x.r.status === 'pending' && canActOn(who, s),
    })),
    trail: (await repo.listTrail(deps.db, id)).map((t) => ({ ...t, action: t.action as ReviewAction, at: t.at.toISOString() })),
    canWithdraw: submitter && x.r.status === 'pending' && !steps.some((s) => s.status === 'approved' || s.status === 'returned'),
    canResubmit: submitter && x.r.status === 'returned',
  };
}

/** The review of a subject, for its module (who is reviewing an application, say). */
export async function reviewOfSubject(deps: Deps, subjectType: ReviewSubjectType, subjectId: string) {
  const r = await repo.findReviewBySubject(deps.db, subjectType, subjectId);
  if (!r) return null;
  const steps = await repo.listSteps(deps.db, r.id, r.round);
  return {
    review: r,
    waitingFor: steps.filter((s) => s.status === 'pending').map((s) => s.reviewerOrgName ?? ''),
    returnReason: steps.find((s) => s.status === 'returned')?.reason ?? null,
  };
}

/**
 * Reports steps that have waited longer than the configured days to the reviewer's upper union
 * (they appear in its 下级逾期未审 list) and notes it in the trail. Idempotent: a step is flagged once.
 */
export async function flagOverdueReviews(deps: Deps, now: Date = deps.now()): Promise<number> {
  const days = deps.config.reviewOverdueDays;
  return deps.db.transaction(async (tx) => {
    const flagged = await repo.flagOverdueSteps(tx, new Date(now.getTime() - days * 86_400_000), now);
    for (const s of flagged) {
      const upper = s.reviewerOrgId ? await repo.orgParent(tx, s.reviewerOrgId) : undefined;
      const upperName = upper?.parentId ? (await repo.orgParent(tx, upper.parentId))?.name : undefined;
      await repo.insertAction(tx, {
        reviewId: s.reviewId,
        stepId: s.id,
        round: s.round,
        action: 'flagged_overdue',
        reason: `超过${days}天未审核${upperName ? `，已提醒上级工会「${upperName}」` : ''}`,
        at: now,
      });
    }
    return flagged.length;
  });
}

/** Runs the overdue check now and every hour; idempotent, so several servers may all run it. */
export function startOverdueFlagging(deps: Deps): { stop(): void } {
  const run = () => flagOverdueReviews(deps).catch((e) => console.error('review overdue check failed:', (e as Error).message));
  const first = setTimeout(run, 15_000);
  const timer = setInterval(run, 3600_000);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
