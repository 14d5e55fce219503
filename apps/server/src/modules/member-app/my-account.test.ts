import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { persons } from '../members/members.table.js';
import { idOf, registerWorker, reviewInTodo, verifiedWorker, WORKER_PASSWORD } from './member-app.fixtures.js';
import { phoneChangeRequests } from './member-app.table.js';

let t: TestContext;
let quancheng: TestClient;
let daguanyuan: TestClient;
const QC = '济南泉城软件有限公司工会';

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [quancheng, daguanyuan] = await Promise.all(['quancheng_admin', 'daguanyuan_admin'].map((u) => t.as(u)));
});
afterAll(async () => t?.close());

async function codeTo(phone: string): Promise<string> {
  const c = t.client();
  t.clock.advance(61_000);
  const r = await c.post('/api/auth/sms-code', { purpose: 'change_phone', phone, ...(await c.captcha()) });
  expect(r.statusCode, r.body).toBe(200);
  return t.sms.lastCode(phone)!;
}

describe('changing the phone while it still works', () => {
  it('needs the password and a code to the new phone; then the new phone logs in, the old one does not', async () => {
    const { client, phone } = await registerWorker(t);
    const newPhone = '13688880001';
    const wrong = await client.post('/api/me/phone', { password: 'Wrong#pass2026', newPhone, smsCode: await codeTo(newPhone) });
    expect(wrong.json()).toMatchObject({ code: 'PASSWORD_WRONG', message: '登录密码不正确' });
    expect((await client.post('/api/me/phone', { password: WORKER_PASSWORD, newPhone, smsCode: '000000' })).json().code).toBe('SMS_CODE_INVALID');
    const ok = await client.post('/api/me/phone', { password: WORKER_PASSWORD, newPhone, smsCode: await codeTo(newPhone) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await client.get('/api/auth/session')).json().account.phoneMasked).toBe('136****0001');
    expect((await t.client().login(newPhone, WORKER_PASSWORD)).statusCode).toBe(200);
    expect((await t.client().login(phone, WORKER_PASSWORD)).statusCode).toBe(401);
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'account.phone_changed')).orderBy(desc(auditLog.seq)).limit(1);
    expect(audit.after).toMatchObject({ phone: '136****0001' });
    expect(JSON.stringify(audit)).not.toContain(newPhone);
    // A phone another account logs in with cannot be taken.
    const other = await registerWorker(t);
    const taken = await other.client.post('/api/me/phone', { password: WORKER_PASSWORD, newPhone, smsCode: await codeTo(newPhone) });
    expect(taken.json()).toMatchObject({ code: 'PHONE_TAKEN', message: '该手机号已绑定其他账号' });
  });
});

describe('the old phone is lost', () => {
  it('asks the base union, which approves in its inbox; the new phone logs in and every old session ends', async () => {
    const w = await verifiedWorker(t, quancheng, QC, '孙悦', 20);
    const newPhone = '13688880002';
    const base = { account: w.phone, newPhone, name: '孙悦', idNumber: w.idNumber };
    const refused = await t.client().post('/api/phone-change-requests', { ...base, name: '孙月', smsCode: await codeTo(newPhone), ...(await t.client().captcha()) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'PHONE_CHANGE_REFUSED', message: expect.stringContaining('联系您所在的工会') });
    const unverified = await registerWorker(t);
    const stranger = await t.client().post('/api/phone-change-requests', { ...base, account: unverified.phone, smsCode: await codeTo(newPhone), ...(await t.client().captcha()) });
    expect(stranger.json().code).toBe('PHONE_CHANGE_REFUSED');
    expect(await t.deps.db.select().from(phoneChangeRequests)).toEqual([]);

    const c = t.client();
    const r = await c.post('/api/phone-change-requests', { ...base, account: w.username, smsCode: await codeTo(newPhone), ...(await c.captcha()) });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'pending', reviewingOrgName: QC, newPhoneMasked: '136****0002' });
    const [row] = await t.deps.db.select().from(phoneChangeRequests);
    expect(JSON.stringify(row)).not.toContain(newPhone);

    const review = await reviewInTodo(quancheng, 'member_phone_change', r.json().id);
    expect(review!.title).toContain('孙悦');
    expect((await daguanyuan.post(`/api/reviews/${review!.id}/approve`, { version: 1 })).statusCode).toBe(404);
    expect((await quancheng.post(`/api/reviews/${review!.id}/approve`, { version: 1 })).statusCode).toBe(200);
    // The old phone's session (maybe in someone else's hands now) is over.
    expect((await w.client.get('/api/me/card')).statusCode).toBe(401);
    const again = t.client();
    expect((await again.login(newPhone, WORKER_PASSWORD)).statusCode).toBe(200);
    expect((await again.get('/api/me/card')).json().name).toBe('孙悦');
  });
});

describe('my own data', () => {
  it('shows the verified member their data, lets them correct the address and the like, never name or document', async () => {
    const w = await verifiedWorker(t, quancheng, QC, '冯雪', 21);
    const me = await w.client.get('/api/me/profile');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ name: '冯雪', orgName: QC, memberNo: w.member.memberNo, status: 'joined', sex: 'female' });
    expect(me.body).not.toContain(w.idNumber);
    // The union had no phone for this member: the one proved at registration is now in the registry.
    const masked = `${w.phone.slice(0, 3)}****${w.phone.slice(7)}`;
    expect(me.json().phoneMasked).toBe(masked);
    expect((await quancheng.get(`/api/members/${w.member.id}`)).json().phoneMasked).toBe(masked);

    const ok = await w.client.patch('/api/me/profile', { address: '济南市历下区泉城路188号3单元', education: '本科', migrantWorker: false });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ address: '济南市历下区泉城路188号3单元', education: '本科', migrantWorker: false });
    // The union sees the change.
    expect((await quancheng.get(`/api/members/${w.member.id}`)).json()).toMatchObject({ address: '济南市历下区泉城路188号3单元', education: '本科' });

    for (const body of [{ name: '冯冰' }, { idNumber: idOf(22) }, { address: '新地址很长很长很长', orgId: '00000000-0000-0000-0000-000000000000' }]) {
      const r = await w.client.patch('/api/me/profile', body);
      expect(r.statusCode).toBe(400);
      expect(r.json().message + JSON.stringify(r.json().details)).toContain('不能自行修改');
    }
    for (const body of [{ address: 'x'.repeat(5000) }, { education: '<script>' }, { address: '地址\u0000' }]) {
      const r = await w.client.patch('/api/me/profile', body);
      expect(r.statusCode).toBe(400);
      expect(JSON.stringify(r.json().details)).toMatch(/[\u4e00-\u9fa5]/);
    }
    const [p] = await t.deps.db.select().from(persons).where(eq(persons.name, '冯雪'));
    expect(p.address).toBe('济南市历下区泉城路188号3单元');

    const consents = (await w.client.get('/api/me/consents')).json().items;
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ recipient: 'base_union', recipientName: QC });
  });

  it('answers an unverified account that it must verify first', async () => {
    const { client } = await registerWorker(t);
    expect((await client.get('/api/me/profile')).json()).toMatchObject({ code: 'NOT_VERIFIED', message: '请先完成工会会员认证' });
    expect((await client.patch('/api/me/profile', { address: '济南市历下区某某路1号' })).statusCode).toBe(403);
    expect((await client.get('/api/me/consents')).json().items).toEqual([]);
  });
});
