import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { registerReviewSubject, type SubjectContext, type SubjectHandler } from '../reviews/index.js';
import * as repo from './activities.repository.js';
import { assertSubmittable, markSubmitted, reviewChangesOf } from './activities.service.js';
import { stockBucketsFor } from './stock-buckets.js';

async function pendingActivity(ctx: SubjectContext, expected: string) {
  const a = await repo.lockActivity(ctx.tx, ctx.review.subjectId);
  if (!a || a.status !== expected) throw new AppError('ACTIVITY_NOT_SUBMITTABLE');
  return a;
}

async function settle(ctx: SubjectContext, status: 'approved' | 'returned' | 'draft', action: 'activity.approved' | 'activity.returned' | 'activity.withdrawn') {
  const a = await pendingActivity(ctx, 'pending');
  const after = await repo.updateActivity(ctx.tx, a.id, a.version, { status });
  if (!after) throw new AppError('CONFLICT');
  await recordAudit(ctx.tx, ctx.deps.config.keys.auditKey, ctx.actor, { action, objectType: 'activity', objectId: a.id, orgId: a.orgId, before: { status: a.status }, after: { status } });
  return after;
}

/**
 * What the shared reviews do to a 普惠活动 (subject `benefit_activity`): the upper union's approval
 * lets it be opened and puts its prizes' stock in place; a return sends it back for correction; a
 * withdrawal makes it a draft again.
 */
export const activitySubject: SubjectHandler = {
  async approved(ctx) {
    const a = await settle(ctx, 'approved', 'activity.approved');
    // The stock members claim from, split into buckets (see stock-buckets.ts).
    for (const p of await repo.listPrizes(ctx.tx, a.id)) await repo.insertStock(ctx.tx, stockBucketsFor(p.id, p.quantity));
  },
  async returned(ctx) {
    await settle(ctx, 'returned', 'activity.returned');
  },
  async withdrawn(ctx) {
    await settle(ctx, 'draft', 'activity.withdrawn');
  },
  async resubmitted(ctx, payload) {
    const a = await pendingActivity(ctx, 'returned');
    // The version the submitter saw, when they said (the console's 提交审核 does).
    const seen = payload?.activityVersion;
    if (seen !== undefined && seen !== a.version) throw new AppError('CONFLICT');
    await assertSubmittable(ctx.tx, ctx.deps, a);
    const after = await markSubmitted(ctx.tx, ctx.deps, ctx.actor, a);
    return { title: `${after.title}（普惠活动）`, changes: await reviewChangesOf(ctx.tx, after), payload: { activityId: a.id } };
  },
};

/** Tells the review mechanism about 普惠活动; once, at start-up. */
export function registerBenefitReviews(): void {
  registerReviewSubject('benefit_activity', activitySubject);
}
