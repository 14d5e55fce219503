import {
  activityScopeLabels,
  claimLimitKindLabels,
  type Activity,
  type ActivityCreateBody,
  type ActivityPrizeInput,
  type ActivityQuery,
  type ActivityRow,
  type ActivityScope,
  type ActivityStatus,
  type ActivityUpdateBody,
  type ClaimLimitKind,
  type ReviewChange,
} from '@gonghui/contracts';
import type { Readable } from 'node:stream';
import type { DbOrTx, Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { findOrg } from '../organisations/index.js';
import { openReview, reopenWithdrawnReview, resubmitReview, reviewerOf, reviewOfSubject } from '../reviews/index.js';
import * as repo from './activities.repository.js';
import { chinaDateTime } from './china-time.js';
import { activityContentText, sanitiseActivityContent } from './activities.content.js';
import { imageInfo, openBenefitImage, storeBenefitImage } from './benefit-images.js';
import { allocatedOf, findCouponInScope } from './coupons.repository.js';

export const ACTIVITY_SUBJECT = 'benefit_activity' as const;
const EDITABLE: readonly string[] = ['draft', 'returned'];

const yuan = (fen: number) => `${(fen / 100).toFixed(2)}元`;

/** When settlement may be exported: the claim window and every prize coupon's validity are over. */
export function deadlineOf(a: repo.ActivityRecord, prizes: repo.PrizeView[]): Date {
  return new Date(Math.max(a.endsAt.getTime(), ...prizes.map((p) => p.validTo.getTime())));
}

export async function activityInScope(db: DbOrTx, caller: ScopedCaller, id: string, lock = false): Promise<repo.ActivityRecord> {
  const a = await repo.findActivityInScope(db, id, caller.scopePath, lock);
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

async function reviewFacts(deps: Deps, a: repo.ActivityRecord) {
  const r = await reviewOfSubject(deps, ACTIVITY_SUBJECT, a.id);
  const decided = r && (r.review.status === 'approved' || r.review.status === 'returned');
  return {
    reviewId: r?.review.id ?? null,
    reviewedAt: decided ? (r.review.decidedAt?.toISOString() ?? null) : null,
    returnReason: a.status === 'returned' ? (r?.returnReason ?? null) : null,
  };
}

function rowOf(a: repo.ActivityRecord, orgName: string, merchantNames: string[], counts: repo.ActivityCountsRow, facts: { reviewId: string | null; reviewedAt: string | null }): ActivityRow {
  return {
    id: a.id,
    title: a.title,
    orgId: a.orgId,
    orgName,
    merchantNames,
    kind: 'coupon_claim',
    status: a.status as ActivityStatus,
    isOpen: a.isOpen,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    counts,
    reviewId: facts.reviewId,
    reviewedAt: facts.reviewedAt,
    version: a.version,
  };
}

export async function toActivityDto(deps: Deps, a: repo.ActivityRecord): Promise<Activity> {
  const prizes = await repo.listPrizes(deps.db, a.id);
  const facts = await reviewFacts(deps, a);
  const deadline = deadlineOf(a, prizes);
  const merchantNames = [...new Set(prizes.map((p) => p.merchantName).filter((n): n is string => !!n))].sort();
  return {
    ...rowOf(a, await repo.orgNameOf(deps.db, a.orgId), merchantNames, await repo.countsOfActivity(deps.db, a.id), facts),
    claimLimitKind: a.claimLimitKind as ClaimLimitKind,
    claimLimitPerDay: a.claimLimitPerDay,
    scope: a.scope as ActivityScope,
    contentHtml: a.contentHtml,
    coverImage: imageInfo(a.coverImage),
    prizes: prizes.map((p) => ({
      id: p.id,
      couponId: p.couponId,
      couponTitle: p.couponTitle,
      couponName: p.couponName,
      merchantName: p.merchantName,
      faceValueFen: p.faceValueFen,
      validFrom: p.validFrom.toISOString(),
      validTo: p.validTo.toISOString(),
      quantity: p.quantity,
      remaining: p.stock ?? p.quantity,
    })),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    returnReason: facts.returnReason,
    canEdit: EDITABLE.includes(a.status),
    settlementReady: deps.now() > deadline,
    deadline: deadline.toISOString(),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The fig. 29 list with its 合计 row. */
export async function listActivities(deps: Deps, caller: ScopedCaller, q: ActivityQuery) {
  const r = await repo.listActivities(deps.db, caller.scopePath, q);
  const items: ActivityRow[] = [];
  for (const a of r.items) items.push(rowOf(a, a.orgName, a.merchantNames, a.counts, await reviewFacts(deps, a)));
  return { items, total: r.total, page: q.page, pageSize: q.pageSize, totals: r.totals };
}

export async function getActivity(deps: Deps, caller: ScopedCaller, id: string): Promise<Activity> {
  return toActivityDto(deps, await activityInScope(deps.db, caller, id));
}

/** Seed 001 step (5): "时间要晚于当前时间", by the server's clock. */
function assertStartsAhead(deps: Deps, startsAt: Date): void {
  if (startsAt <= deps.now()) throw new AppError('ACTIVITY_WINDOW_PAST', [{ path: 'startsAt', message: '活动开始时间要晚于当前时间' }]);
}

/**
 * The prize list: coupons in the caller's subtree, enabled, still valid when the activity starts,
 * and no more of each than the coupon has left unallocated (other activities' lists reserve theirs).
 * Coupon rows are locked in a fixed order, so two lists taking from one coupon queue, never oversubscribe.
 */
async function checkPrizes(tx: Tx, caller: ScopedCaller, activityId: string | null, prizes: ActivityPrizeInput[], startsAt: Date): Promise<void> {
  const order = prizes.map((p, i) => ({ ...p, i })).sort((a, b) => (a.couponId < b.couponId ? -1 : 1));
  for (const p of order) {
    const path = `prizes.${p.i}`;
    const coupon = await findCouponInScope(tx, p.couponId, caller.scopePath, true);
    if (!coupon) throw fieldError(`${path}.couponId`, '优惠券不存在或不在您的管辖范围内');
    if (!coupon.enabled) throw new AppError('COUPON_DISABLED', [{ path: `${path}.couponId`, message: `优惠券「${coupon.name}」未开启` }], `优惠券「${coupon.name}」未开启，不能加入活动`);
    if (coupon.validTo <= startsAt) throw fieldError(`${path}.couponId`, `优惠券「${coupon.name}」的有效期在活动开始前已结束`);
    const left = coupon.quantity - (await allocatedOf(tx, coupon.id, activityId ?? undefined));
    if (p.quantity > left) {
      const message = `优惠券「${coupon.name}」尚未分配的数量为${left}张，奖品数量不能超过${left}`;
      throw new AppError('COUPON_STOCK_SHORT', [{ path: `${path}.quantity`, message }], message);
    }
  }
}

function limitOf(kind: ClaimLimitKind, perDay: number | null | undefined): number | null {
  if (kind === 'once') return null;
  if (!perDay) throw fieldError('claimLimitPerDay', '请填写每天限制次数');
  return perDay;
}

const auditView = (a: repo.ActivityRecord) => {
  const { coverImage, ...rest } = a;
  return { ...rest, cover: !!coverImage };
};

/** 新增活动 (seed 001 fig. 28): a draft of the caller's union, with its prize list if given. */
export async function createActivity(deps: Deps, caller: ScopedCaller, actor: Actor, body: ActivityCreateBody): Promise<Activity> {
  const startsAt = new Date(body.startsAt);
  assertStartsAhead(deps, startsAt);
  const a = await deps.db.transaction(async (tx) => {
    const a = await repo.insertActivity(tx, {
      orgId: caller.post.orgId,
      title: body.title,
      claimLimitKind: body.claimLimitKind,
      claimLimitPerDay: limitOf(body.claimLimitKind, body.claimLimitPerDay),
      scope: body.scope,
      startsAt,
      endsAt: new Date(body.endsAt),
      contentHtml: sanitiseActivityContent(body.contentHtml),
      status: 'draft',
      isOpen: false,
      createdBy: caller.accountId,
    });
    await checkPrizes(tx, caller, a.id, body.prizes, startsAt);
    await repo.replacePrizes(tx, a.id, body.prizes);
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'activity.created', objectType: 'activity', objectId: a.id, orgId: a.orgId, after: { ...auditView(a), prizes: body.prizes } });
    return a;
  });
  return toActivityDto(deps, a);
}

/** 编辑活动: only before it is submitted (or after it came back returned); a stale version is refused. */
export async function updateActivity(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: ActivityUpdateBody): Promise<Activity> {
  const { version, prizes, kind: _kind, ...f } = body;
  const after = await deps.db.transaction(async (tx) => {
    const before = await activityInScope(tx, caller, id, true);
    if (before.version !== version) throw new AppError('CONFLICT');
    if (!EDITABLE.includes(before.status)) throw new AppError('ACTIVITY_NOT_EDITABLE');
    const kind = (f.claimLimitKind ?? before.claimLimitKind) as ClaimLimitKind;
    const perDay = limitOf(kind, f.claimLimitPerDay !== undefined ? f.claimLimitPerDay : before.claimLimitPerDay);
    const startsAt = f.startsAt !== undefined ? new Date(f.startsAt) : before.startsAt;
    const endsAt = f.endsAt !== undefined ? new Date(f.endsAt) : before.endsAt;
    if (endsAt <= startsAt) throw fieldError('endsAt', '活动结束时间应晚于开始时间');
    if (startsAt.getTime() !== before.startsAt.getTime() || endsAt.getTime() !== before.endsAt.getTime()) assertStartsAhead(deps, startsAt);
    if (prizes !== undefined) {
      await checkPrizes(tx, caller, id, prizes, startsAt);
      await repo.replacePrizes(tx, id, prizes);
    }
    const after = await repo.updateActivity(tx, id, version, {
      ...(f.title !== undefined ? { title: f.title } : {}),
      claimLimitKind: kind,
      claimLimitPerDay: perDay,
      ...(f.scope !== undefined ? { scope: f.scope } : {}),
      startsAt,
      endsAt,
      ...(f.contentHtml !== undefined ? { contentHtml: sanitiseActivityContent(f.contentHtml) } : {}),
    });
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'activity.updated',
      objectType: 'activity',
      objectId: id,
      orgId: after.orgId,
      before: auditView(before),
      after: { ...auditView(after), ...(prizes !== undefined ? { prizes } : {}) },
    });
    return after;
  });
  return toActivityDto(deps, after);
}

/** 活动封面: part of what the upper union reviews, so only while editable. */
export async function putActivityCover(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, file: () => Promise<Readable>): Promise<Activity> {
  const current = await activityInScope(deps.db, caller, id);
  if (!EDITABLE.includes(current.status)) throw new AppError('ACTIVITY_NOT_EDITABLE');
  const image = await storeBenefitImage(deps, await file());
  let old: string | null = null;
  let after: repo.ActivityRecord;
  try {
    after = await deps.db.transaction(async (tx) => {
      const before = await activityInScope(tx, caller, id, true);
      if (!EDITABLE.includes(before.status)) throw new AppError('ACTIVITY_NOT_EDITABLE');
      old = before.coverImage?.fileId ?? null;
      const after = await repo.updateActivity(tx, id, before.version, { coverImage: image });
      if (!after) throw new AppError('CONFLICT');
      await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'activity.cover_uploaded', objectType: 'activity', objectId: id, orgId: after.orgId, after: { mime: image.mime, size: image.size, contentHash: image.contentHash } });
      return after;
    });
  } catch (e) {
    await deps.files.remove(image.fileId);
    throw e;
  }
  if (old) await deps.files.remove(old);
  return toActivityDto(deps, after);
}

export async function openActivityCover(deps: Deps, caller: ScopedCaller, id: string) {
  return openBenefitImage(deps, (await activityInScope(deps.db, caller, id)).coverImage);
}

/** What the upper union reads in its 审核待办. */
export async function reviewChangesOf(db: DbOrTx, a: repo.ActivityRecord): Promise<ReviewChange[]> {
  const prizes = await repo.listPrizes(db, a.id);
  const limit = a.claimLimitKind === 'once' ? claimLimitKindLabels.once : `每天${a.claimLimitPerDay}次`;
  const text = activityContentText(a.contentHtml);
  return [
    { label: '活动标题', before: null, after: a.title },
    { label: '发布工会', before: null, after: await repo.orgNameOf(db, a.orgId) },
    { label: '活动时间', before: null, after: `${chinaDateTime(a.startsAt)} 至 ${chinaDateTime(a.endsAt)}` },
    { label: '领券次数', before: null, after: limit },
    { label: '适用范围', before: null, after: activityScopeLabels[a.scope as ActivityScope] },
    { label: '活动内容', before: null, after: (text.length > 300 ? `${text.slice(0, 300)}…` : text) || '（未填写）' },
    ...prizes.map((p, i) => ({
      label: `奖品${i + 1}`,
      before: null,
      after: `${p.couponName}（${p.merchantName ?? '—'}）× ${p.quantity}，面值${yuan(p.faceValueFen)}，有效期 ${chinaDateTime(p.validFrom)} 至 ${chinaDateTime(p.validTo)}`,
    })),
  ];
}

/** What must hold whenever an activity goes (again) to review. */
export async function assertSubmittable(tx: Tx, deps: Deps, a: repo.ActivityRecord): Promise<void> {
  const prizes = await repo.listPrizes(tx, a.id);
  if (prizes.length === 0) throw new AppError('ACTIVITY_NO_PRIZES');
  assertStartsAhead(deps, a.startsAt);
  const off = prizes.find((p) => !p.enabled);
  if (off) throw new AppError('COUPON_DISABLED', undefined, `优惠券「${off.couponName}」未开启，请开启后再提交审核`);
  if (!(await findOrg(tx, a.orgId))?.parentId) throw new AppError('ACTIVITY_NO_UPPER_UNION');
}

/** The activity goes under review: it is no longer editable until returned or withdrawn. */
export async function markSubmitted(tx: Tx, deps: Deps, actor: Actor, a: repo.ActivityRecord): Promise<repo.ActivityRecord> {
  const after = await repo.updateActivity(tx, a.id, a.version, { status: 'pending', submittedAt: deps.now() });
  if (!after) throw new AppError('CONFLICT');
  await recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'activity.submitted', objectType: 'activity', objectId: a.id, orgId: a.orgId, before: { status: a.status }, after: { status: 'pending' } });
  return after;
}

/**
 * 提交审核 (seed 001: "活动完成后点击审核按钮提交审核"): reviewed by the upper union through the
 * shared reviews. A returned activity, corrected, goes back as a new round of the same review; so
 * does one whose submission was withdrawn.
 */
export async function submitActivity(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, version: number): Promise<Activity> {
  const current = await activityInScope(deps.db, caller, id);
  if (current.orgId !== caller.post.orgId) throw new AppError('FORBIDDEN', undefined, '只有发布活动的工会可以提交审核');
  const existing = await reviewOfSubject(deps, ACTIVITY_SUBJECT, id);
  if (current.status === 'returned' && existing) {
    if (current.version !== version) throw new AppError('CONFLICT');
    await resubmitReview(deps, reviewerOf(caller), actor, existing.review.id, { version: existing.review.version, payload: { activityVersion: version } });
    return getActivity(deps, caller, id);
  }
  if (current.status !== 'draft') throw new AppError('ACTIVITY_NOT_SUBMITTABLE');
  const after = await deps.db.transaction(async (tx) => {
    const a = await activityInScope(tx, caller, id, true);
    if (a.version !== version) throw new AppError('CONFLICT');
    if (a.status !== 'draft') throw new AppError('ACTIVITY_NOT_SUBMITTABLE');
    await assertSubmittable(tx, deps, a);
    const submission = { title: `${a.title}（普惠活动）`, changes: await reviewChangesOf(tx, a), payload: { activityId: a.id } };
    if (existing) await reopenWithdrawnReview(tx, deps, actor, reviewerOf(caller), existing.review.id, submission);
    else {
      await openReview(tx, deps, actor, reviewerOf(caller), {
        subjectType: ACTIVITY_SUBJECT,
        subjectId: a.id,
        submitterOrgId: a.orgId,
        submittedBy: caller.accountId,
        ...submission,
        plan: [{ stage: 1, label: '上级工会审核', reviewer: { upperOf: a.orgId } }],
      });
    }
    return markSubmitted(tx, deps, actor, a);
  });
  return toActivityDto(deps, after);
}

/** 开启 / 关闭 (only once approved): a closed activity is hidden in the member app. */
export async function setActivityOpen(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, open: boolean, version: number): Promise<Activity> {
  const after = await deps.db.transaction(async (tx) => {
    const before = await activityInScope(tx, caller, id, true);
    if (before.version !== version) throw new AppError('CONFLICT');
    if (before.status !== 'approved') throw new AppError('ACTIVITY_NOT_APPROVED');
    const after = await repo.updateActivity(tx, id, version, { isOpen: open });
    if (!after) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, { action: open ? 'activity.opened' : 'activity.closed', objectType: 'activity', objectId: id, orgId: after.orgId, before: { isOpen: before.isOpen }, after: { isOpen: open } });
    return after;
  });
  return toActivityDto(deps, after);
}
