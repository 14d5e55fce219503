import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { memberships, persons } from '../members/members.table.js';
import { orgs } from '../organisations/index.js';
import { activityPrizes, coupons, eCoupons, merchants, redemptions } from './benefits.table.js';

/** One redemption as the settlement voucher lists it. */
export interface RedemptionDetail {
  id: string;
  code: string;
  personName: string;
  phoneEnc: string | null;
  memberOrgName: string;
  couponName: string;
  faceValueFen: number;
  merchantId: string;
  merchantName: string;
  redeemedBy: string;
  redeemedAt: Date;
}

const redeemer = alias(accounts, 'redeemer');
const memberOrg = alias(orgs, 'member_org');

export async function listRedemptionDetails(db: DbOrTx, activityId: string, f: { merchantId?: string; page?: number; pageSize?: number }): Promise<{ items: RedemptionDetail[]; total: number }> {
  const where: SQL[] = [eq(eCoupons.activityId, activityId)];
  if (f.merchantId) where.push(eq(redemptions.merchantId, f.merchantId));
  const cond = and(...where);
  const base = db
    .select({
      id: redemptions.id,
      code: eCoupons.code,
      personName: persons.name,
      phoneEnc: accounts.phoneEnc,
      memberOrgName: memberOrg.name,
      couponName: coupons.name,
      faceValueFen: redemptions.faceValueFen,
      merchantId: merchants.id,
      merchantName: merchants.name,
      redeemedBy: redeemer.name,
      redeemedAt: redemptions.redeemedAt,
    })
    .from(redemptions)
    .innerJoin(eCoupons, eq(eCoupons.id, redemptions.eCouponId))
    .innerJoin(persons, eq(persons.id, eCoupons.personId))
    .innerJoin(accounts, eq(accounts.id, eCoupons.accountId))
    .innerJoin(memberships, eq(memberships.id, eCoupons.membershipId))
    .innerJoin(memberOrg, eq(memberOrg.id, memberships.orgId))
    .innerJoin(coupons, eq(coupons.id, eCoupons.couponId))
    .innerJoin(merchants, eq(merchants.id, redemptions.merchantId))
    .innerJoin(redeemer, eq(redeemer.id, redemptions.accountId))
    .where(cond)
    .orderBy(asc(redemptions.redeemedAt), asc(redemptions.id));
  const items = f.pageSize ? await base.limit(f.pageSize).offset(((f.page ?? 1) - 1) * f.pageSize) : await base;
  const [{ n }] = await db
    .select({ n: count() })
    .from(redemptions)
    .innerJoin(eCoupons, eq(eCoupons.id, redemptions.eCouponId))
    .where(cond);
  return { items, total: n };
}

/** Per prize: what was handed out, and what became of each e-coupon by `now`. */
export interface PrizeReconciliation {
  prizeId: string;
  couponName: string;
  faceValueFen: number;
  quantity: number;
  claimed: number;
  redeemed: number;
  /** Expired, or past its validity and not redeemed (the expiry job may not have run yet). */
  forfeited: number;
  outstanding: number;
  redeemedValueFen: number;
}

export async function reconcile(db: DbOrTx, activityId: string, now: Date): Promise<PrizeReconciliation[]> {
  const rows = await db
    .select({
      prizeId: activityPrizes.id,
      couponName: coupons.name,
      faceValueFen: coupons.faceValueFen,
      quantity: activityPrizes.quantity,
      claimed: sql<number>`(select count(*)::int from ${eCoupons} e where e.prize_id = ${activityPrizes.id})`,
      redeemed: sql<number>`(select count(*)::int from ${eCoupons} e where e.prize_id = ${activityPrizes.id} and e.status = 'redeemed')`,
      forfeited: sql<number>`(select count(*)::int from ${eCoupons} e where e.prize_id = ${activityPrizes.id} and (e.status = 'expired' or (e.status = 'claimed' and e.valid_to <= ${now})))`,
      redeemedValueFen: sql<number>`(select coalesce(sum(r.face_value_fen), 0)::int from ${redemptions} r join ${eCoupons} e on e.id = r.e_coupon_id where e.prize_id = ${activityPrizes.id})`,
    })
    .from(activityPrizes)
    .innerJoin(coupons, eq(coupons.id, activityPrizes.couponId))
    .where(eq(activityPrizes.activityId, activityId))
    .orderBy(asc(activityPrizes.sortOrder));
  return rows.map((r) => {
    const claimed = Number(r.claimed);
    const redeemed = Number(r.redeemed);
    const forfeited = Number(r.forfeited);
    return { ...r, claimed, redeemed, forfeited, outstanding: claimed - redeemed - forfeited, redeemedValueFen: Number(r.redeemedValueFen) };
  });
}

/** Per merchant: how many of this activity's coupons it redeemed and their face value. */
export async function redeemedByMerchant(db: DbOrTx, activityId: string): Promise<{ merchantId: string; merchantName: string; redeemed: number; valueFen: number }[]> {
  const rows = await db
    .select({
      merchantId: merchants.id,
      merchantName: merchants.name,
      redeemed: sql<number>`count(*)::int`,
      valueFen: sql<number>`coalesce(sum(${redemptions.faceValueFen}), 0)::int`,
    })
    .from(redemptions)
    .innerJoin(eCoupons, eq(eCoupons.id, redemptions.eCouponId))
    .innerJoin(merchants, eq(merchants.id, redemptions.merchantId))
    .where(eq(eCoupons.activityId, activityId))
    .groupBy(merchants.id, merchants.name)
    .orderBy(asc(merchants.name));
  return rows.map((r) => ({ ...r, redeemed: Number(r.redeemed), valueFen: Number(r.valueFen) }));
}
