import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { registerWorker } from '../member-app/member-app.fixtures.js';
import { activityBody, couponBody, DAY, merchantBody, onlineMerchant } from './benefits-console.fixtures.js';

let t: TestContext;
let dgy: TestClient; // 济南大观园商业管理有限公司工会
let lixia: TestClient; // another district
let merchantId: string;
let couponId: string;
const now = () => t.deps.now().getTime();

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  dgy = await t.as('daguanyuan_admin');
  lixia = await t.as('lixia_admin');
  merchantId = (await onlineMerchant(dgy, { name: '大观园职工之家' })).id;
});
afterAll(async () => t?.close());

describe('coupons (优惠券, seed 001 figs. 25–27)', () => {
  it('creates a union activity coupon with every field, not enabled until 开启', async () => {
    const body = couponBody(merchantId, now());
    const r = await dgy.post('/api/coupons', body);
    expect(r.statusCode, r.body).toBe(201);
    couponId = r.json().id;
    expect(r.json()).toMatchObject({
      kind: 'union_activity',
      merchantId,
      merchantName: '大观园职工之家',
      title: '中秋节福利',
      name: '中秋节福利券',
      quantity: 1000,
      allocated: 0,
      unallocated: 1000,
      validFrom: body.validFrom,
      validTo: body.validTo,
      faceValueFen: 5000,
      conditions: '凭券领取月饼一盒',
      description: '中秋节福利券',
      enabled: false,
      orgName: '济南大观园商业管理有限公司工会',
    });
  });

  it('refuses negative, fractional or absurd amounts, zero or huge quantities, validity ending before it starts, and empty names', async () => {
    const before = (await dgy.get('/api/coupons')).json().total;
    const cases: [Record<string, unknown>, string, string][] = [
      [{ faceValueFen: -1 }, 'faceValueFen', '优惠金额不能为负数'],
      [{ faceValueFen: 10.5 }, 'faceValueFen', '优惠金额以分为单位，应为整数'],
      [{ faceValueFen: 1e12 }, 'faceValueFen', '优惠金额不能超过100000元'],
      [{ quantity: 0 }, 'quantity', '优惠券数量至少为1'],
      [{ quantity: 10_000_001 }, 'quantity', '优惠券数量不能超过1000000'],
      [{ validTo: new Date(now()).toISOString(), validFrom: new Date(now() + DAY).toISOString() }, 'validTo', '有效期结束时间应晚于开始时间'],
      [{ validFrom: '2026-13-45' }, 'validFrom', '有效期开始时间格式不正确'],
      [{ name: '   ' }, 'name', '请填写优惠券名称'],
      [{ title: '题'.repeat(51) }, 'title', '优惠券标题不能超过50个字符'],
      [{ merchantId: 'not-a-uuid' }, 'merchantId', '编号格式不正确'],
    ];
    for (const [over, path, message] of cases) {
      const r = await dgy.post('/api/coupons', couponBody(merchantId, now(), over));
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(r.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message })]));
    }
    expect((await dgy.get('/api/coupons')).json().total).toBe(before);
  });

  it('needs an online merchant of the caller’s subtree', async () => {
    const offline = (await dgy.post('/api/merchants', merchantBody())).json();
    const r = await dgy.post('/api/coupons', couponBody(offline.id, now()));
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('COUPON_MERCHANT_OFFLINE');
    const foreign = await onlineMerchant(lixia);
    const f = await dgy.post('/api/coupons', couponBody(foreign.id, now()));
    expect(f.statusCode).toBe(400);
    expect(f.json().details[0]).toMatchObject({ path: 'merchantId', message: '商家不存在或不在您的管辖范围内' });
  });

  it('开启 and 关闭 with versions, audited', async () => {
    const c = (await dgy.get(`/api/coupons/${couponId}`)).json();
    const on = await dgy.post(`/api/coupons/${couponId}/enable`, { version: c.version });
    expect(on.json()).toMatchObject({ enabled: true, version: c.version + 1 });
    expect((await dgy.post(`/api/coupons/${couponId}/disable`, { version: c.version })).json().code).toBe('CONFLICT');
    const off = await dgy.post(`/api/coupons/${couponId}/disable`, { version: on.json().version });
    expect(off.json().enabled).toBe(false);
    const back = await dgy.post(`/api/coupons/${couponId}/enable`, { version: off.json().version });
    expect(back.json().enabled).toBe(true);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, couponId))).map((a) => a.action);
    expect(actions).toEqual(['coupon.created', 'coupon.enabled', 'coupon.disabled', 'coupon.enabled']);
    expect((await dgy.get('/api/coupons?state=enabled')).json().items.map((x: { id: string }) => x.id)).toContain(couponId);
    expect((await dgy.get('/api/coupons?state=disabled')).json().items.map((x: { id: string }) => x.id)).not.toContain(couponId);
  });

  it('edits; quantity never below what activities hold; terms fixed once an activity is submitted', async () => {
    let c = (await dgy.get(`/api/coupons/${couponId}`)).json();
    const a = await dgy.post('/api/activities', activityBody(now(), [{ couponId, quantity: 600 }]));
    expect(a.statusCode, a.body).toBe(201);
    c = (await dgy.get(`/api/coupons/${couponId}`)).json();
    expect(c).toMatchObject({ allocated: 600, unallocated: 400 });
    const low = await dgy.patch(`/api/coupons/${couponId}`, { version: c.version, quantity: 599 });
    expect(low.statusCode).toBe(409);
    expect(low.json()).toMatchObject({ code: 'COUPON_BELOW_ALLOCATED', details: [{ path: 'quantity', message: '已有600张分配给活动，数量不能少于600' }] });
    const ok = await dgy.patch(`/api/coupons/${couponId}`, { version: c.version, quantity: 600, faceValueFen: 6000 });
    expect(ok.json()).toMatchObject({ quantity: 600, faceValueFen: 6000, unallocated: 0 });
    const inverted = await dgy.patch(`/api/coupons/${couponId}`, { version: ok.json().version, validTo: new Date(now() + DAY).toISOString() });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details[0]).toMatchObject({ path: 'validTo', message: '有效期结束时间应晚于开始时间' });
    const stale = await dgy.patch(`/api/coupons/${couponId}`, { version: c.version, name: '旧' });
    expect(stale.json().code).toBe('CONFLICT');
    const submitted = await dgy.post(`/api/activities/${a.json().id}/submit`, { version: a.json().version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const fixed = await dgy.patch(`/api/coupons/${couponId}`, { version: ok.json().version, faceValueFen: 9900 });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().code).toBe('COUPON_IN_USE');
    const later = await dgy.patch(`/api/coupons/${couponId}`, { version: ok.json().version, validTo: new Date(now() + 20 * DAY).toISOString() });
    expect(later.json().code).toBe('COUPON_IN_USE');
    // Wording and more stock are still the union's to change.
    const words = await dgy.patch(`/api/coupons/${couponId}`, { version: ok.json().version, description: '每人一盒', quantity: 700 });
    expect(words.json()).toMatchObject({ description: '每人一盒', quantity: 700, faceValueFen: 6000 });
  });
});

describe('授权: other merchants or people may redeem', () => {
  it('authorises another merchant and a person by phone; refuses duplicates, the coupon’s own merchant, unknown phones and outsiders', async () => {
    const other = await onlineMerchant(dgy, { name: '大观园二号店' });
    const m = await dgy.post(`/api/coupons/${couponId}/authorisations`, { merchantId: other.id });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json()).toMatchObject({ kind: 'merchant', merchantId: other.id, merchantName: '大观园二号店' });
    expect((await dgy.post(`/api/coupons/${couponId}/authorisations`, { merchantId: other.id })).json().code).toBe('COUPON_AUTH_EXISTS');
    expect((await dgy.post(`/api/coupons/${couponId}/authorisations`, { merchantId })).json().code).toBe('COUPON_AUTH_EXISTS');
    const w = await registerWorker(t, '1373');
    const p = await dgy.post(`/api/coupons/${couponId}/authorisations`, { phone: w.phone });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ kind: 'account', phoneMasked: `${w.phone.slice(0, 3)}****${w.phone.slice(-4)}` });
    expect(p.body).not.toContain(w.phone);
    const unknown = await dgy.post(`/api/coupons/${couponId}/authorisations`, { phone: '13999999999' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('COUPON_AUTH_NO_ACCOUNT');
    const foreign = await onlineMerchant(lixia);
    expect((await dgy.post(`/api/coupons/${couponId}/authorisations`, { merchantId: foreign.id })).statusCode).toBe(400);
    expect((await dgy.post(`/api/coupons/${couponId}/authorisations`, {})).statusCode).toBe(400);
    expect((await dgy.post(`/api/coupons/${couponId}/authorisations`, { merchantId: other.id, phone: w.phone })).statusCode).toBe(400);
    const list = (await dgy.get(`/api/coupons/${couponId}/authorisations`)).json().items;
    expect(list).toHaveLength(2);
    const del = await dgy.request('DELETE', `/api/coupons/${couponId}/authorisations/${m.json().id}`);
    expect(del.statusCode).toBe(200);
    expect((await dgy.request('DELETE', `/api/coupons/${couponId}/authorisations/${m.json().id}`)).statusCode).toBe(404);
    expect((await dgy.get(`/api/coupons/${couponId}/authorisations`)).json().items).toHaveLength(1);
    // Revoked, the merchant may be authorised again.
    expect((await dgy.post(`/api/coupons/${couponId}/authorisations`, { merchantId: other.id })).statusCode).toBe(201);
    const actions = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, couponId))).map((a) => a.action);
    expect(actions.filter((a) => a === 'coupon.authorised')).toHaveLength(3);
    expect(actions).toContain('coupon.authorisation_revoked');
  });
});

describe('scope: outside the subtree every coupon endpoint answers 404 and changes nothing', () => {
  it('another district cannot read, edit, enable, disable or authorise the coupon', async () => {
    const c = (await dgy.get(`/api/coupons/${couponId}`)).json();
    const auth = (await dgy.get(`/api/coupons/${couponId}/authorisations`)).json().items[0];
    const answers = [
      await lixia.get(`/api/coupons/${couponId}`),
      await lixia.patch(`/api/coupons/${couponId}`, { version: c.version, name: '被改了' }),
      await lixia.post(`/api/coupons/${couponId}/enable`, { version: c.version }),
      await lixia.post(`/api/coupons/${couponId}/disable`, { version: c.version }),
      await lixia.get(`/api/coupons/${couponId}/authorisations`),
      await lixia.post(`/api/coupons/${couponId}/authorisations`, { merchantId }),
      await lixia.request('DELETE', `/api/coupons/${couponId}/authorisations/${auth.id}`),
    ];
    for (const r of answers) expect(r.statusCode, r.body).toBe(404);
    expect((await lixia.get('/api/coupons')).json().items.map((x: { id: string }) => x.id)).not.toContain(couponId);
    expect((await dgy.get(`/api/coupons/${couponId}`)).json()).toMatchObject({ name: c.name, version: c.version, enabled: true });
    expect((await dgy.get(`/api/coupons/${couponId}/authorisations`)).json().items).toHaveLength(2);
  });
});
