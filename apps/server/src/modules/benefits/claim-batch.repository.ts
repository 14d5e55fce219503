import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { IN_FLIGHT } from '../../platform/idempotency.js';
import { STOCK_BUCKETS } from './stock-buckets.js';

/** What an e-coupon is issued with: the claim's values (the code is drawn apart). */
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

/** One claim, judged and ready to write (claims.batch.ts). */
export interface BatchClaim extends IssueValues {
  /** `all`, or the China-time day of a daily limit. */
  period: string;
  limit: number;
  /** The e-coupon's code, drawn beforehand. */
  code: string;
  idempotencyKey: string | null;
  requestHash: string | null;
}

/** How far each claim of the batch got; every step runs only if the one before it did. */
export interface BatchClaimStep {
  /** Had the person's turn: no other transaction is claiming for them in this activity. */
  turned: boolean;
  /** Its Idempotency-Key (if any) was free and is now held by this claim. */
  keyHeld: boolean;
  /** Counted against the person's limit (false once the turn and key were had: the limit is reached). */
  counted: boolean;
  /** Got a unit of stock. */
  served: boolean;
  /** The e-coupon; null when served but its code was taken (insert again with another code). */
  id: string | null;
}

/**
 * How many buckets of a prize one batch may lock: enough for a batch (a bucket holds 1/16 of the
 * quantity) while leaving the others free for the batches of other servers.
 */
const BUCKETS_PER_BATCH = 4;

/**
 * Claims in one statement: a whole batch (platform/transaction-batcher.ts), or one claim alone.
 * For each claim, in order:
 *
 * 1. The person's turn: a transaction-scoped advisory lock on (activity, person). A batch only
 *    tries it (it must not wait; the caller dedupes so a person appears once per activity); a
 *    claim alone (`waitForTurn`) waits for it.
 * 2. The Idempotency-Key, inserted in flight; a live one (committed by an earlier request) is not
 *    taken over, and the claim does nothing more (the caller replays the stored answer). The same
 *    key in flight in another transaction would be waited for; for the same activity that cannot
 *    happen (the person's turn is tried first), only for a key reused on another activity.
 * 3. The count: an upsert whose update is conditional (`claimed < limit`), judged on the row's
 *    latest version, so nobody passes their limit under any concurrency.
 * 4. Stock for the counted claims, per prize, from up to BUCKETS_PER_BATCH buckets no other
 *    transaction holds (FOR UPDATE SKIP LOCKED), starting at the batch's bucket; each bucket is
 *    decremented by what it gives, never below 0 (and the CHECK would refuse it). Claims are
 *    served in their order while the locked buckets last.
 * 5. The e-coupons of the served claims.
 *
 * A claim counted but not served, and the key of a claim not served, stay written: the caller
 * undoes them (undoUnserved) or the batch's transaction would keep them.
 */
export async function claimTogether(tx: Tx, claims: BatchClaim[], opts: { startBucket: number; keysExpiredBefore: Date; waitForTurn?: boolean }): Promise<BatchClaimStep[]> {
  const turnKey = sql`hashtextextended('claim:' || activity_id || ':' || person_id, 0)`;
  const turn = opts.waitForTurn
    ? sql`select i from input cross join lateral (select pg_advisory_xact_lock(${turnKey})) l`
    : sql`select i from input where pg_try_advisory_xact_lock(${turnKey})`;
  const units = JSON.stringify(
    claims.map((c, i) => ({
      i,
      activity_id: c.activityId,
      prize_id: c.prizeId,
      coupon_id: c.couponId,
      person_id: c.personId,
      membership_id: c.membershipId,
      account_id: c.accountId,
      period: c.period,
      lim: c.limit,
      code: c.code,
      valid_from: c.validFrom.toISOString(),
      valid_to: c.validTo.toISOString(),
      face_value_fen: c.faceValueFen,
      claimed_at: c.claimedAt.toISOString(),
      idem_key: c.idempotencyKey,
      request_hash: c.requestHash,
    })),
  );
  const rows = rowsOf<{ i: number; turned: boolean; key_held: boolean; counted: boolean; served: boolean; id: string | null }>(
    await tx.execute(sql`
      with input as materialized (
        select * from jsonb_to_recordset(${units}::jsonb) as u(
          i int, activity_id uuid, prize_id uuid, coupon_id uuid, person_id uuid, membership_id uuid, account_id uuid,
          period text, lim int, code text, valid_from timestamptz, valid_to timestamptz, face_value_fen int, claimed_at timestamptz,
          idem_key text, request_hash text)),
      turn as materialized (${turn}),
      keyed as (
        insert into idempotency_keys (account_id, key, request_hash, status_code, body, created_at)
        select u.account_id, u.idem_key, u.request_hash, ${IN_FLIGHT}, '{}'::jsonb, u.claimed_at
        from input u join turn t on t.i = u.i
        where u.idem_key is not null
        on conflict (account_id, key) do update
          set request_hash = excluded.request_hash, status_code = excluded.status_code, body = excluded.body, created_at = excluded.created_at
          where idempotency_keys.created_at < ${opts.keysExpiredBefore}
        returning account_id, key),
      eligible as materialized (
        select u.* from input u join turn t on t.i = u.i
        where u.idem_key is null or exists (select 1 from keyed k where k.account_id = u.account_id and k.key = u.idem_key)),
      counted as (
        insert into claim_counters (activity_id, person_id, period, claimed)
        select activity_id, person_id, period, 1 from eligible
        on conflict (activity_id, person_id, period) do update set claimed = claim_counters.claimed + 1
          where claim_counters.claimed < (
            select e.lim from eligible e
            where e.activity_id = claim_counters.activity_id and e.person_id = claim_counters.person_id and e.period = claim_counters.period)
        returning activity_id, person_id),
      ranked as materialized (
        select e.*, row_number() over (partition by e.prize_id order by e.i) as rn
        from eligible e join counted c on c.activity_id = e.activity_id and c.person_id = e.person_id),
      need as (select prize_id, count(*)::int as n from ranked group by prize_id),
      locked as materialized (
        select s.prize_id, s.bucket, s.remaining, s.ord
        from need cross join lateral (
          select prize_id, bucket, remaining, (bucket + ${STOCK_BUCKETS} - ${opts.startBucket}) % ${STOCK_BUCKETS} as ord
          from prize_stock
          where prize_stock.prize_id = need.prize_id and remaining > 0
          order by (bucket + ${STOCK_BUCKETS} - ${opts.startBucket}) % ${STOCK_BUCKETS}
          limit ${BUCKETS_PER_BATCH}
          for update skip locked) s),
      alloc as (
        select l.prize_id, l.bucket,
          least(l.remaining, greatest(0, n.n - (sum(l.remaining) over (partition by l.prize_id order by l.ord) - l.remaining)))::int as take
        from locked l join need n on n.prize_id = l.prize_id),
      taken as (
        update prize_stock ps set remaining = ps.remaining - a.take
        from alloc a
        where ps.prize_id = a.prize_id and ps.bucket = a.bucket and a.take > 0
        returning ps.prize_id, a.take),
      got as (select prize_id, sum(take)::int as got from taken group by prize_id),
      issued as (
        insert into e_coupons (code, activity_id, prize_id, coupon_id, person_id, membership_id, account_id, valid_from, valid_to, face_value_fen, claimed_at)
        select r.code, r.activity_id, r.prize_id, r.coupon_id, r.person_id, r.membership_id, r.account_id, r.valid_from, r.valid_to, r.face_value_fen, r.claimed_at
        from ranked r join got g on g.prize_id = r.prize_id
        where r.rn <= g.got
        on conflict (code) do nothing
        returning id, code)
      select u.i,
        exists (select 1 from turn t where t.i = u.i) as turned,
        exists (select 1 from eligible e where e.i = u.i) as key_held,
        r.i is not null as counted,
        coalesce(r.rn <= g.got, false) as served,
        iss.id
      from input u
      left join ranked r on r.i = u.i
      left join got g on g.prize_id = r.prize_id
      left join issued iss on iss.code = u.code
      order by u.i`),
  );
  return rows.map((r) => ({ turned: r.turned, keyHeld: r.key_held, counted: r.counted, served: r.served, id: r.id }));
}

/**
 * Undoes what claimTogether wrote for claims it did not serve, in the same transaction (which
 * still holds their turns and rows): their counts go back down and their in-flight keys go away,
 * so a refused or postponed claim leaves nothing behind.
 */
export async function undoUnserved(
  tx: Tx,
  counted: { activityId: string; personId: string; period: string }[],
  keys: { accountId: string; key: string }[],
): Promise<void> {
  const c = JSON.stringify(counted.map((x) => ({ activity_id: x.activityId, person_id: x.personId, period: x.period })));
  const k = JSON.stringify(keys.map((x) => ({ account_id: x.accountId, key: x.key })));
  await tx.execute(sql`
    with c as (select * from jsonb_to_recordset(${c}::jsonb) as c(activity_id uuid, person_id uuid, period text)),
    k as (select * from jsonb_to_recordset(${k}::jsonb) as k(account_id uuid, key text)),
    gone as (
      delete from claim_counters cc using c
      where cc.activity_id = c.activity_id and cc.person_id = c.person_id and cc.period = c.period and cc.claimed = 1),
    lowered as (
      update claim_counters cc set claimed = cc.claimed - 1 from c
      where cc.activity_id = c.activity_id and cc.person_id = c.person_id and cc.period = c.period and cc.claimed > 1)
    delete from idempotency_keys ik using k where ik.account_id = k.account_id and ik.key = k.key and ik.status_code = ${IN_FLIGHT}`);
}

/** Stores the answers of the batch's claims that came with an Idempotency-Key, for their retries. */
export async function storeAnswers(tx: Tx, answers: { accountId: string; key: string; status: number; body: object }[]): Promise<void> {
  const a = JSON.stringify(answers.map((x) => ({ account_id: x.accountId, key: x.key, status_code: x.status, body: x.body })));
  await tx.execute(sql`
    update idempotency_keys ik set status_code = a.status_code, body = a.body
    from jsonb_to_recordset(${a}::jsonb) as a(account_id uuid, key text, status_code int, body jsonb)
    where ik.account_id = a.account_id and ik.key = a.key`);
}
