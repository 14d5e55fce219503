import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import { AppError } from '../../platform/errors.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { eCoupons, prizeStock, redemptions } from './benefits.table.js';
import { insertMerchant, insertStaff, insertVerifiedMembers, welfareSetup, type BulkMember } from './benefits.fixtures.js';
import { claim } from './claims.service.js';
import { expireDueCoupons } from './expiry.service.js';
import { redeem } from './redemptions.service.js';

/**
 * A state-machine property test of claim → redeem → expire: random sequences of claims (some
 * retried with an Idempotency-Key), redemptions by the coupon's merchant or another one, the
 * expiry job and the clock moving on, each checked against a plain model of what should happen,
 * and after every step the database (stock, e-coupon statuses, redemptions) against the model.
 */

const QC = '济南泉城软件有限公司工会';
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const MEMBERS = 2;

let t: TestContext;
let qcOrg: string;
let members: BulkMember[];
let otherStaff: { accountId: string };
let run = 0;

const authOf = (accountId: string) => ({ accountId, username: 'p', name: '性质测试', post: null }) as unknown as AuthContext;
const actorOf = (accountId: string): Actor => ({ accountId, username: 'p', name: '性质测试', orgId: null, ip: null });
const chinaDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestContext();
  qcOrg = await t.orgId(QC);
  members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, qcOrg, MEMBERS);
  otherStaff = await insertStaff(t.deps.db, (await insertMerchant(t.deps.db, t.deps.crypto, qcOrg)).id, '别家店员');
});
afterAll(async () => t?.close());

interface Coupon {
  id: string;
  code: string;
  status: 'claimed' | 'redeemed' | 'expired';
}
interface Model {
  stock: number;
  limit: number;
  daily: boolean;
  endsAt: number;
  validTo: number;
  counts: Map<string, number>; // member|period → claims
  coupons: Coupon[];
  keys: Map<string, { couponId: string; at: number }>; // member|key → first answer
  /** The server has been refused for stock once: from then on it says sold out before looking at the limit. */
  soldOutSeen: boolean;
}
interface Real {
  activityId: string;
  prizeId: string;
  staffId: string;
  run: number;
}

const now = () => t.deps.now().getTime();
const codeOf = (e: unknown) => (e instanceof AppError ? e.code : `unexpected: ${String(e)}`);
async function outcome<T>(p: Promise<T>): Promise<{ ok: T } | { refused: string }> {
  try {
    return { ok: await p };
  } catch (e) {
    return { refused: codeOf(e) };
  }
}

/** What a claim by member m should do now, by the model. */
function expectedClaim(m: Model, member: number): string | null {
  const n = now();
  if (n >= m.endsAt) return 'CLAIM_NOT_IN_WINDOW';
  if (m.soldOutSeen) return 'CLAIM_SOLD_OUT';
  if ((m.counts.get(`${member}|${m.daily ? chinaDay(n) : 'all'}`) ?? 0) >= m.limit) return 'CLAIM_LIMIT_REACHED';
  if (m.stock === 0) return 'CLAIM_SOLD_OUT';
  return null;
}
function applyClaim(m: Model, member: number, c: { id: string; code: string }) {
  const k = `${member}|${m.daily ? chinaDay(now()) : 'all'}`;
  m.counts.set(k, (m.counts.get(k) ?? 0) + 1);
  m.stock--;
  m.coupons.push({ id: c.id, code: c.code, status: 'claimed' });
}

class ClaimCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly member: number,
    readonly key: string | null,
  ) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const who = members[this.member];
    const key = this.key ? `${r.run}-${this.key}` : null;
    const stored = key ? m.keys.get(`${this.member}|${key}`) : undefined;
    const live = stored && now() - stored.at <= DAY ? stored : undefined;
    const idem = key ? { accountId: who.accountId, key, requestHash: `claim ${r.prizeId}` } : null;
    const got = await outcome(claim(t.deps, authOf(who.accountId), actorOf(who.accountId), r.activityId, r.prizeId, idem));
    if (live) {
      expect(got).toMatchObject({ ok: { replayed: true, body: { id: live.couponId } } });
      return;
    }
    const want = expectedClaim(m, this.member);
    if (want) {
      expect(got).toEqual({ refused: want });
      if (want === 'CLAIM_SOLD_OUT') m.soldOutSeen = true;
      return;
    }
    expect(got).toMatchObject({ ok: { replayed: false, body: { status: 'claimed' } } });
    const body = (got as { ok: { body: { id: string; code: string } } }).ok.body;
    applyClaim(m, this.member, body);
    if (key) m.keys.set(`${this.member}|${key}`, { couponId: body.id, at: now() });
    await agree(m, r);
  }
  toString = () => `claim(member ${this.member}${this.key ? `, key ${this.key}` : ''})`;
}

class RedeemCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly byOther: boolean,
  ) {}
  check = (m: Readonly<Model>) => m.coupons.length > 0;
  async run(m: Model, r: Real) {
    const c = m.coupons[this.pick % m.coupons.length];
    const staff = this.byOther ? otherStaff.accountId : r.staffId;
    const got = await outcome(redeem(t.deps, authOf(staff), actorOf(staff), { code: c.code }, null));
    const want = this.byOther ? 'REDEMPTION_NOT_AUTHORISED' : c.status === 'redeemed' ? 'REDEMPTION_ALREADY_DONE' : c.status === 'expired' || now() >= m.validTo ? 'REDEMPTION_EXPIRED' : null;
    if (want) expect(got).toEqual({ refused: want });
    else {
      expect('ok' in got).toBe(true);
      c.status = 'redeemed';
    }
    await agree(m, r);
  }
  toString = () => `redeem(${this.pick}${this.byOther ? ', other merchant' : ''})`;
}

class ExpireCommand implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(m: Model, r: Real) {
    await expireDueCoupons(t.deps);
    for (const c of m.coupons) if (c.status === 'claimed' && now() >= m.validTo) c.status = 'expired';
    await agree(m, r);
  }
  toString = () => 'expire job';
}

class AdvanceCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true;
  async run() {
    t.clock.advance(this.hours * HOUR);
  }
  toString = () => `advance ${this.hours} h`;
}

/** The database agrees with the model: stock left, each e-coupon's status, one redemption per redeemed coupon. */
async function agree(m: Model, r: Real) {
  const [left] = await t.deps.db.select({ n: sql<number>`sum(${prizeStock.remaining})::int` }).from(prizeStock).where(eq(prizeStock.prizeId, r.prizeId));
  expect(Number(left.n)).toBe(m.stock);
  const rows = await t.deps.db.select({ id: eCoupons.id, status: eCoupons.status }).from(eCoupons).where(eq(eCoupons.prizeId, r.prizeId));
  expect(new Map(rows.map((x) => [x.id, x.status]))).toEqual(new Map(m.coupons.map((c) => [c.id, c.status])));
  const done = await t.deps.db
    .select({ id: redemptions.eCouponId })
    .from(redemptions)
    .innerJoin(eCoupons, eq(eCoupons.id, redemptions.eCouponId))
    .where(eq(eCoupons.prizeId, r.prizeId));
  expect(done.map((d) => d.id).sort()).toEqual(m.coupons.filter((c) => c.status === 'redeemed').map((c) => c.id).sort());
}

const claimCommand = fc.tuple(fc.nat(MEMBERS - 1), fc.option(fc.constantFrom('k1', 'k2'), { nil: null })).map(([member, key]) => new ClaimCommand(member, key));
// Claims twice as likely as the other steps, so limits and stock are reached often.
const commands = [
  claimCommand,
  claimCommand,
  fc.tuple(fc.nat(20), fc.boolean()).map(([pick, other]) => new RedeemCommand(pick, other)),
  fc.constant(new ExpireCommand()),
  fc.integer({ min: 1, max: 20 }).map((h) => new AdvanceCommand(h)),
];

it('claim → redeem → expire follows the model under any sequence of steps', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({ quantity: fc.integer({ min: 1, max: 8 }), daily: fc.boolean(), perDay: fc.integer({ min: 1, max: 3 }), validHours: fc.integer({ min: 2, max: 72 }) }),
      fc.commands(commands, { maxCommands: 40 }),
      async (setup, cmds) => {
        const start = now();
        const endsAt = start + 3 * DAY;
        const validTo = start + setup.validHours * HOUR;
        const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, t.deps.now(), {
          quantity: setup.quantity,
          claimLimitKind: setup.daily ? 'daily' : 'once',
          claimLimitPerDay: setup.perDay,
          startsAt: new Date(start - HOUR),
          endsAt: new Date(endsAt),
          coupon: { validFrom: new Date(start - HOUR), validTo: new Date(validTo) },
        });
        const model: Model = { stock: setup.quantity, limit: setup.daily ? setup.perDay : 1, daily: setup.daily, endsAt, validTo, counts: new Map(), coupons: [], keys: new Map(), soldOutSeen: false };
        await fc.asyncModelRun(() => ({ model, real: { activityId: s.activity.id, prizeId: s.prizeId, staffId: s.staff.accountId, run: ++run } }), cmds);
      },
    ),
    { numRuns: Number(process.env.PROPERTY_RUNS ?? 50), seed: process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined },
  );
}, 300_000);
