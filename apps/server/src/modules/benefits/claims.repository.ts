import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { rowsOf, type DbOrTx, type Tx } from '../../db/client.js';
import { orgs } from '../organisations/index.js';
import { activities, activityPrizes, claimCounters, coupons, eCoupons, merchants, redemptions } from './benefits.table.js';

export type ActivityRow = typeof activities.$inferSelect;

/** Who is looking: the member's union and where it sits in the tree. */
export interface MemberPlace {
  orgId: string;
  orgPath: string;
}

/**
 * An activity's scope covers the member: it is their own union's, or a union above theirs chose
 * "本单位及下级" (its path is a prefix of the member's union's path).
 */
export function activityCovers(member: MemberPlace): SQL {
  return sql`(${activities.orgId} = ${member.orgId} or (${activities.scope} = 'subtree' and starts_with(${member.orgPath}, ${orgs.path})))`;
}

/** Approved, open, not ended, in the member's scope: what the app lists (upcoming ones included). */
export async function visibleActivities(db: DbOrTx, member: MemberPlace, now: Date) {
  return db
    .select({ a: activities, orgName: orgs.name })
    .from(activities)
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .where(and(eq(activities.status, 'approved'), eq(activities.isOpen, true), sql`${activities.endsAt} > ${now}`, activityCovers(member)))
    .orderBy(asc(activities.startsAt), asc(activities.id));
}

/** One activity with its union's name and whether it covers the member (null when unknown). */
export async function activityFor(db: DbOrTx, id: string, member: MemberPlace) {
  const [row] = await db
    .select({ a: activities, orgName: orgs.name, covers: sql<boolean>`${activityCovers(member)}` })
    .from(activities)
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .where(eq(activities.id, id));
  return row;
}

/** The prize list with each coupon and its merchant's name. */
export async function prizesOf(db: DbOrTx, activityId: string) {
  return db
    .select({ prize: activityPrizes, coupon: coupons, merchantName: merchants.name })
    .from(activityPrizes)
    .innerJoin(coupons, eq(coupons.id, activityPrizes.couponId))
    .leftJoin(merchants, eq(merchants.id, coupons.merchantId))
    .where(eq(activityPrizes.activityId, activityId))
    .orderBy(asc(activityPrizes.sortOrder), asc(activityPrizes.id));
}

/** One prize of one activity, with its coupon and the coupon's merchant's name. */
export async function prizeOf(db: DbOrTx, activityId: string, prizeId: string) {
  const [row] = await db
    .select({ prize: activityPrizes, coupon: coupons, merchantName: merchants.name })
    .from(activityPrizes)
    .innerJoin(coupons, eq(coupons.id, activityPrizes.couponId))
    .leftJoin(merchants, eq(merchants.id, coupons.merchantId))
    .where(and(eq(activityPrizes.id, prizeId), eq(activityPrizes.activityId, activityId)));
  return row;
}

/**
 * Takes the person's turn in the activity, then counts one more claim unless that would pass the
 * limit, in one statement (one round trip of a claim's transaction).
 *
 * The turn is a transaction-scoped advisory lock on (activity, person): claims by the same person
 * queue there before touching any row. Inside a group commit a claim must not wait, so it only
 * tries: 'busy' means "run alone later" (platform/transaction-batcher.ts).
 *
 * The count is an upsert whose update is conditional (`claimed < limit`); with the primary key,
 * two claims at once by the same person cannot both pass it: 'limit' when the limit is reached.
 */
export async function takeTurnAndCount(tx: Tx, activityId: string, personId: string, period: string, limit: number, wait: boolean): Promise<'ok' | 'busy' | 'limit'> {
  const key = sql`hashtextextended(${`claim:${activityId}:${personId}`}, 0)`;
  const turn = wait ? sql`select true as ok from (select pg_advisory_xact_lock(${key})) l` : sql`select pg_try_advisory_xact_lock(${key}) as ok`;
  const [row] = rowsOf<{ turn: boolean; claimed: number | null }>(
    await tx.execute(sql`
      with turn as (${turn}),
      bump as (
        insert into claim_counters (activity_id, person_id, period, claimed)
        select ${activityId}, ${personId}, ${period}, 1 from turn where turn.ok
        on conflict (activity_id, person_id, period) do update set claimed = claim_counters.claimed + 1
        where claim_counters.claimed < ${limit}
        returning claimed)
      select (select ok from turn) as turn, (select claimed from bump) as claimed`),
  );
  return !row.turn ? 'busy' : row.claimed === null ? 'limit' : 'ok';
}

export async function claimedInPeriod(db: DbOrTx, activityId: string, personId: string, period: string): Promise<number> {
  const [row] = await db
    .select({ claimed: claimCounters.claimed })
    .from(claimCounters)
    .where(and(eq(claimCounters.activityId, activityId), eq(claimCounters.personId, personId), eq(claimCounters.period, period)));
  return row?.claimed ?? 0;
}

/** Inserts the e-coupon unless its code is taken (then the caller draws another code). */
export async function insertECoupon(tx: Tx, values: typeof eCoupons.$inferInsert) {
  const [row] = await tx.insert(eCoupons).values(values).onConflictDoNothing({ target: eCoupons.code }).returning();
  return row;
}

const redeemingMerchant = alias(merchants, 'redeeming_merchant');
const couponMerchant = alias(merchants, 'coupon_merchant');

/** An e-coupon as 我的券 shows it. */
const myCouponColumns = {
  e: eCoupons,
  couponTitle: coupons.title,
  couponName: coupons.name,
  conditions: coupons.conditions,
  description: coupons.description,
  activityTitle: activities.title,
  orgName: orgs.name,
  merchantName: couponMerchant.name,
  redeemedMerchantName: redeemingMerchant.name,
};

function myCouponQuery(db: DbOrTx) {
  return db
    .select(myCouponColumns)
    .from(eCoupons)
    .innerJoin(coupons, eq(coupons.id, eCoupons.couponId))
    .innerJoin(activities, eq(activities.id, eCoupons.activityId))
    .innerJoin(orgs, eq(orgs.id, activities.orgId))
    .leftJoin(couponMerchant, eq(couponMerchant.id, coupons.merchantId))
    .leftJoin(redemptions, eq(redemptions.eCouponId, eCoupons.id))
    .leftJoin(redeemingMerchant, eq(redeemingMerchant.id, redemptions.merchantId));
}
export type MyCouponRow = Awaited<ReturnType<typeof myCouponQuery>>[number];

export async function myCoupon(db: DbOrTx, accountId: string, id: string): Promise<MyCouponRow | undefined> {
  const [row] = await myCouponQuery(db).where(and(eq(eCoupons.id, id), eq(eCoupons.accountId, accountId)));
  return row;
}

/** The account's e-coupons, newest first. */
export async function myCoupons(db: DbOrTx, accountId: string, status: string | undefined, page: number, pageSize: number) {
  const where = and(eq(eCoupons.accountId, accountId), status ? eq(eCoupons.status, status) : undefined);
  const [items, [{ n }]] = await Promise.all([
    myCouponQuery(db)
      .where(where)
      .orderBy(desc(eCoupons.claimedAt), desc(eCoupons.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(eCoupons).where(where),
  ]);
  return { items, total: n };
}
