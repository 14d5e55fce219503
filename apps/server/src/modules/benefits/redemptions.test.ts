import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { redemptions } from './benefits.table.js';
import { authorise, FIXTURE_PASSWORD, insertMerchant, insertPlainAccount, insertStaff, insertVerifiedMembers, welfareSetup, type BulkMember } from './benefits.fixtures.js';
import { COUPON_TOKEN_TTL_MS } from './coupon-token.js';

const QC = '济南泉城软件有限公司工会';
const DGY = '济南大观园商业管理有限公司工会';
const DAY = 86_400_000;

let t: TestContext;
let qcOrg: string;
let members: BulkMember[];
let nextMember = 0;

async function login(username: string): Promise<TestClient> {
  const c = t.client();
  const r = await c.login(username, FIXTURE_PASSWORD);
  expect(r.statusCode, r.body).toBe(200);
  return c;
}
const now = () => t.deps.now();

/** A fresh setup and a member who has claimed its coupon: the member's client and the e-coupon. */
async function claimed(opts: Parameters<typeof welfareSetup>[4] = {}) {
  const s = await welfareSetup(t.deps.db, t.deps.crypto, qcOrg, now(), { quantity: 5, ...opts });
  const member = await login(members[nextMember++].username);
  const r = await member.post(`/api/me/activities/${s.activity.id}/claims`, { prizeId: s.prizeId });
  expect(r.statusCode, r.body).toBe(201);
  const staff = await login(s.staff.username);
  const token = async () => (await member.post(`/api/me/coupons/${r.json().id}/token`)).json().token as string;
  return { ...s, member, eCoupon: r.json(), staffClient: staff, token };
}

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 100_000, login: 10_000, sms: 1_000 } });
  qcOrg = await t.orgId(QC);
  members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, qcOrg, 20);
});
afterAll(async () => t?.close());

describe('redeeming a scanned QR', () => {
  it('previews, redeems exactly once, shows the first redemption on a second scan, and audits it', async () => {
    const c = await claimed();
    const token = await c.token();
    const preview = await c.staffClient.post('/api/merchant/redemptions/preview', { token });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      couponName: '中秋节福利券',
      faceValueFen: 5000,
      activityTitle: c.activity.title,
      orgName: QC,
      status: 'claimed',
      canRedeem: true,
      blocker: null,
      redemption: null,
      holderNameMasked: expect.stringMatching(/\*/),
      codeMasked: expect.stringMatching(/^[0-9A-Z]{4}-\*{4}-[0-9A-Z]{4}$/),
    });
    expect(preview.body).not.toContain(c.eCoupon.code);

    const done = await c.staffClient.post('/api/merchant/redemptions', { token });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ couponName: '中秋节福利券', faceValueFen: 5000, merchantName: c.merchant.name, redeemedByName: '核销员', activityTitle: c.activity.title });

    // The same QR again, or the code typed: refused, with the first redemption.
    for (const again of [{ token }, { code: c.eCoupon.code }]) {
      const second = await c.staffClient.post('/api/merchant/redemptions', again);
      expect(second.statusCode).toBe(409);
      expect(second.json()).toMatchObject({ code: 'REDEMPTION_ALREADY_DONE', details: done.json(), message: expect.stringContaining(`在「${c.merchant.name}」核销`) });
    }
    const after = (await c.staffClient.post('/api/merchant/redemptions/preview', { token })).json();
    expect(after).toMatchObject({ status: 'redeemed', canRedeem: false, blocker: 'already_redeemed', blockerMessage: '该券已核销', redemption: done.json() });
    expect(await t.deps.db.select().from(redemptions).where(eq(redemptions.eCouponId, c.eCoupon.id))).toHaveLength(1);

    // The member sees it redeemed, where; the app gets no new QR for it.
    expect((await c.member.get(`/api/me/coupons/${c.eCoupon.id}`)).json()).toMatchObject({ status: 'redeemed', redeemedMerchantName: c.merchant.name, redeemedAt: done.json().redeemedAt });
    expect((await c.member.post(`/api/me/coupons/${c.eCoupon.id}/token`)).json().code).toBe('REDEMPTION_ALREADY_DONE');

    const [audit] = await t.deps.db.select().from(auditLog).where(and(eq(auditLog.action, 'e_coupon.redeemed'), eq(auditLog.objectId, c.eCoupon.id)));
    expect(audit).toMatchObject({ actorAccountId: c.staff.accountId, orgId: qcOrg });
    expect(audit.after).toMatchObject({ merchantId: c.merchant.id, faceValueFen: 5000 });
  });

  it('refuses an expired, altered or foreign token plainly', async () => {
    const c = await claimed();
    const token = await c.token();
    const raw = Buffer.from(token, 'base64url');
    raw[15] ^= 1;
    const card = await c.member.get('/api/me/card');
    for (const bad of [raw.toString('base64url'), token.slice(0, -3), 'garbage', card.json().token]) {
      const r = await c.staffClient.post('/api/merchant/redemptions/preview', { token: bad });
      expect(r.statusCode).toBe(400);
      expect(r.json()).toMatchObject({ code: 'COUPON_TOKEN_INVALID', message: expect.stringContaining('无效的券二维码') });
    }
    t.clock.advance(COUPON_TOKEN_TTL_MS + 1000);
    const staff = await login(c.staff.username);
    const expired = await staff.post('/api/merchant/redemptions', { token });
    expect(expired.json()).toMatchObject({ code: 'COUPON_TOKEN_EXPIRED', message: expect.stringContaining('刷新') });
    expect(await t.deps.db.select().from(redemptions).where(eq(redemptions.eCouponId, c.eCoupon.id))).toHaveLength(0);
  });
});

describe('typed codes', () => {
  it('accepts the code however it is typed, and answers an unknown or malformed code in Chinese', async () => {
    const c = await claimed();
    const typed = ` ${c.eCoupon.code.toLowerCase().replace(/0/g, 'o').replace(/-/g, ' ')} `;
    const preview = await c.staffClient.post('/api/merchant/redemptions/preview', { code: typed });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().canRedeem).toBe(true);
    expect((await c.staffClient.post('/api/merchant/redemptions', { code: c.eCoupon.code })).statusCode).toBe(201);

    const unknown = await c.staffClient.post('/api/merchant/redemptions', { code: '0000-0000-0000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'COUPON_CODE_NOT_FOUND', message: '券码不存在，请核对后重新输入' });
    for (const body of [{}, { code: '' }, { code: '券码' }, { code: 'x'.repeat(100) }, { token: 'a', code: 'b' }, { code: 12 }, { code: c.eCoupon.code, extra: true }]) {
      const r = await c.staffClient.post('/api/merchant/redemptions', body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
      expect(r.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await c.staffClient.post('/api/merchant/redemptions', { code: 'ABCD-EFGH-JKMN' })).json().code).toBe('COUPON_CODE_NOT_FOUND');
  });
});

describe('who may redeem', () => {
  it('refuses another merchant, until the coupon is authorised to it; a person it is authorised to redeems for the coupon\'s merchant', async () => {
    const c = await claimed();
    const other = await insertMerchant(t.deps.db, t.deps.crypto, await t.orgId(DGY));
    const otherStaff = await login((await insertStaff(t.deps.db, other.id, '别家店员')).username);
    const preview = (await otherStaff.post('/api/merchant/redemptions/preview', { code: c.eCoupon.code })).json();
    expect(preview).toMatchObject({ canRedeem: false, blocker: 'not_authorised', blockerMessage: '本商家无权核销该券', redemption: null });
    const refused = await otherStaff.post('/api/merchant/redemptions', { code: c.eCoupon.code });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('REDEMPTION_NOT_AUTHORISED');

    await authorise(t.deps.db, c.coupon.id, { merchantId: other.id });
    expect((await otherStaff.post('/api/merchant/redemptions/preview', { code: c.eCoupon.code })).json().canRedeem).toBe(true);
    const done = await otherStaff.post('/api/merchant/redemptions', { code: c.eCoupon.code });
    expect(done.statusCode, done.body).toBe(201);
    expect(done.json()).toMatchObject({ merchantName: other.name, redeemedByName: '别家店员' });

    // 授权给个人: a person's account, nobody's staff, redeems for the coupon's merchant.
    const d = await claimed();
    const person = await insertPlainAccount(t.deps.db, '王授权');
    const personClient = await login(person.username);
    expect((await personClient.post('/api/merchant/redemptions', { code: d.eCoupon.code })).json().code).toBe('NOT_MERCHANT_STAFF');
    await authorise(t.deps.db, d.coupon.id, { accountId: person.accountId });
    const byPerson = await personClient.post('/api/merchant/redemptions', { code: d.eCoupon.code });
    expect(byPerson.statusCode, byPerson.body).toBe(201);
    expect(byPerson.json()).toMatchObject({ merchantName: d.merchant.name, redeemedByName: '王授权' });
    // Authorised for that coupon only: another coupon stays out of reach.
    const e = await claimed();
    expect((await personClient.post('/api/merchant/redemptions', { code: e.eCoupon.code })).json().code).toBe('REDEMPTION_NOT_AUTHORISED');
    // A revoked authorisation counts for nothing.
    await t.deps.db.execute(sql`update coupon_authorisations set revoked_at = now() where account_id = ${person.accountId}`);
    expect((await personClient.post('/api/merchant/redemptions/preview', { code: e.eCoupon.code })).json().code).toBe('NOT_MERCHANT_STAFF');
  });

  it('refuses members, staff of an offline merchant and callers without a session', async () => {
    const c = await claimed();
    const token = await c.token();
    const r = await c.member.post('/api/merchant/redemptions', { token });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'NOT_MERCHANT_STAFF', message: expect.stringContaining('商家店员') });
    expect((await c.member.get('/api/merchant/redemptions')).json().code).toBe('NOT_MERCHANT_STAFF');
    expect((await t.client().post('/api/merchant/redemptions', { token })).statusCode).toBe(401);
    // A union operator is no redeemer either.
    expect((await (await t.as('quancheng_admin')).post('/api/merchant/redemptions/preview', { token })).json().code).toBe('NOT_MERCHANT_STAFF');

    await t.deps.db.execute(sql`update merchants set status = 'offline' where id = ${c.merchant.id}`);
    const offline = await c.staffClient.post('/api/merchant/redemptions', { token });
    expect(offline.statusCode).toBe(403);
    expect(offline.json().message).toContain('已下线');
    await t.deps.db.execute(sql`update merchants set status = 'online' where id = ${c.merchant.id}`);
    expect(await t.deps.db.select().from(redemptions).where(eq(redemptions.eCouponId, c.eCoupon.id))).toHaveLength(0);
  });
});

describe('validity', () => {
  it('refuses before the validity starts and after it ends (expired by the clock or by the expiry job)', async () => {
    const early = await claimed({ coupon: { validFrom: new Date(now().getTime() + 2 * DAY), validTo: new Date(now().getTime() + 10 * DAY) } });
    const preview = (await early.staffClient.post('/api/merchant/redemptions/preview', { code: early.eCoupon.code })).json();
    expect(preview).toMatchObject({ canRedeem: false, blocker: 'not_yet_valid', blockerMessage: '未到使用时间' });
    const r = await early.staffClient.post('/api/merchant/redemptions', { code: early.eCoupon.code });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'REDEMPTION_OUTSIDE_VALIDITY', message: expect.stringContaining('起才能使用') });

    const late = await claimed({ coupon: { validFrom: new Date(now().getTime() - DAY), validTo: new Date(now().getTime() + 3600_000) } });
    t.clock.advance(3600_000 + 1000);
    const staff = await login(late.staff.username);
    expect((await staff.post('/api/merchant/redemptions/preview', { code: late.eCoupon.code })).json().blocker).toBe('expired');
    expect((await staff.post('/api/merchant/redemptions', { code: late.eCoupon.code })).json()).toMatchObject({ code: 'REDEMPTION_EXPIRED', message: expect.stringContaining('过期') });

    const marked = await claimed();
    await t.deps.db.execute(sql`update e_coupons set status = 'expired', expired_at = now() where id = ${marked.eCoupon.id}`);
    expect((await marked.staffClient.post('/api/merchant/redemptions', { code: marked.eCoupon.code })).json().code).toBe('REDEMPTION_EXPIRED');
    for (const id of [early.eCoupon.id, late.eCoupon.id, marked.eCoupon.id]) expect(await t.deps.db.select().from(redemptions).where(eq(redemptions.eCouponId, id))).toHaveLength(0);
  });
});

describe('history and retries', () => {
  it('lists this merchant\'s redemptions with their total, none of another merchant\'s', async () => {
    const a = await claimed();
    const b = await claimed();
    expect((await a.staffClient.post('/api/merchant/redemptions', { code: a.eCoupon.code })).statusCode).toBe(201);
    expect((await b.staffClient.post('/api/merchant/redemptions', { code: b.eCoupon.code })).statusCode).toBe(201);
    const h = await a.staffClient.get('/api/merchant/redemptions?page=1&pageSize=10');
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json()).toMatchObject({ total: 1, totalFaceValueFen: 5000, page: 1, pageSize: 10 });
    expect(h.json().items).toEqual([expect.objectContaining({ merchantName: a.merchant.name, codeMasked: expect.stringMatching(/\*{4}/) })]);
    expect(h.body).not.toContain(a.eCoupon.code);
    expect((await a.staffClient.get('/api/merchant/redemptions?pageSize=1000')).statusCode).toBe(400);
  });

  it('replays a retried redemption with the same Idempotency-Key and refuses the key for another coupon', async () => {
    const c = await claimed();
    const key = { 'idempotency-key': 'redeem-2b7e-retry-1' };
    const first = await c.staffClient.post('/api/merchant/redemptions', { code: c.eCoupon.code }, key);
    expect(first.statusCode, first.body).toBe(201);
    const retry = await c.staffClient.post('/api/merchant/redemptions', { code: c.eCoupon.code }, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    // Without the key, the same request is a second scan.
    expect((await c.staffClient.post('/api/merchant/redemptions', { code: c.eCoupon.code })).json().code).toBe('REDEMPTION_ALREADY_DONE');
    const d = await claimed();
    expect((await c.staffClient.post('/api/merchant/redemptions', { code: d.eCoupon.code }, key)).json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await t.deps.db.select().from(redemptions).where(eq(redemptions.eCouponId, d.eCoupon.id))).toHaveLength(0);
  });
});
