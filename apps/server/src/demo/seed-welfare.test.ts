import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, STRONG_PASSWORD, type TestContext } from '../test/harness.js';
import { FIXTURE_PASSWORD, insertVerifiedMembers } from '../modules/benefits/benefits.fixtures.js';
import { DEMO_PASSWORD } from './seed.js';
import { DEMO_MERCHANT_PHONE, seedDemoWelfare } from './seed-welfare.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
});
afterAll(async () => t?.close());

describe('demo welfare (npm start shows 普惠活动 working)', () => {
  it('makes a merchant with a phone login, an enabled coupon and an approved open activity a member can claim from', async () => {
    const login = await seedDemoWelfare(t.deps);
    expect(login).toMatchObject({ phone: DEMO_MERCHANT_PHONE, password: DEMO_PASSWORD });

    const admin = await t.as('daguanyuan_admin');
    const list = (await admin.get('/api/activities')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ title: '中秋节福利发放', status: 'approved', isOpen: true, merchantNames: ['大观园职工之家'] });
    const review = (await admin.get(`/api/reviews/${list.items[0].reviewId}`)).json();
    expect(review.trail.map((x: { action: string }) => x.action)).toEqual(['submitted', 'approved']);
    expect((await admin.get('/api/coupons')).json().items[0]).toMatchObject({ enabled: true, allocated: 300 });

    const merchant = t.client();
    expect((await merchant.login(DEMO_MERCHANT_PHONE, DEMO_PASSWORD)).json().mustChangePassword).toBe(true);
    expect((await merchant.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD })).statusCode).toBe(200);
    expect((await merchant.get('/api/merchant/me')).json().merchant).toMatchObject({ name: '大观园职工之家', status: 'online' });

    const [m] = await insertVerifiedMembers(t.deps.db, t.deps.crypto, await t.orgId('济南大观园商业管理有限公司工会'), 1);
    const member = t.client();
    expect((await member.login(m.username, FIXTURE_PASSWORD)).statusCode).toBe(200);
    const mine = (await member.get(`/api/me/activities/${list.items[0].id}`)).json();
    const claim = await member.post(`/api/me/activities/${list.items[0].id}/claims`, { prizeId: mine.prizes[0].prizeId });
    expect(claim.statusCode, claim.body).toBe(201);
  });
});
