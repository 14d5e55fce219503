import { inArray, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../db/client.js';
import { prizeStock } from './benefits.table.js';
import { STOCK_BUCKETS } from './stock-buckets.js';

/** Where a transaction starts looking for a free bucket: random, so concurrent ones spread over the rows. */
export const randomBucket = () => Math.floor(Math.random() * STOCK_BUCKETS);

/**
 * Takes one unit of a prize's stock inside the claim's transaction, or answers false when none is
 * left. Never oversells: every decrement is conditional (`remaining > 0`, re-checked on the row's
 * latest version once its lock is held) and the CHECK (remaining >= 0) refuses anything else.
 *
 * 1. Decrement a bucket with stock that no other transaction holds (FOR UPDATE SKIP LOCKED),
 *    starting at a random bucket so concurrent claims spread over the rows.
 * 2. If every bucket with stock is locked by someone, wait for one of them (a plain conditional
 *    UPDATE): when its holder commits, the condition is re-checked on the new value. Only a claim
 *    in a transaction of its own may wait (a batch's claims never do: claim-batch.repository.ts).
 * 3. Sold out only when the committed stock of every bucket is 0. Stock never grows back (no
 *    claim gives a unit back), so that answer stays true.
 */
export async function takeOne(tx: Tx, prizeId: string): Promise<boolean> {
  for (;;) {
    const start = randomBucket();
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
    const waited = await tx.execute(sql`
      update prize_stock set remaining = remaining - 1
      where prize_id = ${prizeId} and remaining > 0 and bucket = (
        select bucket from prize_stock where prize_id = ${prizeId} and remaining > 0
        order by (bucket + ${STOCK_BUCKETS} - ${start}) % ${STOCK_BUCKETS} limit 1)
      returning bucket`);
    if (rowsOf(waited).length > 0) return true;
    if ((await soldOutAmong(tx, [prizeId])).has(prizeId)) return false;
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

/** The per-person limit a claim counts against: `period` is `all` or the China-time day. */
export interface ClaimTurn {
  limit: number;
  period: string;
}

export type ClaimStep =
  /** The person is at their limit: nothing written. */
  | { kind: 'limit' }
  /** Counted, but no bucket with stock was free: the count stands until the caller rolls back or gets stock. */
  | { kind: 'no_free_stock' }
  /** Counted and a unit of stock taken; `id` null: the drawn code was taken, insert again with another. */
  | { kind: 'took'; id: string | null };

/**
 * A claim alone, the common case in one statement (one round trip): take the person's turn (a
 * transaction-scoped advisory lock on activity and person, so two claims by one person queue
 * there, a batch's included), count one more claim unless that passes the limit, decrement a
 * stock bucket no one else holds (as takeOne's first step), and insert the e-coupon from that
 * same row. Each step runs only if the one before it did.
 *
 * The count is an upsert whose update is conditional (`claimed < limit`), judged on the row's
 * latest version: with the primary key, two claims at once by the same person cannot both pass.
 */
export async function countTakeAndIssue(tx: Tx, v: IssueValues, code: string, turn: ClaimTurn): Promise<ClaimStep> {
  const start = randomBucket();
  const key = sql`hashtextextended(${`claim:${v.activityId}:${v.personId}`}, 0)`;
  const [row] = rowsOf<{ claimed: number | null; took: number; id: string | null }>(
    await tx.execute(sql`
      with turn as (select true as ok from (select pg_advisory_xact_lock(${key})) l),
      counted as (
        insert into claim_counters (activity_id, person_id, period, claimed)
        select ${v.activityId}, ${v.personId}, ${turn.period}, 1 from turn where turn.ok
        on conflict (activity_id, person_id, period) do update set claimed = claim_counters.claimed + 1
        where claim_counters.claimed < ${turn.limit}
        returning claimed),
      taken as (
        update prize_stock set remaining = remaining - 1
        where prize_id = ${v.prizeId} and bucket = (
          select bucket from prize_stock, counted
          where prize_id = ${v.prizeId} and remaining > 0
          order by (bucket + ${STOCK_BUCKETS} - ${start}) % ${STOCK_BUCKETS}
          limit 1
          for update of prize_stock skip locked)
        returning bucket),
      issued as (
        insert into e_coupons (code, activity_id, prize_id, coupon_id, person_id, membership_id, account_id, valid_from, valid_to, face_value_fen, claimed_at)
        select ${code}, ${v.activityId}, ${v.prizeId}, ${v.couponId}, ${v.personId}, ${v.membershipId}, ${v.accountId}, ${v.validFrom}, ${v.validTo}, ${v.faceValueFen}, ${v.claimedAt}
        from taken
        on conflict (code) do nothing
        returning id)
      select (select claimed from counted) as claimed, (select count(*) from taken)::int as took, (select id from issued) as id`),
  );
  if (row.claimed === null) return { kind: 'limit' };
  if (row.took === 0) return { kind: 'no_free_stock' };
  return { kind: 'took', id: row.id };
}

/** Prizes of these with no stock left, as this transaction sees it (committed, and its own). */
export async function soldOutAmong(tx: Tx, prizeIds: string[]): Promise<Set<string>> {
  const rows = rowsOf<{ prize_id: string }>(
    await tx.execute(sql`
      select p.id as prize_id from jsonb_array_elements_text(${JSON.stringify(prizeIds)}::jsonb) as p(id)
      where not exists (select 1 from prize_stock s where s.prize_id = p.id::uuid and s.remaining > 0)`),
  );
  return new Set(rows.map((r) => r.prize_id));
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
