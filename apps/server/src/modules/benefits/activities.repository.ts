import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { escapeLike, orgInScope, orgs } from '../organisations/index.js';
import { activities, activityPrizes, coupons, eCoupons, merchants, prizeStock } from './benefits.table.js';

export type ActivityRecord = typeof activities.$inferSelect;
export interface ActivityCountsRow {
  registered: number;
  participants: number;
  redeemed: number;
}
export interface ActivityListRow extends ActivityRecord {
  orgName: string;
  merchantNames: string[];
  counts: ActivityCountsRow;
}

export async function insertActivity(db: DbOrTx, values: typeof activities.$inferInsert): Promise<ActivityRecord> {
  const [row] = await db.insert(activities).values(values).returning();
  return row;
}

export async function findActivityInScope(db: DbOrTx, id: string, scopePath: string, lock = false): Promise<ActivityRecord | undefined> {
  const q = db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), orgInScope(activities.orgId, scopePath)));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function lockActivity(db: DbOrTx, id: string): Promise<ActivityRecord | undefined> {
  const [row] = await db.select().from(activities).where(eq(activities.id, id)).for('update');
  return row;
}

export async function updateActivity(db: DbOrTx, id: string, version: number, values: Partial<typeof activities.$inferInsert>): Promise<ActivityRecord | undefined> {
  const [row] = await db
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row;
}

// ---- prizes

export type PrizeRecord = typeof activityPrizes.$inferSelect;
export interface PrizeView extends PrizeRecord {
  couponTitle: string;
  couponName: string;
  merchantName: string | null;
  faceValueFen: number;
  validFrom: Date;
  validTo: Date;
  enabled: boolean;
  /** Stock rows' sum, or null before approval wrote them. */
  stock: number | null;
}

/** Only while the activity is editable, so no stock or e-coupon refers to these prizes yet. */
export async function replacePrizes(db: DbOrTx, activityId: string, prizes: { couponId: string; quantity: number }[]): Promise<void> {
  await db.delete(activityPrizes).where(eq(activityPrizes.activityId, activityId));
  if (prizes.length > 0) await db.insert(activityPrizes).values(prizes.map((p, i) => ({ activityId, couponId: p.couponId, quantity: p.quantity, sortOrder: i })));
}

export async function listPrizes(db: DbOrTx, activityId: string): Promise<PrizeView[]> {
  const rows = await db
    .select({
      p: activityPrizes,
      couponTitle: coupons.title,
      couponName: coupons.name,
      merchantName: merchants.name,
      faceValueFen: coupons.faceValueFen,
      validFrom: coupons.validFrom,
      validTo: coupons.validTo,
      enabled: coupons.enabled,
      stock: sql<number | null>`(select sum(s.remaining)::int from ${prizeStock} s where s.prize_id = "activity_prizes"."id")`,
    })
    .from(activityPrizes)
    .innerJoin(coupons, eq(coupons.id, activityPrizes.couponId))
    .leftJoin(merchants, eq(merchants.id, coupons.merchantId))
    .where(eq(activityPrizes.activityId, activityId))
    .orderBy(asc(activityPrizes.sortOrder));
  return rows.map((r) => ({ ...r.p, ...r, stock: r.stock === null ? null : Number(r.stock) }));
}

export async function insertStock(db: DbOrTx, rows: { prizeId: string; bucket: number; remaining: number }[]): Promise<void> {
  if (rows.length > 0) await db.insert(prizeStock).values(rows);
}

// ---- the fig. 29 list

export interface ActivityFilter {
  q?: string;
  open?: 'open' | 'closed';
  status?: string;
  merchantId?: string;
  page: number;
  pageSize: number;
}

function filterOf(scopePath: string, f: ActivityFilter): SQL | undefined {
  const where: SQL[] = [orgInScope(activities.orgId, scopePath)];
  if (f.q) where.push(ilike(activities.title, `%${escapeLike(f.q)}%`));
  if (f.open) where.push(eq(activities.isOpen, f.open === 'open'));
  if (f.status) where.push(eq(activities.status, f.status));
  if (f.merchantId) {
    where.push(sql`exists (select 1 from ${activityPrizes} ap join ${coupons} c on c.id = ap.coupon_id where ap.activity_id = ${activities.id} and c.merchant_id = ${f.merchantId})`);
  }
  return and(...where);
}

// Correlated subqueries name the outer row as "activities"."id" explicitly: drizzle leaves a
// column unqualified in a one-table select, where it would bind to the subquery's own table.
const outerId = sql.raw('"activities"."id"');
const merchantNamesSql = sql<string[] | null>`(select array_agg(distinct m.name order by m.name) from ${activityPrizes} ap join ${coupons} c on c.id = ap.coupon_id join ${merchants} m on m.id = c.merchant_id where ap.activity_id = ${outerId})`;
const registeredSql = sql<number>`(select count(distinct e.person_id)::int from ${eCoupons} e where e.activity_id = ${outerId})`;
const participantsSql = sql<number>`(select count(distinct e.person_id)::int from ${eCoupons} e where e.activity_id = ${outerId} and e.status = 'redeemed')`;
const redeemedSql = sql<number>`(select count(*)::int from ${eCoupons} e where e.activity_id = ${outerId} and e.status = 'redeemed')`;

export async function listActivities(db: DbOrTx, scopePath: string, f: ActivityFilter): Promise<{ items: ActivityListRow[]; total: number; totals: ActivityCountsRow }> {
  const cond = filterOf(scopePath, f);
  const rows = await db
    .select({ a: activities, orgName: orgs.name, merchantNames: merchantNamesSql, registered: registeredSql, participants: participantsSql, redeemed: redeemedSql })
    .from(activities)
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .where(cond)
    .orderBy(desc(activities.createdAt), desc(activities.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(activities).where(cond);
  // 合计 over every activity the filters match, not only this page.
  const [t] = await db
    .select({
      registered: sql<number>`coalesce(sum(${registeredSql}), 0)::int`,
      participants: sql<number>`coalesce(sum(${participantsSql}), 0)::int`,
      redeemed: sql<number>`coalesce(sum(${redeemedSql}), 0)::int`,
    })
    .from(activities)
    .where(cond);
  return {
    items: rows.map((r) => ({
      ...r.a,
      orgName: r.orgName,
      merchantNames: r.merchantNames ?? [],
      counts: { registered: Number(r.registered), participants: Number(r.participants), redeemed: Number(r.redeemed) },
    })),
    total: n,
    totals: { registered: Number(t.registered), participants: Number(t.participants), redeemed: Number(t.redeemed) },
  };
}

export async function countsOfActivity(db: DbOrTx, activityId: string): Promise<ActivityCountsRow> {
  const [r] = await db
    .select({
      registered: sql<number>`count(distinct ${eCoupons.personId})::int`,
      participants: sql<number>`(count(distinct ${eCoupons.personId}) filter (where ${eCoupons.status} = 'redeemed'))::int`,
      redeemed: sql<number>`(count(*) filter (where ${eCoupons.status} = 'redeemed'))::int`,
    })
    .from(eCoupons)
    .where(eq(eCoupons.activityId, activityId));
  return { registered: Number(r.registered), participants: Number(r.participants), redeemed: Number(r.redeemed) };
}

export async function orgNameOf(db: DbOrTx, orgId: string): Promise<string> {
  const [row] = await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
  return row?.name ?? '';
}

export async function activitiesByIds(db: DbOrTx, ids: string[]): Promise<ActivityRecord[]> {
  return ids.length === 0 ? [] : db.select().from(activities).where(inArray(activities.id, ids));
}
