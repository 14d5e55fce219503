import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { createTestContext, type TestClient, type TestContext } from './harness.js';

/** Races the platform must win: on PostgreSQL these requests really run on separate connections. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
});
afterAll(async () => t?.close());

async function newAccount(i: number): Promise<TestClient> {
  const c = t.client();
  const phone = `1370000${String(1000 + i)}`;
  await c.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await c.captcha()) });
  const r = await c.post('/api/auth/register', { username: `racer_${i}`, name: `抢码人${i}`, phone, smsCode: t.sms.lastCode(phone), password: 'Race#Condition9' });
  expect(r.statusCode).toBe(201);
  return c;
}

it('spends an activation code exactly once when eight people bind it at the same moment', async () => {
  const admin = await t.as('lixia_admin');
  const base = await t.orgId('济南明湖餐饮管理有限公司工会');
  const { code } = (await admin.post(`/api/orgs/${base}/activation-codes`, { role: 'operator' })).json();
  const racers = await Promise.all(Array.from({ length: 8 }, (_, i) => newAccount(i)));
  const results = await Promise.all(racers.map((c) => c.post('/api/me/posts/bind', { code })));
  expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
  expect(results.filter((r) => r.json().code === 'ACTIVATION_CODE_INVALID')).toHaveLength(7);
  const posts = (await admin.get(`/api/orgs/${base}/posts`)).json();
  expect(posts.filter((p: { username: string }) => p.username.startsWith('racer_'))).toHaveLength(1);
});

it('lets exactly one of five simultaneous edits of the same version through', async () => {
  const admin = await t.as('lixia_admin');
  const id = await t.orgId('济南大明湖物业服务有限公司工会');
  const { version } = (await admin.get(`/api/orgs/${id}`)).json();
  const results = await Promise.all(
    ['甲', '乙', '丙', '丁', '戊'].map((n) => admin.patch(`/api/orgs/${id}`, { version, chairName: `负责人${n}` })),
  );
  const won = results.filter((r) => r.statusCode === 200);
  expect(won).toHaveLength(1);
  expect(results.filter((r) => r.statusCode === 409)).toHaveLength(4);
  const after = (await admin.get(`/api/orgs/${id}`)).json();
  expect(after).toMatchObject({ version: version + 1, chairName: won[0].json().chairName });
});

it('keeps the audit chain whole under concurrent writers', async () => {
  const admin = await t.as('lixia_admin');
  const street = await t.orgId('大明湖街道总工会');
  const created = await Promise.all(
    Array.from({ length: 10 }, (_, i) => admin.post(`/api/orgs/${street}/children`, { kind: 'base_union', name: `济南并发测试${i}号有限公司工会` })),
  );
  expect(created.every((r) => r.statusCode === 201)).toBe(true);
  const verdict = await verifyAuditChain(t.deps.db, t.deps.config.keys.auditKey);
  expect(verdict).toMatchObject({ ok: true, brokenAtSeq: null });
  expect(verdict.checked).toBeGreaterThan(20);
});
