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
import { idempotently, storedAnswer, type Answer, type IdempotentRequest } from '../../platform/idempotency.js';
import { auditAtCommit, inBatch, RetryAlone, TransactionBatcher } from '../../platform/transaction-batcher.js';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { verifiedMemberOf, type VerifiedMember } from '../member-app/index.js';
import { openBenefitImage } from './benefit-images.js';
import { chinaDateTime } from './china-time.js';
import * as repo from './claims.repository.js';
import { formatCouponCode, newCouponCode } from './coupon-code.js';
import { signCouponToken } from './coupon-token.js';
import { anyLeft, countTakeAndIssue, remainingByPrize, takeOne, uncount } from './stock.repository.js';

/** Memberships that entitle to union welfare (seed 001: 已调离 and 转会中 members do not claim). */
export const claimingStatuses: readonly MembershipStatus[] = ['joined', 'transferred_in'];

/** The member behind a logged-in account: verified, with a membership that entitles to welfare. */
export async function claimingMember(db: DbOrTx, accountId: string): Promise<VerifiedMember> {
  const m = await verifiedMemberOf(db, accountId);
  if (!m) throw new AppError('NOT_VERIFIED');
  if (!claimingStatuses.includes(m.membershipStatus)) throw new AppError('CLAIM_MEMBERSHIP_INACTIVE');
  return m;
}

/** The China-time day (UTC+8, no daylight saving) a moment falls on: a daily limit's period. */
export function chinaDate(at: Date): string {
  return chinaDateTime(at).slice(0, 10);
}

type Activity = repo.ActivityRow;
/** What the limit rules read of an activity (the claim reads only these, not the whole row). */
type Limited = Pick<Activity, 'claimLimitKind' | 'claimLimitPerDay'>;
const periodOf = (a: Limited, now: Date) => (a.claimLimitKind === 'daily' ? chinaDate(now) : 'all');
const limitOf = (a: Limited) => (a.claimLimitKind === 'daily' ? (a.claimLimitPerDay ?? 1) : 1);
const limitText = (a: Limited) => (a.claimLimitKind === 'daily' ? `每人每天限领${limitOf(a)}次` : '每人限领1次');
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

/** One group commit per database handle (see platform/transaction-batcher.ts). */
const batchers = new WeakMap<Db, TransactionBatcher>();
function batcherOf(deps: Deps): TransactionBatcher {
  let b = batchers.get(deps.db);
  if (!b) batchers.set(deps.db, (b = new TransactionBatcher(deps.db, deps.config.keys.auditKey)));
  return b;
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

/** The refusals that come before the stock, in their order, judged on one read (claimContext). */
async function claimable(db: DbOrTx, accountId: string, activityId: string, prizeId: string, now: Date) {
  const c = await repo.claimContext(db, accountId, activityId, prizeId);
  if (!c) throw new AppError('NOT_VERIFIED');
  if (!claimingStatuses.includes(c.member.membershipStatus)) throw new AppError('CLAIM_MEMBERSHIP_INACTIVE');
  const a = c.a;
  if (!a || a.status !== 'approved' || !a.isOpen) throw new AppError('ACTIVITY_UNAVAILABLE');
  if (!c.covers) throw new AppError('ACTIVITY_NOT_IN_SCOPE');
  if (now < a.startsAt || now >= a.endsAt) throw new AppError('CLAIM_NOT_IN_WINDOW', undefined, now < a.startsAt ? '活动尚未开始，请到时再来领取' : '活动已结束，不能再领取');
  if (!c.prizeId || !c.coupon) throw new AppError('NOT_FOUND', undefined, '该活动没有这个奖品');
  if (!c.coupon.enabled) throw new AppError('CLAIM_COUPON_DISABLED');
  return { m: c.member, a, orgName: c.orgName ?? '', prizeId: c.prizeId, coupon: c.coupon, merchantName: c.merchantName };
}
type Claimable = Awaited<ReturnType<typeof claimable>>;

/**
 * 领取: one transaction counts the claim against the per-person limit (conditional upsert), takes a
 * unit of stock (conditional decrement of a bucket), inserts the e-coupon with a fresh code and the
 * audit record; any refusal leaves none of it. Claims arriving together share a commit
 * (platform/transaction-batcher.ts). With an Idempotency-Key, a retry replays the first e-coupon
 * (even if the activity has closed since).
 */
export async function claim(deps: Deps, auth: AuthContext, actor: Actor, activityId: string, prizeId: string, idem: IdempotentRequest | null): Promise<Answer<MyCoupon>> {
  const now = deps.now();
  // A retry replays the first answer before anything is judged again.
  const replay = idem ? await storedAnswer<MyCoupon>(deps.db, now, idem) : null;
  if (replay) return replay;
  // The refusals that need no lock are judged on the pool, before the claim queues for a write
  // transaction: what was true when the claim arrived (an activity closed a moment later does not
  // undo a claim already being granted, as with any request in flight).
  const checked = await claimable(deps.db, auth.accountId, activityId, prizeId, now);
  if (soldOutPrizes.has(prizeId)) throw new AppError('CLAIM_SOLD_OUT');
  const batcher = batcherOf(deps);
  try {
    return await idempotently(deps.db, now, idem, 201, (tx) => claimIn(tx, deps, auth, actor, checked, now), (w) => batcher.run(w));
  } catch (e) {
    if (e instanceof AppError && e.code === 'CLAIM_SOLD_OUT') soldOutPrizes.add(prizeId);
    throw e;
  }
}

/**
 * The claim's writes. Inside a batch nothing may be left behind by a refusal (the batch has no
 * savepoints): the one statement of the common case writes all or nothing, and a count without
 * stock is undone before refusing. Alone, a refusal rolls the claim's own transaction back.
 */
async function claimIn(tx: Tx, deps: Deps, auth: AuthContext, actor: Actor, { m, a, orgName, prizeId, coupon, merchantName }: Claimable, now: Date): Promise<MyCoupon> {
  const batched = inBatch(tx);
  const period = periodOf(a, now);
  const values = {
    activityId: a.id,
    prizeId,
    couponId: coupon.id,
    personId: m.personId,
    membershipId: m.membershipId,
    accountId: auth.accountId,
    validFrom: coupon.validFrom,
    validTo: coupon.validTo,
    faceValueFen: coupon.faceValueFen,
    claimedAt: now,
  };
  let code = newCouponCode();
  const step = await countTakeAndIssue(tx, values, code, { limit: limitOf(a), period, wait: !batched });
  if (step.kind === 'busy') throw new RetryAlone();
  if (step.kind === 'limit')
    throw new AppError('CLAIM_LIMIT_REACHED', undefined, a.claimLimitKind === 'daily' ? `今天的领取次数已用完（${limitText(a)}），请明天再来` : '您已领取过本活动的福利（每人限领1次）');
  let id = step.kind === 'took' ? step.id : null;
  if (step.kind === 'no_free_stock') {
    if (batched) {
      // Every bucket with stock is held by another transaction, or none is left: leave nothing behind.
      await uncount(tx, a.id, m.personId, period);
      if (!(await anyLeft(tx, prizeId))) throw new AppError('CLAIM_SOLD_OUT');
      throw new RetryAlone();
    }
    if (!(await takeOne(tx, prizeId))) throw new AppError('CLAIM_SOLD_OUT');
  }
  // 60 random bits: a taken code is next to impossible, but it would only mean drawing again.
  while (!id) id = (await repo.insertECoupon(tx, { ...values, code: (code = newCouponCode()) }))?.id ?? null;
  const e = { ...values, id, code, status: 'claimed', redeemedAt: null, expiredAt: null };
  // Written at the end of the transaction: the audit chain's lock serialises writers until commit.
  await auditAtCommit(tx, deps.config.keys.auditKey, actor, {
    action: 'e_coupon.claimed',
    objectType: 'e_coupon',
    objectId: e.id,
    orgId: a.orgId,
    after: { activityId: a.id, activityTitle: a.title, prizeId, couponName: coupon.name, faceValueFen: coupon.faceValueFen, membershipId: m.membershipId },
  });
  // The answer from what is at hand, without reading again.
  return toMyCoupon({ e, couponTitle: coupon.title, couponName: coupon.name, conditions: coupon.conditions, description: coupon.description, activityTitle: a.title, orgName, merchantName, redeemedMerchantName: null });
}

export function toMyCoupon(r: repo.MyCouponRow): MyCoupon {
  const e = r.e;
  return {
    id: e.id,
    code: formatCouponCode(e.code),
    status: e.status as ECouponStatus,
    couponTitle: r.couponTitle,
    couponName: r.couponName,
    faceValueFen: e.faceValueFen,
    conditions: r.conditions,
    description: r.description,
    validFrom: e.validFrom.toISOString(),
    validTo: e.validTo.toISOString(),
    activityId: e.activityId,
    activityTitle: r.activityTitle,
    orgName: r.orgName,
    merchantName: r.merchantName,
    claimedAt: e.claimedAt.toISOString(),
    redeemedAt: e.redeemedAt?.toISOString() ?? null,
    redeemedMerchantName: r.redeemedMerchantName,
    expiredAt: e.expiredAt?.toISOString() ?? null,
  };
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
