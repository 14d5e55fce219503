import { makeIdNumber } from '@gonghui/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';

let t: TestContext;
let quancheng: TestClient;
let daguanyuan: TestClient;
let qc: string;
let dgy: string;
let serial = 0;

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [quancheng, daguanyuan] = await Promise.all(['quancheng_admin', 'daguanyuan_admin'].map((u) => t.as(u)));
  qc = await t.orgId('济南泉城软件有限公司工会');
  dgy = await t.orgId('济南大观园商业管理有限公司工会');
});
afterAll(async () => t?.close());

/** A worker who registered with phone + SMS code (no post): the member app's user. */
async function worker(username: string, name: string): Promise<{ client: TestClient; phone: string }> {
  const client = t.client();
  const phone = `1372000${String(++serial).padStart(4, '0')}`;
  t.clock.advance(61_000);
  expect((await client.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await client.captcha()) })).statusCode).toBe(200);
  const r = await client.post('/api/auth/register', { username, name, phone, smsCode: t.sms.lastCode(phone)!, password: 'Worker#2026ok' });
  expect(r.statusCode, r.body).toBe(201);
  return { client, phone };
}

const idOf = (n: number) => makeIdNumber({ addressCode: '370103', birthDate: `1992-03-${String(10 + n).padStart(2, '0')}`, sex: 'female', seq: 200 + 2 * n });

describe('applying to join a union', () => {
  it('finds the union by name without its district, is reviewed by that union, and becomes a membership', async () => {
    const { client, phone } = await worker('worker_a', '林小雨');
    const hits = (await client.get(`/api/unions/search?q=${encodeURIComponent('泉城软件')}`)).json().items;
    expect(hits).toEqual([{ id: qc, name: '济南泉城软件有限公司工会', path: ['历下区总工会', '泉城路街道总工会'] }]);
    expect((await client.get('/api/unions/search?q=a')).statusCode).toBe(400);

    const idNumber = idOf(1);
    const r = await client.post('/api/me/applications', { kind: 'join', targetOrgId: qc, name: '林小雨', idNumber, phone, workUnitName: '济南泉城软件有限公司', reason: '新入职' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'pending', reviewingOrgName: '济南泉城软件有限公司工会', targetOrgName: '济南泉城软件有限公司工会', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    expect(JSON.stringify(r.json())).not.toContain(idNumber);
    const again = await client.post('/api/me/applications', { kind: 'join', targetOrgId: dgy, name: '林小雨', idNumber, phone, workUnitName: '某单位' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('APPLICATION_EXISTS');

    const todo = (await quancheng.get('/api/reviews?box=todo&subjectType=member_application')).json();
    const item = todo.items.find((x: { subjectId: string }) => x.subjectId === r.json().id);
    expect(item).toMatchObject({ submitterOrgId: null, submitterOrgName: '个人申请', title: expect.stringContaining('入会申请') });
    // Another union cannot see it.
    expect((await daguanyuan.get(`/api/reviews/${item.id}`)).statusCode).toBe(404);
    const approved = await quancheng.post(`/api/reviews/${item.id}/approve`, { version: 1 });
    expect(approved.statusCode, approved.body).toBe(200);

    const mine = (await client.get('/api/me/applications')).json().items[0];
    expect(mine).toMatchObject({ status: 'approved', reviewingOrgName: null });
    expect(mine.memberNo).toMatch(/^\d{10}$/);
    const members = (await quancheng.post('/api/members/search', { idNumber })).json().items;
    expect(members).toMatchObject([{ name: '林小雨', status: 'joined', orgId: qc, memberNo: mine.memberNo, sex: 'female' }]);
  });

  it('refuses what cannot be: a member applying to join, a wrong name, bad input', async () => {
    const { client, phone } = await worker('worker_b', '高峰');
    const existing = (await daguanyuan.post(`/api/orgs/${dgy}/members`, { idType: 'resident_id', idNumber: idOf(2), name: '高峰' })).json();
    expect(existing.status).toBe('joined');
    const join = await client.post('/api/me/applications', { kind: 'join', targetOrgId: qc, name: '高峰', idNumber: idOf(2), phone, workUnitName: '某单位' });
    expect(join.statusCode).toBe(409);
    expect(join.json().message).toContain('请改为提交转会申请');
    const wrongName = await client.post('/api/me/applications', { kind: 'transfer', targetOrgId: qc, name: '高锋', idNumber: idOf(2), phone, workUnitName: '某单位' });
    expect(wrongName.json().message).toContain('姓名与证件号码不一致');
    const bad = await client.post('/api/me/applications', { kind: 'join', targetOrgId: 'x', name: '', idNumber: '123', phone: '12', workUnitName: 'y'.repeat(500) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['targetOrgId', 'name', 'phone', 'workUnitName']));
    const passport = await client.post('/api/me/applications', { kind: 'join', targetOrgId: qc, name: 'Anna Berg', idType: 'passport', idNumber: 'E12345678', phone, workUnitName: '某单位' });
    expect(passport.json().details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['sex', 'birthDate']));
    expect((await client.get('/api/me/applications')).json().items).toEqual([]);
    // Without logging in: nothing.
    expect((await t.client().post('/api/me/applications', { kind: 'join', targetOrgId: qc, name: '高峰', idNumber: idOf(5), phone, workUnitName: '某单位' })).statusCode).toBe(401);
  });
});

describe('applying to transfer', () => {
  it('shows the applicant who is reviewing, takes a return with its reason, a correction, and moves the membership', async () => {
    const { client, phone } = await worker('worker_c', '马丽');
    const m = (await daguanyuan.post(`/api/orgs/${dgy}/members`, { idType: 'resident_id', idNumber: idOf(3), name: '马丽' })).json();
    const r = await client.post('/api/me/applications', { kind: 'transfer', targetOrgId: qc, name: '马丽', idNumber: idOf(3), phone, workUnitName: '旧单位' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().reviewingOrgName).toBe('济南泉城软件有限公司工会');
    const reviewId = r.json().reviewId;
    expect((await quancheng.post(`/api/reviews/${reviewId}/return`, { version: 1, reason: '工作单位填写有误' })).statusCode).toBe(200);
    const back = (await client.get('/api/me/applications')).json().items[0];
    expect(back).toMatchObject({ status: 'returned', returnReason: '工作单位填写有误', reviewingOrgName: null });

    const fixed = await client.post(`/api/me/applications/${back.id}/resubmit`, { payload: { workUnitName: '济南泉城软件有限公司' } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ status: 'pending', workUnitName: '济南泉城软件有限公司', reviewingOrgName: '济南泉城软件有限公司工会' });
    const detail = (await quancheng.get(`/api/reviews/${reviewId}`)).json();
    expect(detail.changes).toContainEqual({ label: '工作单位', before: null, after: '济南泉城软件有限公司' });
    expect((await quancheng.post(`/api/reviews/${reviewId}/approve`, { version: detail.version })).statusCode).toBe(200);

    expect((await daguanyuan.get(`/api/members/${m.id}`)).json().status).toBe('transferred_out');
    const now = (await quancheng.post('/api/members/search', { idNumber: idOf(3) })).json().items;
    expect(now).toMatchObject([{ orgId: qc, status: 'transferred_in' }]);
  });

  it('can be withdrawn by the applicant before anyone acts, and by nobody else', async () => {
    const { client, phone } = await worker('worker_d', '唐宁');
    const r = (await client.post('/api/me/applications', { kind: 'join', targetOrgId: qc, name: '唐宁', idNumber: idOf(4), phone, workUnitName: '某单位' })).json();
    const other = await worker('worker_e', '宋远');
    expect((await other.client.post(`/api/me/applications/${r.id}/withdraw`)).statusCode).toBe(404);
    expect((await quancheng.post(`/api/reviews/${r.reviewId}/withdraw`, { version: 1 })).statusCode).toBe(403);
    const w = await client.post(`/api/me/applications/${r.id}/withdraw`);
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json().status).toBe('withdrawn');
    expect((await quancheng.get(`/api/reviews/${r.reviewId}`)).json().trail.map((x: { action: string; actorName: string }) => [x.action, x.actorName])).toEqual([
      ['submitted', '唐宁'],
      ['withdrawn', '唐宁'],
    ]);
  });
});
