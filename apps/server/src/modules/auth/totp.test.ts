import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/seed.js';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, STRONG_PASSWORD, type TestClient, type TestContext } from '../../test/harness.js';
import { accounts } from '../accounts/accounts.table.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
});
afterAll(async () => t?.close());

const codeAt = (secret: string, ms: number) => new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: ms });
const now = () => t.deps.now().getTime();

async function loginWith(username: string, totpCode?: string) {
  const c = t.client();
  return { c, r: await c.post('/api/auth/login', { username, password: STRONG_PASSWORD, ...(totpCode !== undefined ? { totpCode } : {}), ...(await c.captcha()) }) };
}

describe('second factor for platform operators', () => {
  let secret: string;
  let admin: TestClient;

  it('makes a city federation operator enrol before doing anything else', async () => {
    admin = t.client();
    expect((await admin.login('city_admin', DEMO_PASSWORD)).statusCode).toBe(200);
    const changed = await admin.post('/api/auth/change-password', { currentPassword: DEMO_PASSWORD, newPassword: STRONG_PASSWORD });
    expect(changed.json()).toMatchObject({ totpRequired: true, totpEnabled: false });
    const blocked = await admin.get('/api/orgs/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'TOTP_SETUP_REQUIRED', message: '请先绑定身份验证器（双因素认证）' });

    const setup = (await admin.post('/api/me/totp/setup')).json();
    secret = setup.secret;
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    expect(decodeURIComponent(setup.otpauthUri)).toContain('issuer=工会网上工作平台');
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    // Stored encrypted, not in clear.
    const [row] = await t.deps.db.select().from(accounts).where(eq(accounts.username, 'city_admin'));
    expect(row.totpPendingEnc).not.toContain(secret);
    expect(t.deps.crypto.decrypt(row.totpPendingEnc!)).toBe(secret);

    const wrong = await admin.post('/api/me/totp/enable', { code: codeAt(secret, now() - 10 * 60_000) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'TOTP_CODE_WRONG', details: [{ path: 'code' }] });
    expect((await admin.get('/api/orgs/tree')).statusCode).toBe(403);
    const ok = await admin.post('/api/me/totp/enable', { code: codeAt(secret, now()) });
    expect(ok.json()).toMatchObject({ totpEnabled: true });
    expect((await admin.get('/api/orgs/tree')).statusCode).toBe(200);
    // A working factor is not replaced from a session alone.
    const again = await admin.post('/api/me/totp/setup');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TOTP_ALREADY_ENABLED');
    const audit = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'auth.totp_enabled'));
    expect(audit).toHaveLength(1);
  });

  it('asks for the code after the password, refuses wrong and replayed codes, and counts them as failures', async () => {
    t.clock.advance(30_000);
    const none = await loginWith('city_admin');
    expect(none.r.statusCode).toBe(401);
    expect(none.r.json()).toMatchObject({ code: 'TOTP_REQUIRED', details: [{ path: 'totpCode' }] });
    expect(none.c.cookie).toBeNull();

    const code = codeAt(secret, now());
    expect((await loginWith('city_admin', code)).r.statusCode).toBe(200);
    const replay = await loginWith('city_admin', code);
    expect(replay.r.json().code).toBe('TOTP_INVALID');

    const [before] = await t.deps.db.select().from(accounts).where(eq(accounts.username, 'city_admin'));
    expect(before.failedLogins).toBe(1);
    for (let i = 0; i < 3; i++) expect((await loginWith('city_admin', '000000')).r.json().code).toMatch(/TOTP_INVALID/);
    expect((await loginWith('city_admin', '000000')).r.json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(15 * 60_000 + 1000);
    expect((await loginWith('city_admin', codeAt(secret, now()))).r.statusCode).toBe(200);
  });

  it('will not let a platform operator switch the second factor off', async () => {
    t.clock.advance(30_000);
    const { c } = await loginWith('city_admin', codeAt(secret, now()));
    t.clock.advance(30_000);
    const r = await c.post('/api/me/totp/disable', { currentPassword: STRONG_PASSWORD, code: codeAt(secret, now()) });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('TOTP_REQUIRED_FOR_ROLE');
  });
});

describe('second factor for other admins', () => {
  it('is optional: enrol, log in with it, switch it off with password and code', async () => {
    const lixia = await t.as('lixia_admin');
    const info = (await lixia.get('/api/auth/session')).json();
    expect(info).toMatchObject({ totpRequired: false, totpEnabled: false });
    const { secret } = (await lixia.post('/api/me/totp/setup')).json();
    expect((await lixia.post('/api/me/totp/enable', { code: codeAt(secret, now()) })).json().totpEnabled).toBe(true);
    t.clock.advance(30_000);
    expect((await loginWith('lixia_admin')).r.json().code).toBe('TOTP_REQUIRED');
    expect((await loginWith('lixia_admin', codeAt(secret, now()))).r.statusCode).toBe(200);

    t.clock.advance(30_000);
    const badPw = await lixia.post('/api/me/totp/disable', { currentPassword: 'Wrong#Pass123', code: codeAt(secret, now()) });
    expect(badPw.json().code).toBe('PASSWORD_WRONG');
    const off = await lixia.post('/api/me/totp/disable', { currentPassword: STRONG_PASSWORD, code: codeAt(secret, now()) });
    expect(off.json().totpEnabled).toBe(false);
    expect((await loginWith('lixia_admin')).r.statusCode).toBe(200);
  });

  it('is cleared when the upper organisation resets the password, so a lost phone is not a lost account', async () => {
    const shizhong = await t.as('shizhong_admin');
    const { secret } = (await shizhong.post('/api/me/totp/setup')).json();
    expect((await shizhong.post('/api/me/totp/enable', { code: codeAt(secret, now()) })).json().totpEnabled).toBe(true);
    const [acc] = await t.deps.db.select().from(accounts).where(eq(accounts.username, 'shizhong_admin'));
    const security = await t.as('city_security');
    const { temporaryPassword } = (await security.post(`/api/accounts/${acc.id}/reset-password`)).json();
    const c = t.client();
    const r = await c.post('/api/auth/login', { username: 'shizhong_admin', password: temporaryPassword, ...(await c.captcha()) });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ mustChangePassword: true, totpEnabled: false });
  });

  it('validates the code format with a Chinese message', async () => {
    const lixia = await t.as('lixia_admin');
    const r = await lixia.post('/api/me/totp/enable', { code: '12ab' });
    expect(r.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'code', message: '动态验证码为6位数字' }] });
  });
});
