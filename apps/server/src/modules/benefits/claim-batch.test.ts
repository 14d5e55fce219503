import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../db/client.js';
import { idempotencyKeys } from '../../platform/idempotency.table.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { claimCounters, eCoupons, prizeStock } from './benefits.table.js';
import { insertVerifiedMembers, welfareSetup, type BulkMember } from './benefits.fixtures.js';
import { claimTogether, storeAnswers, undoUnserved, type BatchClaim } from './claim-batch.repository.js';
import { newCouponCode } from './coupon-code.js';
import { soldOutAmong } from './stock.repository.js';

/**
 * The statement that does a whole batch of claims (claim-batch.repository.ts), step by step:
 * what it writes for each claim, and that undoing the unserved ones leaves nothing behind.
 */

const QC = '济南泉城软件有限公司工会';
const onPostgres = !!process.env.DATABASE_URL;
let t: TestContext;
let members: BulkMember[];
let qcOrg: string;

beforeAll(async () => {
  t = await createTestContext();
  qcOrg = await t.orgId(QC);
  members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, qcOrg, 12);
});
afterAll(async () => t?.close());

type Setup = Awaited<ReturnType<typeof welfareSetup>>;
const claimOf = (s: Setup, m: BulkMember, extra: Partial<BatchClaim> = {}): BatchClaim => ({
  activityId: s.activity.id,
  prizeId: s.prizeId,
  couponId: s.coupon.id,
  personId: m.personId,
  membershipId: m.membershipId,
  accountId: m.accountId,
  period: 'all',
  limit: 1,
  code: newCouponCode(),
  validFrom: s.coupon.validFrom,
  validTo: s.coupon.validTo,
  faceValueFen: s.coupon.faceValueFen,
  claimedAt: t.deps.now(),
  idempotencyKey: null,
  requestHash: null,
  ...extra,
});
const opts = () => ({ startBucket: 0, keysExpiredBefore: new Date(t.deps.now().getTime() - 86_400_000) });
const stockOf = async (prizeId: string) =>
  (await t.deps.db.select({ bucket: prizeStock.bucket, remaining: prizeStock.remaining }).from(prizeStock).where(eq(prizeStock.prizeId, prizeId)).orderBy(prizeStock.bucket)).map(
    (b) => b.remaining,
  );

describe('claimTogether', () => {
  it('serves claims in order from the buckets it may lock (4), and the rest, counted, are undone to nothing', async () => {
    // 5 units: 5 buckets of 1; a batch locks at most 4 of them.
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 5 });
    const claims = members.slice(0, 5).map((m) => claimOf(s, m));
    const steps = await t.deps.db.transaction(async (tx) => {
      const steps = await claimTogether(tx, claims, opts());
      const fifth = claims[4];
      await undoUnserved(tx, [{ activityId: fifth.activityId, personId: fifth.personId, period: 'all' }], []);
      expect(await soldOutAmong(tx, [s.prizeId])).toEqual(new Set());
      return steps;
    });
    expect(steps.map((x) => [x.turned, x.keyHeld, x.counted, x.served])).toEqual([
      [true, true, true, true],
      [true, true, true, true],
      [true, true, true, true],
      [true, true, true, true],
      [true, true, true, false],
    ]);
    expect(steps.slice(0, 4).every((x) => x.id)).toBe(true);
    expect(steps[4].id).toBeNull();
    // The four locked buckets gave one each; the fifth still holds its unit.
    expect(await stockOf(s.prizeId)).toEqual([0, 0, 0, 0, 1]);
    const coupons = await t.deps.db.select({ personId: eCoupons.personId, code: eCoupons.code }).from(eCoupons).where(eq(eCoupons.prizeId, s.prizeId));
    expect(coupons.map((c) => c.personId).sort()).toEqual(claims.slice(0, 4).map((c) => c.personId).sort());
    expect(coupons.map((c) => c.code).sort()).toEqual(claims.slice(0, 4).map((c) => c.code).sort());
    const counters = await t.deps.db.select({ personId: claimCounters.personId, claimed: claimCounters.claimed }).from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(counters.map((c) => c.personId).sort()).toEqual(claims.slice(0, 4).map((c) => c.personId).sort());
    expect(counters.every((c) => c.claimed === 1)).toBe(true);
  });

  it('does not count a person at their limit, serves no one when none is left, and says sold out', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 1 });
    const [a, b] = members.slice(5, 7);
    await t.deps.db.transaction((tx) => claimTogether(tx, [claimOf(s, a)], opts()));
    const steps = await t.deps.db.transaction(async (tx) => {
      const steps = await claimTogether(tx, [claimOf(s, a), claimOf(s, b)], opts());
      await undoUnserved(tx, [{ activityId: s.activity.id, personId: b.personId, period: 'all' }], []);
      expect(await soldOutAmong(tx, [s.prizeId])).toEqual(new Set([s.prizeId]));
      return steps;
    });
    expect(steps.map((x) => [x.turned, x.counted, x.served])).toEqual([
      [true, false, false],
      [true, true, false],
    ]);
    const [c] = await t.deps.db.select({ n: count() }).from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(c.n).toBe(1);
    expect(await stockOf(s.prizeId)).toEqual([0]);
  });

  it('counts a daily limit of 3 up to 3 across batches, and undoing a count lowers it by one', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 50, claimLimitKind: 'daily', claimLimitPerDay: 3 });
    const m = members[7];
    const daily = { period: '2026-11-24', limit: 3 };
    const counted: boolean[] = [];
    for (let i = 0; i < 4; i++) counted.push((await t.deps.db.transaction((tx) => claimTogether(tx, [claimOf(s, m, daily)], opts())))[0].counted);
    expect(counted).toEqual([true, true, true, false]);
    await t.deps.db.transaction((tx) => undoUnserved(tx, [{ activityId: s.activity.id, personId: m.personId, period: daily.period }], []));
    const [row] = await t.deps.db.select({ claimed: claimCounters.claimed }).from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(row.claimed).toBe(2);
  });

  it('holds a free Idempotency-Key in flight until its answer is stored, and does nothing for a key already answered', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 10 });
    const [a, b, c] = members.slice(8, 11);
    const now = t.deps.now();
    await t.deps.db.insert(idempotencyKeys).values({ accountId: b.accountId, key: 'answered-before', requestHash: 'h', statusCode: 201, body: { id: 'first' }, createdAt: now });
    const keyed = (m: BulkMember, key: string) => claimOf(s, m, { idempotencyKey: key, requestHash: 'h' });
    const steps = await t.deps.db.transaction(async (tx) => {
      const steps = await claimTogether(tx, [keyed(a, 'fresh-key'), keyed(b, 'answered-before'), keyed(c, 'refused-key')], opts());
      // c is refused afterwards (say): its key goes, with its count; a's answer is stored.
      await undoUnserved(tx, [{ activityId: s.activity.id, personId: c.personId, period: 'all' }], [{ accountId: c.accountId, key: 'refused-key' }]);
      await storeAnswers(tx, [{ accountId: a.accountId, key: 'fresh-key', status: 201, body: { id: steps[0].id } }]);
      return steps;
    });
    expect(steps.map((x) => [x.keyHeld, x.counted, x.served])).toEqual([
      [true, true, true],
      [false, false, false],
      [true, true, true],
    ]);
    const keys = await t.deps.db.select({ accountId: idempotencyKeys.accountId, key: idempotencyKeys.key, status: idempotencyKeys.statusCode, body: idempotencyKeys.body }).from(idempotencyKeys);
    expect(keys.find((k) => k.key === 'fresh-key')).toMatchObject({ status: 201, body: { id: steps[0].id } });
    expect(keys.find((k) => k.key === 'answered-before')).toMatchObject({ status: 201, body: { id: 'first' } });
    expect(keys.find((k) => k.key === 'refused-key')).toBeUndefined();
    const people = await t.deps.db.select({ personId: claimCounters.personId }).from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(people.map((p) => p.personId)).toEqual([a.personId]);
  });

  it.runIf(onPostgres)('leaves a person whose turn another transaction holds untouched (turned: false), and serves the others', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 10 });
    const [a, b] = members.slice(11, 12).concat(members.slice(0, 1));
    const { rows } = await t.deps.executeSql('select current_database() as name');
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0].name}`;
    const other: Database = await createDatabase({ databaseUrl: url.toString(), poolMax: 1 });
    try {
      const steps = await other.db.transaction(async (holder) => {
        await holder.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`claim:${s.activity.id}:${a.personId}`}, 0))`);
        return t.deps.db.transaction((tx) => claimTogether(tx, [claimOf(s, a), claimOf(s, b)], opts()));
      });
      expect(steps.map((x) => [x.turned, x.served])).toEqual([
        [false, false],
        [true, true],
      ]);
      const counted = await t.deps.db.select({ personId: claimCounters.personId }).from(claimCounters).where(and(eq(claimCounters.activityId, s.activity.id)));
      expect(counted.map((c) => c.personId)).toEqual([b.personId]);
    } finally {
      await other.close();
    }
  });
});
