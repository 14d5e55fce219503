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
