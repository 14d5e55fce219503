import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../db/client.js';
import { prizeStock } from './benefits.table.js';
import { inBatch, RetryAlone } from '../../platform/transaction-batcher.js';
import { STOCK_BUCKETS } from './stock-buckets.js';

/**
 * Takes one unit of a prize's stock inside the claim's transaction, or answers false when none is
 * left. Never oversells: every decrement is conditional (`remaining > 0`, re-checked on the row's
 * latest version once its lock is held) and the CHECK (remaining >= 0) refuses anything else.
 *
 * 1. Decrement a bucket with stock that no other transaction holds (FOR UPDATE SKIP LOCKED),
 *    starting at a random bucket so concurrent claims spread over the rows.
 * 2. If every bucket with stock is locked by someone, wait for one of them (a plain conditional
 *    UPDATE): when its holder commits, the condition is re-checked on the new value. Inside a
 *    group commit a claim must not wait (RetryAlone): it runs again on its own after the batch.
 * 3. Sold out only when the committed stock of every bucket is 0. Stock never grows back (no
 *    claim gives a unit back), so that answer stays true.
 */
export async function takeOne(tx: Tx, prizeId: string): Promise<boolean> {
  for (;;) {
    const start = Math.floor(Math.random() * STOCK_BUCKETS);
    const free = await tx.execute(sql`
      update prize_stock set remaining = remaining - 1
      where prize_id = ${prizeId} and bucket = (
        select bucket from prize_stock
        where prize_id = ${prizeId} and remaining > 0
        order by (bucket + ${STOCK_BUCKETS} - ${start}) % ${STOCK_BUCKETS}
        limit 1
        for update skip locked)
      returning bucket`);
    if (rowsOf(free).length > 0) return true;
    if (inBatch(tx)) {
      const left = await tx.execute(sql`select 1 from prize_stock where prize_id = ${prizeId} and remaining > 0 limit 1`);
      if (rowsOf(left).length === 0) return false;
      throw new RetryAlone();
    }
    const waited = await tx.execute(sql`
      update prize_stock set remaining = remaining - 1
      where prize_id = ${prizeId} and remaining > 0 and bucket = (
        select bucket from prize_stock where prize_id = ${prizeId} and remaining > 0
        order by (bucket + ${STOCK_BUCKETS} - ${start}) % ${STOCK_BUCKETS} limit 1)
      returning bucket`);
    if (rowsOf(waited).length > 0) return true;
    const left = await tx.execute(sql`select 1 from prize_stock where prize_id = ${prizeId} and remaining > 0 limit 1`);
    if (rowsOf(left).length === 0) return false;
  }
}

/** What an e-coupon is issued with (the claim's values; the code is drawn here). */
export interface IssueValues {
  activityId: string;
  prizeId: string;
  couponId: string;
  personId: string;
  membershipId: string;
  accountId: string;
  validFrom: Date;
  validTo: Date;
  faceValueFen: number;
  claimedAt: Date;
}

/**
 * The common case of a claim in one statement (one round trip): decrement a bucket no one else
 * holds (as takeOne's first step) and insert the e-coupon from that same row. `took` false: no
 * free bucket, go the long way (takeOne). `id` null with `took` true: the drawn code was taken
 * (next to impossible): the unit is held, insert again with another code.
 */
export async function takeFreeAndIssue(tx: Tx, v: IssueValues, code: string): Promise<{ took: boolean; id: string | null }> {
  const start = Math.floor(Math.random() * STOCK_BUCKETS);
  const [row] = rowsOf<{ took: number; id: string | null }>(
    await tx.execute(sql`
      with taken as (
        update prize_stock set remaining = remaining - 1
        where prize_id = ${v.prizeId} and bucket = (
          select bucket from prize_stock
          where prize_id = ${v.prizeId} and remaining > 0
          order by (bucket + ${STOCK_BUCKETS} - ${start}) % ${STOCK_BUCKETS}
          limit 1
          for update skip locked)
        returning bucket),
      issued as (
        insert into e_coupons (code, activity_id, prize_id, coupon_id, person_id, membership_id, account_id, valid_from, valid_to, face_value_fen, claimed_at)
        select ${code}, ${v.activityId}, ${v.prizeId}, ${v.couponId}, ${v.personId}, ${v.membershipId}, ${v.accountId}, ${v.validFrom}, ${v.validTo}, ${v.faceValueFen}, ${v.claimedAt}
        from taken
        on conflict (code) do nothing
        returning id)
      select (select count(*) from taken)::int as took, (select id from issued) as id`),
  );
  return { took: row.took === 1, id: row.id };
}

/** Committed stock left per prize (for "sold out" in the app; the claim itself never trusts it). */
export async function remainingByPrize(db: DbOrTx, prizeIds: string[]): Promise<Map<string, number>> {
  if (prizeIds.length === 0) return new Map();
  const rows = await db
    .select({ prizeId: prizeStock.prizeId, remaining: sql<number>`sum(${prizeStock.remaining})::int` })
    .from(prizeStock)
    .where(inArray(prizeStock.prizeId, prizeIds))
    .groupBy(prizeStock.prizeId);
  return new Map(rows.map((r) => [r.prizeId, Number(r.remaining)]));
}
