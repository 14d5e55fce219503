import { count, countDistinct, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '../../db/client.js';
import type { Actor } from '../../platform/audit/audit.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { claimCounters, eCoupons, prizeStock, redemptions } from './benefits.table.js';
import { insertVerifiedMembers, welfareSetup, type BulkMember } from './benefits.fixtures.js';
import { claim } from './claims.service.js';
import { redeem } from './redemptions.service.js';

/**
 * Many claims at once. On PostgreSQL the racers are spread over 8 database handles of 8
 * connections each, as 8 servers would be: each handle batches the claims it receives into
 * transactions of its own (platform/transaction-batcher.ts), so up to 8 transactions, each holding
 * several claims, race on the same rows, and the database, not the test, decides who wins. On the
 * embedded default the same invariants hold with transactions taking turns.
 */

const QC = '济南泉城软件有限公司工会';
const onPostgres = !!process.env.DATABASE_URL;

let t: TestContext;
const SERVERS = 8;
let racing: Database[] = [];
let servers: Deps[]; // the deps the racing calls use, one per simulated server
let qcOrg: string;
let members: BulkMember[];

const authOf = (accountId: string) => ({ accountId, username: 'racer', name: '并发测试', post: null }) as unknown as AuthContext;
const actorOf = (accountId: string): Actor => ({ accountId, username: 'racer', name: '并发测试', orgId: null, ip: '127.0.0.1' });
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : String(e));

/** Runs every call at once and sorts the outcomes into granted values and refusal codes. */
async function race<T>(calls: (() => Promise<T>)[]) {
  const settled = await Promise.allSettled(calls.map((f) => f()));
  const granted = settled.filter((s): s is PromiseFulfilledResult<Awaited<T>> => s.status === 'fulfilled').map((s) => s.value);
  const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => codeOf(s.reason));
  return { granted, refused };
}

beforeAll(async () => {
  t = await createTestContext();
  qcOrg = await t.orgId(QC);
  members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, qcOrg, 60);
  servers = [t.deps];
  if (onPostgres) {
    const { rows } = await t.deps.executeSql('select current_database() as name');
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${rows[0].name}`;
    racing = await Promise.all(Array.from({ length: SERVERS }, () => createDatabase({ databaseUrl: url.toString(), poolMax: 8 })));
    servers = racing.map((d) => ({ ...t.deps, db: d.db, executeSql: d.executeSql }));
  }
});
afterAll(async () => {
  for (const d of racing) await d.close();
  await t?.close();
});

let turn = 0;
/** The next simulated server, round robin. */
const deps = () => servers[turn++ % servers.length];

const claimOf = (m: BulkMember, activityId: string, prizeId: string, key: string | null = null) => () =>
  claim(deps(), authOf(m.accountId), actorOf(m.accountId), activityId, prizeId, key ? { accountId: m.accountId, key, requestHash: `claim ${activityId} ${prizeId}` } : null);

describe(`concurrent claims (${onPostgres ? `PostgreSQL, ${SERVERS} handles × 8 connections` : 'PGlite'})`, () => {
  it('40 members racing for 10 coupons: exactly 10 granted, to 10 different members, stock 0, never below', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 10 });
    const racers = members.slice(0, 40);
    const { granted, refused } = await race(racers.map((m) => claimOf(m, s.activity.id, s.prizeId)));
    expect(granted).toHaveLength(10);
    expect(refused, refused.join()).toEqual(Array(30).fill('CLAIM_SOLD_OUT'));
    const [c] = await t.deps.db.select({ n: count(), people: countDistinct(eCoupons.personId), codes: countDistinct(eCoupons.code) }).from(eCoupons).where(eq(eCoupons.prizeId, s.prizeId));
    expect(c).toEqual({ n: 10, people: 10, codes: 10 });
    const stock = await t.deps.db.select().from(prizeStock).where(eq(prizeStock.prizeId, s.prizeId));
    expect(stock.every((b) => b.remaining === 0)).toBe(true);
    // Refused claims left no trace: no counter rows, no audit records.
    const [counters] = await t.deps.db.select({ n: count() }).from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(counters.n).toBe(10);
    const [audits] = await t.deps.db.select({ n: count() }).from(auditLog).where(sql`${auditLog.action} = 'e_coupon.claimed' and ${auditLog.after}->>'activityId' = ${s.activity.id}`);
    expect(audits.n).toBe(10);
  });

  it('a member racing themself 12 times on a limit of 3 a day gets exactly 3', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 100, claimLimitKind: 'daily', claimLimitPerDay: 3 });
    const m = members[40];
    const { granted, refused } = await race(Array.from({ length: 12 }, () => claimOf(m, s.activity.id, s.prizeId)));
    expect(granted).toHaveLength(3);
    expect(refused).toEqual(Array(9).fill('CLAIM_LIMIT_REACHED'));
    const [c] = await t.deps.db.select({ n: count() }).from(eCoupons).where(eq(eCoupons.prizeId, s.prizeId));
    expect(c.n).toBe(3);
    const [counter] = await t.deps.db.select().from(claimCounters).where(eq(claimCounters.activityId, s.activity.id));
    expect(counter.claimed).toBe(3);
    const [left] = await t.deps.db.select({ n: sql<number>`sum(${prizeStock.remaining})::int` }).from(prizeStock).where(eq(prizeStock.prizeId, s.prizeId));
    expect(Number(left.n)).toBe(97);
  });

  it('20 members each trying 3 times at once for 25 coupons (once each): 20 granted, nobody twice, then 5 left', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 25 });
    const racers = members.slice(0, 20);
    const { granted, refused } = await race(racers.flatMap((m) => [1, 2, 3].map(() => claimOf(m, s.activity.id, s.prizeId))));
    expect(granted).toHaveLength(20);
    expect(new Set(refused), refused.join()).toEqual(new Set(['CLAIM_LIMIT_REACHED']));
    const [c] = await t.deps.db.select({ n: count(), people: countDistinct(eCoupons.personId) }).from(eCoupons).where(eq(eCoupons.prizeId, s.prizeId));
    expect(c).toEqual({ n: 20, people: 20 });
    const [left] = await t.deps.db.select({ n: sql<number>`sum(${prizeStock.remaining})::int` }).from(prizeStock).where(eq(prizeStock.prizeId, s.prizeId));
    expect(Number(left.n)).toBe(5);
  });

  it('the same Idempotency-Key sent 8 times at once executes once and answers all 8 with the same e-coupon', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 10, claimLimitKind: 'daily', claimLimitPerDay: 10 });
    const m = members[41];
    const { granted, refused } = await race(Array.from({ length: 8 }, () => claimOf(m, s.activity.id, s.prizeId, 'same-key-raced-8-times')));
    expect(refused).toEqual([]);
    expect(new Set(granted.map((a) => a.body.id)).size).toBe(1);
    expect(granted.filter((a) => !a.replayed)).toHaveLength(1);
    const [c] = await t.deps.db.select({ n: count() }).from(eCoupons).where(eq(eCoupons.prizeId, s.prizeId));
    expect(c.n).toBe(1);
  });

  it('one e-coupon redeemed by 10 scans at once: exactly one redemption, the others told it is done', async () => {
    const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), { quantity: 1 });
    const m = members[42];
    const { body: coupon } = await claimOf(m, s.activity.id, s.prizeId)();
    const staff = authOf(s.staff.accountId);
    const { granted, refused } = await race(Array.from({ length: 10 }, () => () => redeem(deps(), staff, actorOf(s.staff.accountId), { code: coupon.code }, null)));
    expect(granted).toHaveLength(1);
    expect(refused).toEqual(Array(9).fill('REDEMPTION_ALREADY_DONE'));
    const rows = await t.deps.db.select().from(redemptions).where(eq(redemptions.eCouponId, coupon.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(granted[0].body.id);
  });
});
