import { chinaToday } from '@gonghui/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { CARD_TOKEN_TTL_MS } from './card-token.js';
import { addMember, idOf, registerWorker, reviewInTodo, verifiedWorker, WORKER_PASSWORD } from './member-app.fixtures.js';
import { memberConsents, memberVerifications, verificationAttempts } from './member-app.table.js';

let t: TestContext;
let quancheng: TestClient;
let daguanyuan: TestClient;
const QC = '济南泉城软件有限公司工会';

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [quancheng, daguanyuan] = await Promise.all(['quancheng_admin', 'daguanyuan_admin'].map((u) => t.as(u)));
});
afterAll(async () => t?.close());

describe('registering and logging in by phone', () => {
  it('registers with phone, code, password and region only, and logs in by phone with a persistent cookie', async () => {
    const { phone, username } = await registerWorker(t);
    expect(username).toMatch(/^gh\d{11}$/);
    const c = t.client();
    const r = await c.login(phone, WORKER_PASSWORD);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().account).toMatchObject({ username, name: '会员', region: '历下区', phoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}` });
    // Survives a browser restart, but no longer than the session's absolute lifetime.
    expect(r.cookies.find((x) => x.name === 'gh_sid')).toMatchObject({ maxAge: 12 * 3600, httpOnly: true, sameSite: 'Lax' });
    expect((await t.client().login(`+86 ${phone}`, WORKER_PASSWORD)).statusCode).toBe(200);
  });

  it('locks the account after five wrong passwords by phone, for username logins too', async () => {
    const { phone, username } = await registerWorker(t);
    for (let i = 0; i < 4; i++) expect((await t.client().login(phone, 'Wrong#pass2026')).json().code).toBe('INVALID_CREDENTIALS');
    expect((await t.client().login(phone, 'Wrong#pass2026')).json().code).toBe('ACCOUNT_LOCKED');
    expect((await t.client().login(phone, WORKER_PASSWORD)).json().code).toBe('ACCOUNT_LOCKED');
    expect((await t.client().login(username, WORKER_PASSWORD)).json().code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(15 * 60_000 + 1000);
    expect((await t.client().login(phone, WORKER_PASSWORD)).statusCode).toBe(200);
    // An unknown phone gets the same answer as a wrong password, and the log keeps it masked.
    expect((await t.client().login('13999999999', WORKER_PASSWORD)).json().code).toBe('INVALID_CREDENTIALS');
  });

  it('refuses a phone already registered (after its code proves the caller holds it), a phone as username, a region not in Jinan', async () => {
    const { phone } = await registerWorker(t);
    const c = t.client();
    t.clock.advance(61_000);
    await c.post('/api/auth/sms-code', { purpose: 'register', phone, ...(await c.captcha()) });
    const again = await c.post('/api/auth/register', { phone, smsCode: t.sms.lastCode(phone), password: WORKER_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'PHONE_TAKEN', message: expect.stringContaining('请直接用手机号登录') });
    const asUsername = await c.post('/api/auth/register', { username: '13700000000', phone: '13700000001', smsCode: '123456', password: WORKER_PASSWORD });
    expect(asUsername.json().details[0]).toEqual({ path: 'username', message: '用户名不能是手机号' });
    const region = await c.post('/api/auth/register', { phone: '13700000001', smsCode: '123456', password: WORKER_PASSWORD, region: '朝阳区' });
    expect(region.statusCode).toBe(400);
    expect(region.json().details[0]).toEqual({ path: 'region', message: '请选择所在地区' });
  });
});

describe('real-name verification', () => {
  it('answers no match in Chinese with how to be added, storing only the attempt', async () => {
    const { client } = await registerWorker(t);
    await addMember(t, quancheng, QC, '周晓', idOf(1));
    for (const body of [
      { name: '周晓', idNumber: idOf(2), agreed: true }, // a document nobody has
      { name: '周小', idNumber: idOf(1), agreed: true }, // the right document, another name
    ]) {
      const r = await client.post('/api/me/verification', body);
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'VERIFICATION_NO_MATCH', message: expect.stringContaining('请联系您所在单位的工会') });
    }
    expect((await client.get('/api/me/verification')).json()).toMatchObject({ status: 'none', id: null });
    const acc = (await client.get('/api/auth/session')).json().account.id;
    expect(await t.deps.db.select().from(memberVerifications).where(eq(memberVerifications.accountId, acc))).toEqual([]);
    expect(await t.deps.db.select().from(memberConsents).where(eq(memberConsents.accountId, acc))).toEqual([]);
    expect(await t.deps.db.select().from(verificationAttempts).where(eq(verificationAttempts.accountId, acc))).toHaveLength(2);
  });

  it('goes pending at the base union, shows in its inbox only, and once approved gives a card that verifies and then expires', async () => {
    const { client } = await registerWorker(t);
    const member = await addMember(t, quancheng, QC, '陈静', idOf(3));
    const r = await client.post('/api/me/verification', { name: '陈静', idType: 'resident_id', idNumber: idOf(3), agreed: true });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ status: 'pending', name: '陈静', orgName: QC, reviewingOrgName: QC, idNumberMasked: `${idOf(3).slice(0, 4)}**********${idOf(3).slice(-4)}` });
    expect(r.body).not.toContain(idOf(3));
    expect((await client.get('/api/me/card')).json().code).toBe('CARD_UNAVAILABLE');
    expect((await client.post('/api/me/verification', { name: '陈静', idNumber: idOf(3), agreed: true })).json().code).toBe('VERIFICATION_EXISTS');

    const counts = (await quancheng.get('/api/reviews/counts')).json();
    expect(counts.todo).toBeGreaterThanOrEqual(1);
    const review = await reviewInTodo(quancheng, 'member_verification', r.json().id);
    expect(review).toMatchObject({ submitterOrgName: '个人申请', title: expect.stringContaining('陈静') });
    expect(review!.title).not.toContain(idOf(3));
    // Another district's union neither sees nor decides it; the verification's member is out of its reach too.
    expect((await daguanyuan.get(`/api/reviews/${review!.id}`)).statusCode).toBe(404);
    expect((await daguanyuan.post(`/api/reviews/${review!.id}/approve`, { version: 1 })).statusCode).toBe(404);
    expect((await daguanyuan.get(`/api/members/${member.id}/verification`)).statusCode).toBe(404);
    expect((await quancheng.get(`/api/members/${member.id}/verification`)).json().status).toBe('pending');

    expect((await quancheng.post(`/api/reviews/${review!.id}/approve`, { version: 1 })).statusCode).toBe(200);
    expect((await client.get('/api/me/verification')).json()).toMatchObject({ status: 'approved', reviewingOrgName: null });
    expect((await client.get('/api/auth/session')).json().account.name).toBe('陈静');

    const card = await client.get('/api/me/card');
    expect(card.statusCode, card.body).toBe(200);
    expect(card.json()).toMatchObject({ name: '陈静', orgName: QC, memberNo: member.memberNo, status: 'joined' });
    expect(card.body).not.toContain(idOf(3));
    // The lifetime is told in the server's own times, so a phone with a wrong clock still counts down right.
    expect(new Date(card.json().expiresAt).getTime() - new Date(card.json().issuedAt).getTime()).toBe(2 * 60_000);
    const { token } = card.json();
    // The token is sealed (platform/short-lived-token.ts): neither the document number nor any ID is readable in it.
    expect(Buffer.from(token, 'base64url').toString('latin1')).not.toMatch(/\d{17}|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect((await client.get('/api/me/card')).json().token).not.toBe(token);

    const scanner = t.client();
    expect((await scanner.post('/api/cards/verify', { token })).json()).toEqual({ result: 'valid', message: '有效会员（入会）', member: { nameMasked: '陈*', orgName: QC, status: 'joined' } });
    // Any altered byte (in the sealed expiry, the IV or the tag), a cut token or garbage is invalid.
    const raw = Buffer.from(token, 'base64url');
    const flipped = (i: number) => Buffer.from(raw.map((b, j) => (j === i ? b ^ 1 : b))).toString('base64url');
    for (const bad of [flipped(20), flipped(0), flipped(raw.length - 1), token.slice(0, -4), 'garbage']) {
      expect((await scanner.post('/api/cards/verify', { token: bad })).json()).toMatchObject({ result: 'invalid', member: null });
    }
    t.clock.advance(CARD_TOKEN_TTL_MS + 1000);
    expect((await scanner.post('/api/cards/verify', { token })).json()).toMatchObject({ result: 'expired', member: null });

    // The consent given at verification is listed with whom and when.
    const consents = (await client.get('/api/me/consents')).json().items;
    expect(consents).toEqual([{ recipient: 'base_union', recipientName: QC, scope: expect.stringContaining('姓名'), version: '2026-11', consentedAt: expect.any(String), withdrawnAt: null }]);
  });

  it('returns with a reason the member sees, and the member may try again', async () => {
    const { client } = await registerWorker(t);
    await addMember(t, quancheng, QC, '吴敏', idOf(4));
    const v = (await client.post('/api/me/verification', { name: '吴敏', idNumber: idOf(4), agreed: true })).json();
    const review = await reviewInTodo(quancheng, 'member_verification', v.id);
    expect((await quancheng.post(`/api/reviews/${review!.id}/return`, { version: 1, reason: '本单位无此职工，请核实' })).statusCode).toBe(200);
    expect((await client.get('/api/me/verification')).json()).toMatchObject({ status: 'returned', reason: '本单位无此职工，请核实', reviewingOrgName: null });
    expect((await client.get('/api/me/card')).statusCode).toBe(409);
    const again = await client.post('/api/me/verification', { name: '吴敏', idNumber: idOf(4), agreed: true });
    expect(again.statusCode).toBe(201);
    // The member may take a pending one back.
    expect((await client.post('/api/me/verification/withdraw')).json().status).toBe('withdrawn');
  });

  it('refuses a second account claiming a verified person, and the union can release the first', async () => {
    const first = await verifiedWorker(t, quancheng, QC, '郑洁', 5);
    const { client: other } = await registerWorker(t);
    const r = await other.post('/api/me/verification', { name: '郑洁', idNumber: idOf(5), agreed: true });
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'VERIFICATION_TAKEN', message: expect.stringContaining(`请联系「${QC}」`) });
    // Out of scope: another district cannot revoke it.
    expect((await daguanyuan.post(`/api/members/${first.member.id}/verification/revoke`, { reason: '冒认' })).statusCode).toBe(404);
    const token = (await first.client.get('/api/me/card')).json().token;
    const revoked = await quancheng.post(`/api/members/${first.member.id}/verification/revoke`, { reason: '本人反映账号被他人冒认' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await first.client.get('/api/me/verification')).json()).toMatchObject({ status: 'revoked', reason: '本人反映账号被他人冒认' });
    expect((await first.client.get('/api/me/card')).json().code).toBe('CARD_UNAVAILABLE');
    expect((await t.client().post('/api/cards/verify', { token })).json()).toMatchObject({ result: 'invalid', message: expect.stringContaining('认证已解除') });
    expect((await other.post('/api/me/verification', { name: '郑洁', idNumber: idOf(5), agreed: true })).statusCode).toBe(201);
  });

  it('gives no card once the membership is transferred out', async () => {
    const w = await verifiedWorker(t, quancheng, QC, '钱程', 6);
    const token = (await w.client.get('/api/me/card')).json().token;
    const out = await quancheng.post(`/api/members/${w.member.id}/status`, { status: 'transferred_out', on: chinaToday(t.deps.now()), reason: '离职', version: w.member.version });
    expect(out.statusCode, out.body).toBe(200);
    expect((await w.client.get('/api/me/card')).json()).toMatchObject({ code: 'CARD_UNAVAILABLE', message: expect.stringContaining('没有有效会籍') });
    expect((await t.client().post('/api/cards/verify', { token })).json().result).toBe('invalid');
  });

  it('limits failed attempts to five a day', async () => {
    const { client } = await registerWorker(t);
    for (let i = 0; i < 5; i++) expect((await client.post('/api/me/verification', { name: '无此人', idNumber: idOf(40 + i), agreed: true })).statusCode).toBe(404);
    expect((await client.post('/api/me/verification', { name: '无此人', idNumber: idOf(50), agreed: true })).json().code).toBe('VERIFICATION_TOO_MANY');
  });

  it('answers hostile and huge input with 400 in Chinese and writes nothing', async () => {
    const { client } = await registerWorker(t);
    const before = await t.deps.db.select().from(verificationAttempts);
    const cases: [unknown, string][] = [
      [{ name: '张三', idNumber: idOf(7) }, 'agreed'],
      [{ name: '张三', idNumber: idOf(7), agreed: false }, 'agreed'],
      [{ name: 'x'.repeat(10_000), idNumber: idOf(7), agreed: true }, 'name'],
      [{ name: '张\u0000三', idNumber: idOf(7), agreed: true }, 'name'],
      [{ name: '张三', idNumber: "1' or '1'='1", agreed: true }, 'idNumber'],
      [{ name: '张三', idNumber: '1'.repeat(100_000), agreed: true }, 'idNumber'],
      [{ name: '张三', idType: 'bank_card', idNumber: idOf(7), agreed: true }, 'idType'],
      [{ name: '张三', idNumber: '110105198807100309', agreed: true }, 'idNumber'],
    ];
    for (const [body, path] of cases) {
      const r = await client.post('/api/me/verification', body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      const issue = r.json().details.find((d: { path: string }) => d.path === path);
      expect(issue?.message, `${path}: ${r.body.slice(0, 200)}`).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect((await t.client().post('/api/cards/verify', { token: 'x'.repeat(5000) })).statusCode).toBe(400);
    expect(await t.deps.db.select().from(verificationAttempts)).toHaveLength(before.length);
    expect((await client.get('/api/me/verification')).json().status).toBe('none');
    // Without logging in: nothing.
    expect((await t.client().post('/api/me/verification', { name: '张三', idNumber: idOf(7), agreed: true })).statusCode).toBe(401);
  });
});
