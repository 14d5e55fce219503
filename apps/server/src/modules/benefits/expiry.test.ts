import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestContext } from '../../test/harness.js';
import { FIXTURE_PASSWORD, insertVerifiedMembers, welfareSetup } from './benefits.fixtures.js';
import { eCoupons } from './benefits.table.js';
import { expireDueCoupons } from './expiry.service.js';
import { insertECoupons, redeemHeld, type Held } from './settlement.fixtures.js';

const HOUR = 3_600_000;
let t: TestContext;
let setup: Awaited<ReturnType<typeof welfareSetup>>;
let org: string;

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  org = await t.orgId('济南大观园商业管理有限公司工会');
  setup = await welfareSetup(t.deps.db, t.deps.crypto, org, t.deps.now(), { quantity: 50 });
});
afterAll(async () => t?.close());

/** `n` e-coupons of the fixture activity valid until `validTo`. */
async function hold(n: number, validTo: Date): Promise<Held[]> {
  const members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, org, n);
  const now = t.deps.now();
  return insertECoupons(t.deps.db, {
    activityId: setup.activity.id,
    prizeId: setup.prizeId,
    couponId: setup.coupon.id,
    members,
    validFrom: new Date(now.getTime() - 2 * HOUR),
    validTo,
    faceValueFen: 5000,
    claimedAt: new Date(now.getTime() - HOUR),
  });
}
const statusOf = async (held: Held[]) =>
  (await t.deps.db.select({ id: eCoupons.id, status: eCoupons.status, expiredAt: eCoupons.expiredAt }).from(eCoupons).where(inArray(eCoupons.id, held.map((h) => h.id)))).map((r) => r.status);

describe('unredeemed e-coupons expire by themselves', () => {
  it('expires claimed coupons past their validity; redeemed and still-valid ones are left alone; a second run finds nothing', async () => {
    const now = t.deps.now();
    const due = await hold(3, new Date(now.getTime() - 1000));
    const redeemedLate = await hold(1, new Date(now.getTime() - 1000));
    await redeemHeld(t.deps.db, redeemedLate, setup.merchant.id, setup.staff.accountId, new Date(now.getTime() - HOUR), 5000);
    const valid = await hold(2, new Date(now.getTime() + HOUR));
    expect(await expireDueCoupons(t.deps)).toBe(3);
    expect(await statusOf(due)).toEqual(['expired', 'expired', 'expired']);
    const [one] = await t.deps.db.select().from(eCoupons).where(eq(eCoupons.id, due[0].id));
    expect(one.expiredAt).not.toBeNull();
    expect(await statusOf(redeemedLate)).toEqual(['redeemed']);
    expect(await statusOf(valid)).toEqual(['claimed', 'claimed']);
    expect(await expireDueCoupons(t.deps)).toBe(0);
    const logged = (await t.deps.db.select().from(auditLog)).filter((a) => a.action === 'e_coupon.expired');
    expect(logged).toHaveLength(1);
    expect(logged[0].after).toMatchObject({ count: 3, perActivity: { [setup.activity.id]: 3 } });
    // When their hour is up, the valid ones go too.
    t.clock.advance(HOUR + 1000);
    expect(await expireDueCoupons(t.deps)).toBe(2);
    expect(await statusOf(valid)).toEqual(['expired', 'expired']);
  });

  it('the server sweeps at start-up, before it takes requests', async () => {
    const due = await hold(2, new Date(t.deps.now().getTime() - 1000));
    const app = await buildApp(t.deps);
    try {
      expect(await statusOf(due)).toEqual(['expired', 'expired']);
    } finally {
      await app.close();
    }
  });

  it('an expired coupon can never be redeemed, by code or otherwise, and stays expired', async () => {
    const [gone] = await hold(1, new Date(t.deps.now().getTime() - 1000));
    await expireDueCoupons(t.deps);
    const staff = t.client();
    expect((await staff.login(setup.staff.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    const history = (await staff.get('/api/merchant/redemptions')).json().total;
    const r = await staff.post('/api/merchant/redemptions', { code: gone.code });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('REDEMPTION_EXPIRED');
    expect(await statusOf([gone])).toEqual(['expired']);
    expect((await staff.get('/api/merchant/redemptions')).json().total).toBe(history);
  });
});
