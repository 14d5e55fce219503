import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, STRONG_PASSWORD, type TestClient, type TestContext } from '../../test/harness.js';
import { accounts } from '../accounts/accounts.table.js';
import { registerWorker } from '../member-app/member-app.fixtures.js';
import { JPEG, merchantBody, nextPhone, PNG, putFile, ZIP_AS_PNG } from './benefits-console.fixtures.js';
import { merchants } from './benefits.table.js';

let t: TestContext;
let dgy: TestClient; // operator of 济南大观园商业管理有限公司工会 (a base union in 市中区)
let shizhong: TestClient; // its district federation (above it)
let lixia: TestClient; // another district: outside
let merchantId: string;

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  dgy = await t.as('daguanyuan_admin');
  shizhong = await t.as('shizhong_admin');
  lixia = await t.as('lixia_admin');
  const r = await dgy.post('/api/merchants', merchantBody({ name: '大观园职工之家', phone: '+86 186-6009-2881' }));
  expect(r.statusCode, r.body).toBe(201);
  merchantId = r.json().id;
});
afterAll(async () => t?.close());

const auditActions = async (objectId: string) => (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, objectId))).map((r) => r.action);

describe('merchants (商家管理, seed 001 figs. 22–24)', () => {
  it('keeps every field of figs. 23–24, starts offline, and answers the phone masked', async () => {
    const m = (await dgy.get(`/api/merchants/${merchantId}`)).json();
    expect(m).toMatchObject({
      name: '大观园职工之家',
      contactName: '张',
      phoneMasked: '186****2881',
      landline: '0633-8221234',
      kind: 'union',
      serviceType: 'ordinary',
      tags: ['福利发放', '中秋'],
      address: '日照市东港区海曲中路1号',
      intro: '日照职工之家',
      settledOn: '2020-09-01',
      longitude: 119.52,
      latitude: 35.42,
      status: 'offline',
      licenceImage: null,
      logoImage: null,
      orgName: '济南大观园商业管理有限公司工会',
      version: 1,
    });
    expect(JSON.stringify(m)).not.toContain('18660092881');
  });

  it('stores the phone encrypted with a blind index, never in clear (nor in the audit log)', async () => {
    const [row] = await t.deps.db.select().from(merchants).where(eq(merchants.id, merchantId));
    expect(row.phoneEnc).not.toContain('18660092881');
    expect(t.deps.crypto.decrypt(row.phoneEnc)).toBe('18660092881');
    expect(row.phoneIndex).toBe(t.deps.crypto.blindIndex('phone', '18660092881'));
    const logged = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, merchantId));
    expect(logged.map((r) => r.action)).toContain('merchant.created');
    expect(JSON.stringify(logged)).not.toContain('18660092881');
  });

  it('refuses bad input plainly and stores nothing', async () => {
    const before = (await dgy.get('/api/merchants')).json().total;
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '' }, 'name'],
      [{ name: '商'.repeat(101) }, 'name'],
      [{ phone: '12345' }, 'phone'],
      [{ phone: '' }, 'phone'],
      [{ landline: '18660092881' }, 'landline'],
      [{ kind: 'shop' }, 'kind'],
      [{ longitude: 200 }, 'longitude'],
      [{ latitude: null, longitude: 119 }, 'latitude'],
      [{ tags: Array.from({ length: 11 }, (_, i) => `标签${i}`) }, 'tags'],
      [{ intro: 'a\u0000b' }, 'intro'],
      [{ settledOn: '2020-13-01' }, 'settledOn'],
    ];
    for (const [over, field] of cases) {
      const r = await dgy.post('/api/merchants', merchantBody(over));
      expect(r.statusCode, JSON.stringify(over)).toBe(400);
      expect(r.json().code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(r.json().details)).toContain(field);
    }
    const hostile = await dgy.post('/api/merchants', merchantBody({ name: '<script>alert(1)</script>' }));
    // Stored as text (the console renders text, never HTML); it is data, not markup.
    expect(hostile.statusCode).toBe(201);
    expect(hostile.json().name).toBe('<script>alert(1)</script>');
    expect((await dgy.get('/api/merchants')).json().total).toBe(before + 1);
  });

  it('refuses a second merchant of the same name in one union', async () => {
    const r = await dgy.post('/api/merchants', merchantBody({ name: '大观园职工之家' }));
    expect(r.statusCode).toBe(409);
    expect(r.json()).toMatchObject({ code: 'MERCHANT_NAME_TAKEN', message: '本工会已有同名商家' });
  });

  it('edits with the version seen; a stale version is refused and changes nothing', async () => {
    const ok = await dgy.patch(`/api/merchants/${merchantId}`, { version: 1, intro: '日照职工之家（东港）', phone: '13905310000' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ version: 2, intro: '日照职工之家（东港）', phoneMasked: '139****0000', name: '大观园职工之家' });
    const stale = await dgy.patch(`/api/merchants/${merchantId}`, { version: 1, intro: '旧的' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await dgy.get(`/api/merchants/${merchantId}`)).json().intro).toBe('日照职工之家（东港）');
    expect(await auditActions(merchantId)).toContain('merchant.updated');
  });

  it('goes online and offline (上线/下线), each audited', async () => {
    const v = (await dgy.get(`/api/merchants/${merchantId}`)).json().version;
    const on = await dgy.post(`/api/merchants/${merchantId}/online`, { version: v });
    expect(on.json()).toMatchObject({ status: 'online' });
    const off = await dgy.post(`/api/merchants/${merchantId}/offline`, { version: on.json().version });
    expect(off.json()).toMatchObject({ status: 'offline' });
    expect((await dgy.post(`/api/merchants/${merchantId}/online`, { version: v })).statusCode).toBe(409);
    const back = await dgy.post(`/api/merchants/${merchantId}/online`, { version: off.json().version });
    expect(back.json().status).toBe('online');
    expect(await auditActions(merchantId)).toEqual(expect.arrayContaining(['merchant.online', 'merchant.offline']));
    expect((await dgy.get('/api/merchants?status=online')).json().items.map((m: { id: string }) => m.id)).toContain(merchantId);
  });

  it('the upper union sees and manages its subtree’s merchants', async () => {
    expect((await shizhong.get(`/api/merchants/${merchantId}`)).statusCode).toBe(200);
    expect((await shizhong.get('/api/merchants?q=大观园')).json().items.map((m: { id: string }) => m.id)).toContain(merchantId);
  });
});

describe('licence and logo images (FileVault, magic bytes, size cap)', () => {
  it('stores a PNG logo and a JPEG licence encrypted, and serves them back byte for byte', async () => {
    const logo = await putFile(dgy, `/api/merchants/${merchantId}/images/logo`, PNG);
    expect(logo.statusCode, logo.body).toBe(200);
    expect(logo.json().logoImage).toEqual({ mime: 'image/png', size: PNG.length });
    const licence = await putFile(dgy, `/api/merchants/${merchantId}/images/licence`, JPEG, '执照.jpg', 'image/jpeg');
    expect(licence.json().licenceImage).toEqual({ mime: 'image/jpeg', size: JPEG.length });
    const got = await dgy.get(`/api/merchants/${merchantId}/images/logo`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.rawPayload.equals(PNG)).toBe(true);
    expect((await dgy.get(`/api/merchants/${merchantId}/images/licence`)).rawPayload.equals(JPEG)).toBe(true);
    expect(await auditActions(merchantId)).toContain('merchant.image_uploaded');
  });

  it('refuses a zip named .png, an empty file, a 100 MB upload and a non-multipart body, keeping the old image', async () => {
    const zip = await putFile(dgy, `/api/merchants/${merchantId}/images/logo`, ZIP_AS_PNG, 'logo.png');
    expect(zip.statusCode).toBe(400);
    expect(zip.json()).toMatchObject({ code: 'IMAGE_REJECTED', message: '图片只支持 PNG 或 JPEG 格式，请重新选择' });
    const empty = await putFile(dgy, `/api/merchants/${merchantId}/images/logo`, Buffer.alloc(0));
    expect(empty.json().code).toBe('IMAGE_REJECTED');
    const huge = Buffer.alloc(100 * 1024 * 1024);
    PNG.copy(huge);
    const big = await putFile(dgy, `/api/merchants/${merchantId}/images/logo`, huge);
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'IMAGE_TOO_LARGE', message: '图片不能超过 5 MB' });
    const json = await dgy.request('PUT', `/api/merchants/${merchantId}/images/logo`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('FILE_MISSING');
    const badKind = await putFile(dgy, `/api/merchants/${merchantId}/images/avatar`, PNG);
    expect(badKind.statusCode).toBe(400);
    expect((await dgy.get(`/api/merchants/${merchantId}/images/logo`)).rawPayload.equals(PNG)).toBe(true);
  });
});

describe('merchant staff logins (商家端账号)', () => {
  let phone: string;
  let staffId: string;
  let initialPassword: string;

  it('creates an account from name + phone with a one-time initial password; the phone logs in and must change it first', async () => {
    phone = nextPhone();
    const r = await dgy.post(`/api/merchants/${merchantId}/staff`, { name: '李核销', phone });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.initialPassword).toMatch(/^.{8,}$/);
    expect(body.staff).toMatchObject({ name: '李核销', mustChangePassword: true, revokedAt: null, phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}` });
    staffId = body.staff.id;
    initialPassword = body.initialPassword;
    const [acc] = await t.deps.db.select().from(accounts).where(eq(accounts.id, body.staff.accountId));
    expect(acc.phoneEnc).not.toContain(phone);
    expect(acc.mustChangePassword).toBe(true);
    // The list never shows the password again.
    const list = await dgy.get(`/api/merchants/${merchantId}/staff`);
    expect(list.body).not.toContain(initialPassword);
    expect(list.json().items).toHaveLength(1);

    const app = t.client();
    const login = await app.login(phone, initialPassword);
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().mustChangePassword).toBe(true);
    const early = await app.get('/api/merchant/me');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await app.post('/api/auth/change-password', { currentPassword: initialPassword, newPassword: STRONG_PASSWORD })).statusCode).toBe(200);
    const me = await app.get('/api/merchant/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ staffId, account: { name: '李核销' }, merchant: { id: merchantId, name: '大观园职工之家', orgName: '济南大观园商业管理有限公司工会', hasLogo: true } });
    expect((await dgy.get(`/api/merchants/${merchantId}/staff`)).json().items[0].mustChangePassword).toBe(false);
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, staffId))).map((a) => a.action)).toEqual(['merchant_staff.created']);
  });

  it('refuses the same phone as staff twice (one merchant per account), and bad names or phones', async () => {
    const again = await dgy.post(`/api/merchants/${merchantId}/staff`, { name: '李核销', phone });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('MERCHANT_STAFF_EXISTS');
    const other = (await dgy.post('/api/merchants', merchantBody())).json();
    expect((await dgy.post(`/api/merchants/${other.id}/staff`, { name: '李核销', phone })).json().code).toBe('MERCHANT_STAFF_EXISTS');
    for (const body of [{ name: '', phone: nextPhone() }, { name: '王', phone: '1234' }, { name: '王' }, { name: 'x'.repeat(33), phone: nextPhone() }]) {
      const r = await dgy.post(`/api/merchants/${merchantId}/staff`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('a member who already logs in by phone becomes staff with their own password (no initial one)', async () => {
    const w = await registerWorker(t, '1372');
    const r = await dgy.post(`/api/merchants/${merchantId}/staff`, { name: '会员店员', phone: w.phone });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().initialPassword).toBeNull();
    expect(r.json().staff.mustChangePassword).toBe(false);
    expect((await w.client.get('/api/merchant/me')).json().merchant.id).toBe(merchantId);
  });

  it('revoked staff no longer act for the merchant; a console operator is nobody’s staff', async () => {
    const app = t.client();
    expect((await app.login(phone, STRONG_PASSWORD)).statusCode).toBe(200);
    const revoked = await dgy.request('DELETE', `/api/merchants/${merchantId}/staff/${staffId}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const me = await app.get('/api/merchant/me');
    expect(me.statusCode).toBe(403);
    expect(me.json()).toMatchObject({ code: 'NOT_MERCHANT_STAFF', message: '当前账号不是商家店员，请使用工会为商家开通的手机号登录' });
    expect((await dgy.get('/api/merchant/me')).json().code).toBe('NOT_MERCHANT_STAFF');
    expect((await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, staffId))).map((a) => a.action)).toContain('merchant_staff.revoked');
    // Revoked, the phone may serve a merchant again.
    expect((await dgy.post(`/api/merchants/${merchantId}/staff`, { name: '李核销', phone })).statusCode).toBe(201);
  });
});

describe('scope: outside the subtree every merchant endpoint answers 404 and changes nothing', () => {
  it('another district cannot see, edit, upload to, or add staff to the merchant', async () => {
    const m = (await dgy.get(`/api/merchants/${merchantId}`)).json();
    const staff = (await dgy.get(`/api/merchants/${merchantId}/staff`)).json().items[0];
    const answers = [
      await lixia.get(`/api/merchants/${merchantId}`),
      await lixia.patch(`/api/merchants/${merchantId}`, { version: m.version, name: '被改了' }),
      await lixia.post(`/api/merchants/${merchantId}/online`, { version: m.version }),
      await lixia.post(`/api/merchants/${merchantId}/offline`, { version: m.version }),
      await putFile(lixia, `/api/merchants/${merchantId}/images/logo`, PNG),
      await lixia.get(`/api/merchants/${merchantId}/images/logo`),
      await lixia.get(`/api/merchants/${merchantId}/staff`),
      await lixia.post(`/api/merchants/${merchantId}/staff`, { name: '外人', phone: nextPhone() }),
      await lixia.request('DELETE', `/api/merchants/${merchantId}/staff/${staff.id}`),
      await lixia.get(`/api/merchants/${merchantId}/settlement.xlsx?activityId=${merchantId}`),
    ];
    for (const r of answers) {
      expect(r.statusCode, r.body).toBe(404);
      expect(r.json().code).toBe('NOT_FOUND');
    }
    expect((await lixia.get('/api/merchants')).json().items.map((x: { id: string }) => x.id)).not.toContain(merchantId);
    expect((await dgy.get(`/api/merchants/${merchantId}`)).json()).toMatchObject({ name: m.name, version: m.version, status: m.status });
    expect((await dgy.get(`/api/merchants/${merchantId}/staff`)).json().items.filter((s: { revokedAt: string | null }) => !s.revokedAt)).toHaveLength(2);
  });

  it('a base union does not see its upper union’s merchants, and only operators may call at all', async () => {
    const upper = (await shizhong.post('/api/merchants', merchantBody({ name: '市中区职工之家' }))).json();
    expect((await dgy.get(`/api/merchants/${upper.id}`)).statusCode).toBe(404);
    const audit = await t.as('city_audit');
    expect((await audit.get('/api/merchants')).json().code).toBe('FORBIDDEN');
    expect((await t.client().get('/api/merchants')).statusCode).toBe(401);
  });
});
