import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, STRONG_PASSWORD, type TestContext } from './harness.js';

/** SECURITY.md: nothing sensitive in logs. Every request of a busy session is logged; we read it all. */
let t: TestContext;
let logs = '';
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (d) => (logs += d.toString()));
  t = await createTestContext({ logLevel: 'debug', logStream: stream });
});
afterAll(async () => t?.close());

it('keeps phones, passwords, codes, tokens and cookies out of the logs', async () => {
  const phone = '13866667777';
  const c = t.client();
  await c.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await c.captcha()) });
  const smsCode = t.sms.lastCode(phone)!;
  await c.post('/api/auth/register', { username: 'log_probe', name: '日志探针', phone, smsCode, password: 'Probe#Secret2026' });
  const admin = await t.as('lixia_admin');
  const base = await t.orgId('济南泉城软件有限公司工会');
  const issued = (await admin.post(`/api/orgs/${base}/activation-codes`, { role: 'operator' })).json();
  await c.post('/api/me/posts/bind', { code: issued.code });
  await c.get('/api/orgs/tree');
  // A member with a document number, found by it through the URL and through the body.
  const idNumber = '11010519491231002X';
  const quancheng = await t.as('quancheng_admin');
  expect((await quancheng.post(`/api/orgs/${base}/members`, { idType: 'resident_id', idNumber, name: '日志会员', phone: '13955554444' })).statusCode).toBe(201);
  expect((await quancheng.get(`/api/members?idNumber=${idNumber}&phone=13955554444`)).json().total).toBe(1);
  expect((await quancheng.post('/api/members/search', { idNumber })).json().total).toBe(1);
  await t.client().post('/api/auth/login', { username: 'log_probe', password: 'wrong', captchaId: '00000000-0000-4000-8000-000000000000', captchaAnswer: 'x' });
  await new Promise((r) => setTimeout(r, 50));

  expect(logs.length).toBeGreaterThan(1000); // the requests really were logged
  for (const secret of [phone, 'Probe#Secret2026', STRONG_PASSWORD, smsCode, issued.code, admin.csrf!, admin.cookie!.split('=')[1]]) {
    expect(logs, `log leaks ${secret.slice(0, 3)}…`).not.toContain(secret);
  }
  expect(logs).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  expect(logs).not.toMatch(/\d{17}[\dXx]/);
});
