import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { persons } from '../members/members.table.js';
import { orgs } from '../organisations/index.js';
import { activities, couponAuthorisations, coupons, eCoupons, merchants, merchantStaff, redemptions } from './benefits.table.js';

/** The merchant a staff account serves (its live staff login), whatever the merchant's status. */
export async function staffMerchantOf(db: DbOrTx, accountId: string) {
  const [row] = await db
    .select({ id: merchants.id, name: merchants.name, status: merchants.status })
    .from(merchantStaff)
    .innerJoin(merchants, eq(merchants.id, merchantStaff.merchantId))
    .where(and(eq(merchantStaff.accountId, accountId), isNull(merchantStaff.revokedAt)));
  return row;
}

/** Whether an account has been authorised (as a person) to redeem any coupon at all. */
export async function hasPersonalAuthorisation(db: DbOrTx, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: couponAuthorisations.id })
    .from(couponAuthorisations)
    .where(and(eq(couponAuthorisations.accountId, accountId), isNull(couponAuthorisations.revokedAt)))
    .limit(1);
  return !!row;
}

/** A live 授权 of this coupon to the merchant or to the account. */
export async function isAuthorised(db: DbOrTx, couponId: string, by: { merchantId: string } | { accountId: string }): Promise<boolean> {
  const who = 'merchantId' in by ? eq(couponAuthorisations.merchantId, by.merchantId) : eq(couponAuthorisations.accountId, by.accountId);
  const [row] = await db
    .select({ id: couponAuthorisations.id })
    .from(couponAuthorisations)
    .where(and(eq(couponAuthorisations.couponId, couponId), who, isNull(couponAuthorisations.revokedAt)))
    .limit(1);
  return !!row;
}

/** An e-coupon with what a merchant needs to see before redeeming it. */
function targetQuery(db: DbOrTx) {
  return db
    .select({
      e: eCoupons,
      couponMerchantId: coupons.merchantId,
      couponTitle: coupons.title,
      couponName: coupons.name,
      conditions: coupons.conditions,
      activityTitle: activities.title,
      orgId: activities.orgId,
      orgName: orgs.name,
      holderName: persons.name,
    })
    .from(eCoupons)
    .innerJoin(coupons, eq(coupons.id, eCoupons.couponId))
    .innerJoin(activities, eq(activities.id, eCoupons.activityId))
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .innerJoin(persons, eq(persons.id, eCoupons.personId));
}
export type TargetRow = Awaited<ReturnType<typeof targetQuery>>[number];

export async function target(db: DbOrTx, by: { id: string } | { code: string }): Promise<TargetRow | undefined> {
  const [row] = await targetQuery(db).where('id' in by ? eq(eCoupons.id, by.id) : eq(eCoupons.code, by.code));
  return row;
}

/**
 * Redeems exactly once: the status changes only from `claimed`, only inside the validity window;
 * of two scans at once, the second waits for the first's row lock and then finds it redeemed.
 */
export async function markRedeemed(tx: Tx, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(eCoupons)
    .set({ status: 'redeemed', redeemedAt: now })
    .where(and(eq(eCoupons.id, id), eq(eCoupons.status, 'claimed'), sql`${eCoupons.validFrom} <= ${now}`, sql`${eCoupons.validTo} > ${now}`))
    .returning({ id: eCoupons.id });
  return rows.length === 1;
}

export async function insertRedemption(tx: Tx, values: typeof redemptions.$inferInsert) {
  const [row] = await tx.insert(redemptions).values(values).returning();
  return row;
}

/** A redemption as the merchant app shows it. */
function redemptionQuery(db: DbOrTx) {
  return db
    .select({
      r: redemptions,
      code: eCoupons.code,
      couponTitle: coupons.title,
      couponName: coupons.name,
      activityTitle: activities.title,
      holderName: persons.name,
      merchantName: merchants.name,
      redeemedByName: accounts.name,
    })
    .from(redemptions)
    .innerJoin(eCoupons, eq(eCoupons.id, redemptions.eCouponId))
    .innerJoin(coupons, eq(coupons.id, eCoupons.couponId))
    .innerJoin(activities, eq(activities.id, eCoupons.activityId))
    .innerJoin(persons, eq(persons.id, eCoupons.personId))
    .innerJoin(merchants, eq(merchants.id, redemptions.merchantId))
    .innerJoin(accounts, eq(accounts.id, redemptions.accountId));
}
export type RedemptionRow = Awaited<ReturnType<typeof redemptionQuery>>[number];

export async function redemptionOfECoupon(db: DbOrTx, eCouponId: string): Promise<RedemptionRow | undefined> {
  const [row] = await redemptionQuery(db).where(eq(redemptions.eCouponId, eCouponId));
  return row;
}

/** 核销记录: a merchant's redemptions (or, for an authorised person, their own), newest first, with the total face value. */
export async function redemptionHistory(db: DbOrTx, by: { merchantId: string } | { accountId: string }, page: number, pageSize: number) {
  const where: SQL = 'merchantId' in by ? eq(redemptions.merchantId, by.merchantId) : eq(redemptions.accountId, by.accountId);
  const [items, [totals]] = await Promise.all([
    redemptionQuery(db)
      .where(where)
      .orderBy(desc(redemptions.redeemedAt), desc(redemptions.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: count(), fen: sql<number>`coalesce(sum(${redemptions.faceValueFen}), 0)::int` })
      .from(redemptions)
      .where(where),
  ]);
  return { items, total: totals.n, totalFaceValueFen: Number(totals.fen) };
}
