import { and, asc, count, desc, eq, gte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/client.js';
import { idempotencyKeys } from '../../platform/idempotency.table.js';
import { verifiedMemberSubquery } from '../member-app/index.js';
import { orgs } from '../organisations/index.js';
import { activities, activityPrizes, claimCounters, coupons, eCoupons, merchants, redemptions } from './benefits.table.js';

export type ActivityRow = typeof activities.$inferSelect;

/** Who is looking: the member's union and where it sits in the tree (values, or a query's columns). */
export interface MemberPlace {
  orgId: string | SQLWrapper;
  orgPath: string | SQLWrapper;
}

/**
 * An activity's scope covers the member: it is their own union's, or a union above theirs chose
 * "本单位及下级" (its path is a prefix of the member's union's path). `activityOrgPath`: the
 * column of the activity's union's path in the query (`orgs` joined on the activity, by default).
 */
export function activityCovers(member: MemberPlace, activityOrgPath: SQLWrapper = orgs.path): SQL {
  return sql`(${activities.orgId} = ${member.orgId} or (${activities.scope} = 'subtree' and starts_with(${member.orgPath}, ${activityOrgPath})))`;
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

const activityOrg = alias(orgs, 'activity_org');

/**
 * Everything a claim is judged on before it touches stock, in one round trip: the answer stored
 * under its Idempotency-Key (a retry is replayed before anything else is judged), the caller as
 * a verified member, the activity (with its union's name and whether its scope covers the
 * member), the prize of that activity with its coupon and the coupon's merchant's name; each null
 * when missing. Prepared once per database (on PostgreSQL a named statement, parsed and planned
 * once per connection): every claim runs it.
 */
const claimContextQuery = (db: DbOrTx) => {
  const m = verifiedMemberSubquery(db, sql.placeholder('accountId'));
  return db
    .select({
      stored: { requestHash: idempotencyKeys.requestHash, statusCode: idempotencyKeys.statusCode, body: idempotencyKeys.body },
      member: { personId: m.personId, membershipId: m.membershipId, membershipStatus: m.membershipStatus, orgId: m.orgId, orgPath: m.orgPath },
      a: {
        id: activities.id,
        orgId: activities.orgId,
        title: activities.title,
        claimLimitKind: activities.claimLimitKind,
        claimLimitPerDay: activities.claimLimitPerDay,
        startsAt: activities.startsAt,
        endsAt: activities.endsAt,
        status: activities.status,
        isOpen: activities.isOpen,
      },
      orgName: activityOrg.name,
      covers: sql<boolean>`${activityCovers({ orgId: m.orgId, orgPath: m.orgPath }, activityOrg.path)}`,
      prizeId: activityPrizes.id,
      coupon: {
        id: coupons.id,
        title: coupons.title,
        name: coupons.name,
        conditions: coupons.conditions,
        description: coupons.description,
        enabled: coupons.enabled,
        validFrom: coupons.validFrom,
        validTo: coupons.validTo,
        faceValueFen: coupons.faceValueFen,
      },
      merchantName: merchants.name,
    })
    // One row whatever is missing.
    .from(sql`(values (1)) as one (one)`)
    .leftJoin(
      idempotencyKeys,
      and(
        eq(idempotencyKeys.accountId, sql.placeholder('accountId')),
        eq(idempotencyKeys.key, sql.placeholder('idempotencyKey')),
        gte(idempotencyKeys.createdAt, sql.placeholder('liveSince')),
      ),
    )
    .leftJoin(m, sql`true`)
    .leftJoin(activities, eq(activities.id, sql.placeholder('activityId')))
    .leftJoin(activityOrg, eq(activityOrg.id, activities.orgId))
    .leftJoin(activityPrizes, and(eq(activityPrizes.id, sql.placeholder('prizeId')), eq(activityPrizes.activityId, activities.id)))
    .leftJoin(coupons, eq(coupons.id, activityPrizes.couponId))
    .leftJoin(merchants, eq(merchants.id, coupons.merchantId))
    .prepare('claim_context');
};
const preparedContexts = new WeakMap<DbOrTx, ReturnType<typeof claimContextQuery>>();

export async function claimContext(db: DbOrTx, q: { accountId: string; activityId: string; prizeId: string; idempotencyKey: string | null; liveSince: Date }) {
  let prepared = preparedContexts.get(db);
  if (!prepared) preparedContexts.set(db, (prepared = claimContextQuery(db)));
  const [row] = await prepared.execute(q);
  return row;
}
export type ClaimContext = Awaited<ReturnType<typeof claimContext>>;

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
