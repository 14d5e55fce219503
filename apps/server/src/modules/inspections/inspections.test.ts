import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';

let t: TestContext;
let city: TestClient;
let lixia: TestClient;
let quancheng: TestClient;
let inspectionId: string;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  city = await t.as('city_admin');
  lixia = await t.as('lixia_admin');
  quancheng = await t.as('quancheng_admin');
});
afterAll(async () => t?.close());

it('only the city federation opens a campaign, once a year per kind, with a deadline not in the past', async () => {
  expect((await lixia.post('/api/inspections', { year: 2026, kind: 'org', deadline: '2026-12-31' })).json().message).toBe('年检由市总工会统一开启');
  expect((await city.post('/api/inspections', { year: 2026, kind: 'org', deadline: '2001-01-01' })).json().details[0]).toMatchObject({
    path: 'deadline',
    message: '截止日期不能早于今天',
  });
  const r = await city.post('/api/inspections', { year: 2026, kind: 'org', deadline: '2099-12-31' });
  expect(r.statusCode).toBe(201);
  inspectionId = r.json().id;
  expect((await city.post('/api/inspections', { year: 2026, kind: 'org', deadline: '2099-12-31' })).json().code).toBe('INSPECTION_EXISTS');
  expect((await city.post('/api/inspections', { year: 2026, kind: 'member', deadline: '2099-12-31' })).statusCode).toBe(201);
});

it('a base union sees the campaign and confirms that its data is current, once', async () => {
  const mine = (await quancheng.get('/api/inspections')).json().find((i: { id: string }) => i.id === inspectionId);
  expect(mine.mine).toEqual({ applicable: true, confirmedAt: null, remindedAt: null });
  const first = (await quancheng.post(`/api/inspections/${inspectionId}/confirm`)).json();
  expect(first.mine.confirmedAt).not.toBeNull();
  const again = (await quancheng.post(`/api/inspections/${inspectionId}/confirm`)).json();
  expect(again.mine.confirmedAt).toBe(first.mine.confirmedAt);
  expect((await lixia.post(`/api/inspections/${inspectionId}/confirm`)).json().code).toBe('INSPECTION_NOT_APPLICABLE');
});

it('shows upper unions, per child organisation, who has confirmed, and reminds the rest', async () => {
  const district = (await lixia.get(`/api/inspections/${inspectionId}/progress`)).json();
  expect(district.parentName).toBe('历下区总工会');
  const byName = Object.fromEntries(district.rows.map((r: { orgName: string; baseUnions: number; confirmed: number }) => [r.orgName, [r.confirmed, r.baseUnions]]));
  expect(byName).toEqual({ 大明湖街道总工会: [0, 2], 泉城路街道总工会: [1, 3] });
  expect(district.totals).toEqual({ baseUnions: 5, confirmed: 1 });

  const street = (await lixia.get(`/api/inspections/${inspectionId}/progress?parentId=${await t.orgId('泉城路街道总工会')}`)).json();
  const confirmedRow = street.rows.find((r: { orgName: string }) => r.orgName === '济南泉城软件有限公司工会');
  expect(confirmedRow.confirmedAt).not.toBeNull();

  const reminded = (await lixia.post(`/api/inspections/${inspectionId}/remind`, {})).json();
  expect(reminded).toEqual({ reminded: 4 });
  const after = (await lixia.get(`/api/inspections/${inspectionId}/progress?parentId=${await t.orgId('泉城路街道总工会')}`)).json();
  expect(after.rows.find((r: { orgName: string }) => r.orgName === '济南明湖餐饮管理有限公司工会').lastRemindedAt).not.toBeNull();
  expect(after.rows.find((r: { orgName: string }) => r.orgName === '济南泉城软件有限公司工会').lastRemindedAt).toBeNull();

  const city2 = (await city.get(`/api/inspections/${inspectionId}/progress`)).json();
  expect(city2.totals.baseUnions).toBeGreaterThan(district.totals.baseUnions);
  // Scope: a district cannot look at or remind another district's unions.
  const shizhong = await t.orgId('市中区总工会');
  expect((await lixia.get(`/api/inspections/${inspectionId}/progress?parentId=${shizhong}`)).statusCode).toBe(404);
  expect((await lixia.post(`/api/inspections/${inspectionId}/remind`, { orgId: shizhong })).statusCode).toBe(404);
});
