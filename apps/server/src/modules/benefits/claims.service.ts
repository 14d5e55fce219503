import {
  type ClaimBlocker,
  type CouponToken,
  type ECouponStatus,
  type MemberActivityDetail,
  type MemberActivitySummary,
  type MembershipStatus,
  type MyCoupon,
} from '@gonghui/contracts';
import type { Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { expiredBefore, replay, type Answer, type IdempotentRequest } from '../../platform/idempotency.js';
import type { DbOrTx } from '../../db/client.js';
import { verifiedMemberOf, type VerifiedMember } from '../member-app/index.js';
import { openBenefitImage } from './benefit-images.js';
import { limitOf, limitText, periodOf } from './claim-limits.js';
import * as repo from './claims.repository.js';
import { claimBatcherOf } from './claims.batch.js';
import { signCouponToken } from './coupon-token.js';
import { toMyCoupon } from './my-coupon.js';
import { remainingByPrize } from './stock.repository.js';

/** Memberships that entitle to union welfare (seed 001: 已调离 and 转会中 members do not claim). */
export const claimingStatuses: readonly MembershipStatus[] = ['joined', 'transferred_in'];

/** A verified member whose membership entitles to welfare, or the refusal saying which it lacks. */
function entitled<M extends { membershipStatus: MembershipStatus }>(m: M | null | undefined): M {
  if (!m) throw new AppError('NOT_VERIFIED');
  if (!claimingStatuses.includes(m.membershipStatus)) throw new AppError('CLAIM_MEMBERSHIP_INACTIVE');
  return m;
}

/** The member behind a logged-in account: verified, with a membership that entitles to welfare. */
export async function claimingMember(db: DbOrTx, accountId: string): Promise<VerifiedMember> {
  return entitled(await verifiedMemberOf(db, accountId));
}

type Activity = repo.ActivityRow;
const coverUrl = (a: Activity) => (a.coverImage ? `/api/me/activities/${a.id}/cover` : null);

function summaryOf(a: Activity, orgName: string, now: Date, soldOut: boolean): MemberActivitySummary {
  return {
    id: a.id,
    title: a.title,
    orgName,
    coverUrl: coverUrl(a),
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    phase: a.startsAt > now ? 'upcoming' : 'ongoing',
    claimLimitText: limitText(a),
    soldOut,
  };
}

/** 活动: what the member's union (or a union above it, for its subtree) runs and has opened. */
export async function listMyActivities(deps: Deps, auth: AuthContext): Promise<{ items: MemberActivitySummary[] }> {
  const m = await claimingMember(deps.db, auth.accountId);
  const now = deps.now();
  const rows = await repo.visibleActivities(deps.db, m, now);
  const items: MemberActivitySummary[] = [];
  for (const r of rows) {
    const prizes = await repo.prizesOf(deps.db, r.a.id);
    const left = await remainingByPrize(deps.db, prizes.map((p) => p.prize.id));
    items.push(summaryOf(r.a, r.orgName, now, prizes.every((p) => (left.get(p.prize.id) ?? 0) === 0)));
  }
  return { items };
}

/**
 * The activity as the member may see it: approved and open (a closed one is hidden), in scope.
 * An activity outside the member's scope answers like one that does not exist.
 */
async function visibleActivity(deps: Deps, member: VerifiedMember, id: string) {
  const row = await repo.activityFor(deps.db, id, member);
  if (!row || row.a.status !== 'approved' || !row.a.isOpen) throw new AppError('ACTIVITY_UNAVAILABLE');
  if (!row.covers) throw new AppError('ACTIVITY_NOT_IN_SCOPE');
  return row;
}

export async function myActivity(deps: Deps, auth: AuthContext, id: string): Promise<MemberActivityDetail> {
  const m = await claimingMember(deps.db, auth.accountId);
  const now = deps.now();
  const { a, orgName } = await visibleActivity(deps, m, id);
  if (a.endsAt <= now) throw new AppError('ACTIVITY_UNAVAILABLE', undefined, '活动已结束');
  const prizes = await repo.prizesOf(deps.db, a.id);
  const left = await remainingByPrize(deps.db, prizes.map((p) => p.prize.id));
  const claimed = await repo.claimedInPeriod(deps.db, a.id, m.personId, periodOf(a, now));
  const limit = limitOf(a);
  const blockerOf = (soldOut: boolean, enabled: boolean): ClaimBlocker | null =>
    a.startsAt > now ? 'upcoming' : claimed >= limit ? 'limit_reached' : !enabled ? 'coupon_disabled' : soldOut ? 'sold_out' : null;
  const items = prizes.map(({ prize, coupon, merchantName }) => {
    const soldOut = (left.get(prize.id) ?? 0) === 0;
    return {
      prizeId: prize.id,
      couponTitle: coupon.title,
      couponName: coupon.name,
      faceValueFen: coupon.faceValueFen,
      validFrom: coupon.validFrom.toISOString(),
      validTo: coupon.validTo.toISOString(),
      conditions: coupon.conditions,
      description: coupon.description,
      merchantName,
      soldOut,
      blocker: blockerOf(soldOut, coupon.enabled),
    };
  });
  return {
    ...summaryOf(a, orgName, now, items.every((p) => p.soldOut)),
    contentHtml: a.contentHtml,
    claimedInPeriod: claimed,
    claimLimit: limit,
    prizes: items,
  };
}

/** The cover of an activity the member may see. */
export async function myActivityCover(deps: Deps, auth: AuthContext, id: string) {
  const { a } = await visibleActivity(deps, await claimingMember(deps.db, auth.accountId), id);
  return openBenefitImage(deps, a.coverImage);
}

/** The refusals that come before the stock, in their order, judged on one read (claimContext). */
function judge(c: repo.ClaimContext, now: Date) {
  // A subquery's columns left-joined: a missing member comes as an object of nulls.
  const member = entitled(c.member?.personId ? c.member : null);
  const a = c.a;
  if (!a || a.status !== 'approved' || !a.isOpen) throw new AppError('ACTIVITY_UNAVAILABLE');
  if (!c.covers) throw new AppError('ACTIVITY_NOT_IN_SCOPE');
  if (now < a.startsAt || now >= a.endsAt) throw new AppError('CLAIM_NOT_IN_WINDOW', undefined, now < a.startsAt ? '活动尚未开始，请到时再来领取' : '活动已结束，不能再领取');
  if (!c.prizeId || !c.coupon) throw new AppError('NOT_FOUND', undefined, '该活动没有这个奖品');
  if (!c.coupon.enabled) throw new AppError('CLAIM_COUPON_DISABLED');
  return { member, activity: a, orgName: c.orgName ?? '', prizeId: c.prizeId, coupon: c.coupon, merchantName: c.merchantName };
}

/**
 * Prizes this process has seen sold out in committed data. Safe to remember: stock is created
 * once, when the activity is approved, and nothing ever gives a unit back (an expired or
 * forfeited e-coupon is not re-stocked), so a prize once at 0 stays at 0 and the shortcut can
 * never refuse a claim that would have succeeded. It only spares the database the losers' rush
 * after the last unit. Learnt only from the database's refusal, delivered once the stock it saw
 * is committed (a batch answers after its commit).
 */
const soldOutPrizes = new Set<string>();

/**
 * 领取: counts the claim against the per-person limit (conditional upsert), takes a unit of stock
 * (conditional decrement of a bucket), inserts the e-coupon with a fresh code and the audit
 * record, all in one transaction; any refusal leaves none of it. Claims arriving together share
 * a transaction, its statements and its commit (claims.batch.ts). With an Idempotency-Key, a
 * retry replays the first e-coupon (even if the activity has closed since).
 */
export async function claim(deps: Deps, auth: AuthContext, actor: Actor, activityId: string, prizeId: string, idem: IdempotentRequest | null): Promise<Answer<MyCoupon>> {
  const now = deps.now();
  const context = await repo.claimContext(deps.db, { accountId: auth.accountId, activityId, prizeId, idempotencyKey: idem?.key ?? null, liveSince: expiredBefore(now) });
  // A retry replays the first answer before anything is judged again.
  if (idem && context.stored?.requestHash) return replay<MyCoupon>(context.stored, idem);
  // The refusals that need no lock are judged before the claim queues for a write transaction:
  // what was true when the claim arrived (an activity closed a moment later does not undo a
  // claim already being granted, as with any request in flight).
  const judged = judge(context, now);
  if (soldOutPrizes.has(prizeId)) throw new AppError('CLAIM_SOLD_OUT');
  try {
    return await claimBatcherOf(deps).run({ ...judged, accountId: auth.accountId, actor, now, idem });
  } catch (e) {
    if (e instanceof AppError && e.code === 'CLAIM_SOLD_OUT') soldOutPrizes.add(prizeId);
    throw e;
  }
}

/** 我的券: the account's own e-coupons (a member keeps them after a transfer: they were claimed by them). */
export async function listMyCoupons(deps: Deps, auth: AuthContext, q: { status?: ECouponStatus; page: number; pageSize: number }) {
  const { items, total } = await repo.myCoupons(deps.db, auth.accountId, q.status, q.page, q.pageSize);
  return { items: items.map(toMyCoupon), total, page: q.page, pageSize: q.pageSize };
}

/** One of the account's e-coupons; anyone else's answers as not found. */
export async function getMyCoupon(deps: Deps, auth: AuthContext, id: string): Promise<MyCoupon> {
  const row = await repo.myCoupon(deps.db, auth.accountId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return toMyCoupon(row);
}

/** A fresh QR token for an e-coupon still to be used; the app asks again before it expires. */
export async function myCouponToken(deps: Deps, auth: AuthContext, id: string): Promise<CouponToken> {
  const row = await repo.myCoupon(deps.db, auth.accountId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const now = deps.now();
  if (row.e.status === 'redeemed') throw new AppError('REDEMPTION_ALREADY_DONE', undefined, '该券已核销，无需再出示');
  if (row.e.status === 'expired' || row.e.validTo <= now) throw new AppError('REDEMPTION_EXPIRED', undefined, '该券已过期');
  const { token, expiresAt } = signCouponToken(deps.config.keys, row.e.id, now);
  return { token, issuedAt: now.toISOString(), expiresAt: expiresAt.toISOString() };
}
