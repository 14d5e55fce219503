import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, STRONG_PASSWORD, type TestContext } from '../../test/harness.js';
import { DEMO_PASSWORD } from '../../demo/seed.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('login', () => {
  it('refuses a wrong captcha and spends it', async () => {
    const c = t.client();
    const { captchaId, captchaAnswer } = await c.captcha();
    const r = await c.post('/api/auth/login', { username: 'city_admin', password: DEMO_PASSWORD, captchaId, captchaAnswer: captchaAnswer + 'x' });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('CAPTCHA_INVALID');
    const again = await c.post('/api/auth/login', { username: 'city_admin', password: DEMO_PASSWORD, captchaId, captchaAnswer });
    expect(again.json().code).toBe('CAPTCHA_INVALID');
  });

  it('forces a default password to be changed before anything else', async () => {
    const c = t.client();
    const r = await c.login('shizhong_admin', DEMO_PASSWORD);
    expect(r.statusCode).toBe(200);
    expect(r.json().mustChangePassword).toBe(true);
    const blocked = await c.get('/api/orgs/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await c.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: 'password1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('PASSWORD_WEAK');
    expect(weak.json().details[0].path).toBe('newPassword');
    const withName = await c.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: 'Shizhong_admin#9' });
    expect(withName.json().details[0].message).toContain('用户名');
    const ok = await c.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await c.get('/api/orgs/tree')).statusCode).toBe(200);
  });

  it('locks an account after 5 failures for 15 minutes, then lets it in again', async () => {
    const owner = await t.as('lixia_admin');
    expect((await owner.get('/api/auth/session')).statusCode).toBe(200);
    const c = t.client();
    for (let i = 0; i < 4; i++) expect((await c.login('lixia_admin', 'Wrong#Pass1')).json().code).toBe('INVALID_CREDENTIALS');
    expect((await c.login('lixia_admin', 'Wrong#Pass1')).json().code).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    const locked = await c.login('lixia_admin', STRONG_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toContain('锁定');
    t.clock.advance(15 * 60_000 + 1000);
    expect((await c.login('lixia_admin', STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it('answers the same for an unknown user as for a wrong password', async () => {
    const c = t.client();
    const a = await c.login('no_such_user', 'Whatever#123');
    const b = await c.login('city_admin', 'Whatever#123');
    expect(a.statusCode).toBe(b.statusCode);
    expect(a.json().message).toBe(b.json().message);
  });

  it('rotates the session at login and sets a safe cookie', async () => {
    const c = await t.as('city_admin');
    const first = c.cookie;
    const r = await c.login('city_admin', STRONG_PASSWORD);
    const set = r.cookies.find((k) => k.name === 'gh_sid')!;
    expect(set.httpOnly).toBe(true);
    expect(set.sameSite).toBe('Lax');
    expect(c.cookie).not.toBe(first);
    expect(set.value.length).toBeGreaterThanOrEqual(40);
  });

  it('ends an idle session after 30 minutes and any session after 12 hours', async () => {
    const c = await t.as('city_admin');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await c.get('/api/auth/session');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().code).toBe('SESSION_EXPIRED');

    const d = await t.as('city_admin');
    for (let i = 0; i < 25; i++) {
      t.clock.advance(29 * 60_000);
      await d.get('/api/auth/session');
    }
    const abs = await d.get('/api/auth/session');
    expect(abs.statusCode).toBe(401);
  });

  it('logout kills the session on the server', async () => {
    const c = await t.as('city_admin');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(200);
    c.cookie = cookie;
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF and headers', () => {
  it('refuses a write without the CSRF token or from another origin', async () => {
    const c = await t.as('city_admin');
    const orgId = await t.orgId('济南市总工会');
    const noToken = await c.post(`/api/orgs/${orgId}/children`, { kind: 'district_federation', name: '天桥区总工会' }, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('CSRF_FAILED');
    const evil = await c.post(`/api/orgs/${orgId}/children`, { kind: 'district_federation', name: '天桥区总工会' }, { origin: 'https://evil.example' });
    expect(evil.json().code).toBe('CSRF_FAILED');
    const tree = await c.get(`/api/orgs/tree?parentId=${orgId}`);
    expect(tree.json().map((o: { name: string }) => o.name)).not.toContain('天桥区总工会');
  });

  it('sends security headers and no-store on API data', async () => {
    const r = await t.client().get('/api/auth/captcha');
    expect(r.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['strict-transport-security']).toContain('max-age');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('answers malformed JSON with a Chinese error body', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: '{"username":', headers: { 'content-type': 'application/json' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });
  });

  it('validates bodies with Chinese field messages', async () => {
    const r = await t.client().post('/api/auth/login', { username: '', password: 'x'.repeat(500), captchaId: 'nope', captchaAnswer: '' });
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['username', 'password', 'captchaId', 'captchaAnswer']));
    expect(body.details.find((d: { path: string }) => d.path === 'username').message).toBe('请输入用户名或手机号');
  });
});

describe('registration and SMS password reset', () => {
  it('registers with a phone code, then resets the password by SMS', async () => {
    const c = t.client();
    const phone = '13912345678';
    const send = await c.post('/api/auth/sms-code', { purpose: 'register', phone: '+86 139-1234-5678', ...(await c.captcha()) });
    expect(send.statusCode).toBe(200);
    const code = t.sms.lastCode(phone)!;
    expect(code).toMatch(/^\d{6}$/);
    const bad = await c.post('/api/auth/register', { username: 'zhang_wei', name: '张伟', phone, smsCode: code === '000000' ? '111111' : '000000', password: 'Zw#registered1' });
    expect(bad.json().code).toBe('SMS_CODE_INVALID');
    const reg = await c.post('/api/auth/register', { username: 'zhang_wei', name: '张伟', phone, smsCode: code, password: 'Zw#registered1' });
    expect(reg.statusCode).toBe(201);
    expect(reg.json().account.phoneMasked).toBe('139****5678');
    expect(reg.json().activePost).toBeNull();
    expect((await c.get('/api/orgs/tree')).json().code).toBe('NO_POST');
    // The code is single-use.
    const reuse = await t.client().post('/api/auth/register', { username: 'zhang_wei2', name: '张伟', phone, smsCode: code, password: 'Zw#registered1' });
    expect(reuse.json().code).toBe('SMS_CODE_INVALID');

    // A minute later a reset code may be sent; a wrong phone gets the same answer but no SMS.
    t.clock.advance(61_000);
    const before = t.sms.inbox.length;
    const wrong = await c.post('/api/auth/sms-code', { purpose: 'reset_password', username: 'zhang_wei', phone: '13800000000', ...(await c.captcha()) });
    expect(wrong.statusCode).toBe(200);
    expect(t.sms.inbox.length).toBe(before);
    await c.post('/api/auth/sms-code', { purpose: 'reset_password', username: 'zhang_wei', phone, ...(await c.captcha()) });
    const resetCode = t.sms.lastCode(phone)!;
    const reset = await c.post('/api/auth/reset-password', { username: 'zhang_wei', phone, smsCode: resetCode, newPassword: 'Zw#newpass2026' });
    expect(reset.statusCode).toBe(200);
    expect((await t.client().login('zhang_wei', 'Zw#registered1')).statusCode).toBe(401);
    expect((await t.client().login('zhang_wei', 'Zw#newpass2026')).statusCode).toBe(200);
  });

  it('limits SMS to one a minute per phone', async () => {
    const c = t.client();
    await c.post('/api/auth/sms-code', { purpose: 'register', phone: '13711112222', ...(await c.captcha()) });
    const again = await c.post('/api/auth/sms-code', { purpose: 'register', phone: '13711112222', ...(await c.captcha()) });
    expect(again.statusCode).toBe(429);
    expect(again.json().code).toBe('SMS_TOO_FREQUENT');
  });

  it('refuses a taken username, a bad phone and a weak password, writing nothing', async () => {
    const c = t.client();
    const taken = await c.post('/api/auth/register', { username: 'CITY_ADMIN', name: '某人', phone: '13600001111', smsCode: '123456', password: 'Ok#password99' });
    expect(taken.json().code).toBe('USERNAME_TAKEN');
    const phone = await c.post('/api/auth/register', { username: 'someone', name: '某人', phone: '12345', smsCode: '123456', password: 'Ok#password99' });
    expect(phone.json().details[0].path).toBe('phone');
    const weak = await c.post('/api/auth/register', { username: 'someone', name: '某人', phone: '13600001111', smsCode: '123456', password: '12345678' });
    expect(weak.json().code).toBe('PASSWORD_WEAK');
    const hostile = await c.post('/api/auth/register', { username: "x'; drop table accounts;--", name: '<script>', phone: '13600001111', smsCode: '123456', password: 'Ok#password99' });
    expect(hostile.json().code).toBe('VALIDATION_FAILED');
    expect((await t.client().login('city_admin', STRONG_PASSWORD)).statusCode).toBe(200);
  });
});
