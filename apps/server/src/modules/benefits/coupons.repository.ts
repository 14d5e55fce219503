import { and, count, desc, eq, ilike, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { accounts } from '../accounts/accounts.table.js';
import { escapeLike, orgInScope, orgs } from '../organisations/index.js';
import { activities, activityPrizes, couponAuthorisations, coupons, merchants } from './benefits.table.js';

export type CouponRecord = typeof coupons.$inferSelect;
export interface CouponView extends CouponRecord {
  orgName: string;
  merchantName: string | null;
  allocated: number;
}

/** How many of a coupon activities' prize lists hold (whatever their review status: a draft reserves too). */
// The outer row named explicitly: drizzle leaves a selected column unqualified in a one-table select.
const allocatedSql = sql<number>`coalesce((select sum(ap.quantity) from ${activityPrizes} ap where ap.coupon_id = "coupons"."id"), 0)::int`;
const viewColumns = { c: coupons, orgName: orgs.name, merchantName: merchants.name, allocated: allocatedSql };
const toView = (r: { c: CouponRecord; orgName: string; merchantName: string | null; allocated: number }): CouponView => ({
  ...r.c,
  orgName: r.orgName,
  merchantName: r.merchantName,
  allocated: Number(r.allocated),
});

export async function insertCoupon(db: DbOrTx, values: typeof coupons.$inferInsert): Promise<CouponRecord> {
  const [row] = await db.insert(coupons).values(values).returning();
  return row;
}

export async function findCouponInScope(db: DbOrTx, id: string, scopePath: string, lock = false): Promise<CouponRecord | undefined> {
  const q = db
    .select()
    .from(coupons)
    .where(and(eq(coupons.id, id), orgInScope(coupons.orgId, scopePath)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function couponView(db: DbOrTx, id: string): Promise<CouponView> {
  const [row] = await db
    .select(viewColumns)
    .from(coupons)
    .innerJoin(orgs, eq(orgs.id, coupons.orgId))
    .leftJoin(merchants, eq(merchants.id, coupons.merchantId))
    .where(eq(coupons.id, id));
  return toView(row);
}

export async function allocatedOf(db: DbOrTx, couponId: string, exceptActivityId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${activityPrizes.quantity}), 0)::int` })
    .from(activityPrizes)
    .where(and(eq(activityPrizes.couponId, couponId), exceptActivityId ? sql`${activityPrizes.activityId} <> ${exceptActivityId}` : undefined));
  return Number(row.n);
}

/** Whether an activity that is under review or approved lists this coupon (its terms are then fixed). */
export async function usedBySubmittedActivity(db: DbOrTx, couponId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(activityPrizes)
    .innerJoin(activities, eq(activities.id, activityPrizes.activityId))
    .where(and(eq(activityPrizes.couponId, couponId), sql`${activities.status} in ('pending', 'approved')`));
  return row.n > 0;
}

export async function updateCoupon(db: DbOrTx, id: string, version: number, values: Partial<typeof coupons.$inferInsert>): Promise<CouponRecord | undefined> {
  const [row] = await db
    .update(coupons)
    .set({ ...values, version: sql`${coupons.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(coupons.id, id), eq(coupons.version, version)))
    .returning();
  return row;
}

export async function listCoupons(db: DbOrTx, scopePath: string, f: { q?: string; state?: string; merchantId?: string; page: number; pageSize: number }) {
  const where: SQL[] = [orgInScope(coupons.orgId, scopePath)];
  if (f.q) where.push(sql`(${ilike(coupons.title, `%${escapeLike(f.q)}%`)} or ${ilike(coupons.name, `%${escapeLike(f.q)}%`)})`);
  if (f.state) where.push(eq(coupons.enabled, f.state === 'enabled'));
  if (f.merchantId) where.push(eq(coupons.merchantId, f.merchantId));
  const cond = and(...where);
  const rows = await db
    .select(viewColumns)
    .from(coupons)
    .innerJoin(orgs, eq(orgs.id, coupons.orgId))
    .leftJoin(merchants, eq(merchants.id, coupons.merchantId))
    .where(cond)
    .orderBy(desc(coupons.createdAt), desc(coupons.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(coupons).where(cond);
  return { items: rows.map(toView), total: n };
}

// ---- 授权

export type AuthorisationRecord = typeof couponAuthorisations.$inferSelect;
export interface AuthorisationView extends AuthorisationRecord {
  merchantName: string | null;
  accountName: string | null;
  accountPhoneEnc: string | null;
}

export async function insertAuthorisation(db: DbOrTx, values: typeof couponAuthorisations.$inferInsert): Promise<AuthorisationRecord> {
  const [row] = await db.insert(couponAuthorisations).values(values).returning();
  return row;
}

export async function listAuthorisations(db: DbOrTx, couponId: string): Promise<AuthorisationView[]> {
  const rows = await db
    .select({ a: couponAuthorisations, merchantName: merchants.name, accountName: accounts.name, accountPhoneEnc: accounts.phoneEnc })
    .from(couponAuthorisations)
    .leftJoin(merchants, eq(merchants.id, couponAuthorisations.merchantId))
    .leftJoin(accounts, eq(accounts.id, couponAuthorisations.accountId))
    .where(and(eq(couponAuthorisations.couponId, couponId), isNull(couponAuthorisations.revokedAt)))
    .orderBy(desc(couponAuthorisations.createdAt));
  return rows.map((r) => ({ ...r.a, merchantName: r.merchantName, accountName: r.accountName, accountPhoneEnc: r.accountPhoneEnc }));
}

export async function revokeAuthorisation(db: DbOrTx, couponId: string, id: string, at: Date): Promise<AuthorisationRecord | undefined> {
  const [row] = await db
    .update(couponAuthorisations)
    .set({ revokedAt: at })
    .where(and(eq(couponAuthorisations.id, id), eq(couponAuthorisations.couponId, couponId), isNull(couponAuthorisations.revokedAt)))
    .returning();
  return row;
}
