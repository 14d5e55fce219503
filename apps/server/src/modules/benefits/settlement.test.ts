import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';
import { activityBody, DAY, enabledCoupon, HOUR, onlineMerchant } from './benefits-console.fixtures.js';
import { insertStaff, insertVerifiedMembers, type BulkMember } from './benefits.fixtures.js';
import { activityPrizes } from './benefits.table.js';
import { DETAIL_HEADERS, RECONCILIATION_HEADERS } from './settlement.workbook.js';
import { expireDueCoupons } from './expiry.service.js';
import { insertECoupons, redeemHeld } from './settlement.fixtures.js';

let t: TestContext;
let dgy: TestClient;
let lixia: TestClient;
let activityId: string;
let merchantA: { id: string; name: string };
let merchantB: { id: string; name: string };
let members: BulkMember[];
const now = () => t.deps.now().getTime();

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow({ includeEmpty: true }, (row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  return { detail: rows('核销明细'), recon: rows('对账汇总') };
}

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  dgy = await t.as('daguanyuan_admin');
  lixia = await t.as('lixia_admin');
  const shizhong = await t.as('shizhong_admin');
  merchantA = await onlineMerchant(dgy, { name: '大观园职工之家' });
  // A name a spreadsheet would run as a formula: the export must neutralise it.
  merchantB = await onlineMerchant(dgy, { name: '=1+1 月饼店' });
  const coupon = await enabledCoupon(dgy, now(), { quantity: 20, faceValueFen: 5050, validFrom: new Date(now() + HOUR).toISOString(), validTo: new Date(now() + 3 * DAY).toISOString() }, merchantA.id);
  await dgy.post(`/api/coupons/${coupon.id}/authorisations`, { merchantId: merchantB.id });
  const a = (await dgy.post('/api/activities', activityBody(now(), [{ couponId: coupon.id, quantity: 10 }], { endsAt: new Date(now() + 2 * DAY).toISOString() }))).json();
  activityId = a.id;
  const s = (await dgy.post(`/api/activities/${a.id}/submit`, { version: a.version })).json();
  expect((await shizhong.post(`/api/reviews/${s.reviewId}/approve`, { version: 1 })).statusCode).toBe(200);
  // Six members claim; A redeems three, B (authorised) one; two are never redeemed.
  members = await insertVerifiedMembers(t.deps.db, t.deps.crypto, await t.orgId('济南大观园商业管理有限公司工会'), 6);
  const [prize] = await t.deps.db.select().from(activityPrizes).where(eq(activityPrizes.activityId, a.id));
  const claimedAt = new Date(now() + 2 * HOUR);
  const held = await insertECoupons(t.deps.db, { activityId, prizeId: prize.id, couponId: coupon.id, members, validFrom: new Date(now() + HOUR), validTo: new Date(now() + 3 * DAY), faceValueFen: 5050, claimedAt });
  const staffA = await insertStaff(t.deps.db, merchantA.id, '王核销');
  const staffB = await insertStaff(t.deps.db, merchantB.id, '赵核销');
  await redeemHeld(t.deps.db, held.slice(0, 3), merchantA.id, staffA.accountId, new Date(now() + 3 * HOUR), 5050);
  await redeemHeld(t.deps.db, held.slice(3, 4), merchantB.id, staffB.accountId, new Date(now() + 4 * HOUR), 5050);
});
afterAll(async () => t?.close());

describe('before the deadline', () => {
  it('lists redemptions masked, reconciles what is outstanding, and refuses the export', async () => {
    const page = (await dgy.get(`/api/activities/${activityId}/redemptions?pageSize=2`)).json();
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ merchantName: '大观园职工之家', couponName: '中秋节福利券', faceValueFen: 5050, redeemedBy: '王核销' });
    expect(page.items[0].memberName).toMatch(/^会\*+$/);
    expect(page.items[0].code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(JSON.stringify(page)).not.toContain(members[0].username);
    expect((await dgy.get(`/api/activities/${activityId}/redemptions?merchantId=${merchantB.id}`)).json().total).toBe(1);
    const summary = (await dgy.get(`/api/activities/${activityId}/settlement`)).json();
    expect(summary).toMatchObject({ stock: 10, claimed: 6, redeemed: 4, forfeited: 0, outstanding: 2, unclaimed: 4, redeemedValueFen: 20200, ready: false });
    const early = await dgy.get(`/api/activities/${activityId}/settlement.xlsx`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('SETTLEMENT_NOT_READY');
    expect(early.json().message).toContain('结束后才能导出结算明细');
    expect((await dgy.get(`/api/merchants/${merchantA.id}/settlement.xlsx?activityId=${activityId}`)).json().code).toBe('SETTLEMENT_NOT_READY');
  });
});

describe('after the deadline (结算入帐)', () => {
  beforeAll(async () => {
    t.clock.advance(3 * DAY + HOUR);
    // Idle sessions ended with the days that passed.
    dgy = await t.as('daguanyuan_admin');
    lixia = await t.as('lixia_admin');
    // Past the deadline the unredeemed count as forfeited even before the expiry job has run.
    expect((await dgy.get(`/api/activities/${activityId}/settlement`)).json()).toMatchObject({ claimed: 6, redeemed: 4, forfeited: 2, outstanding: 0, ready: true });
    expect(await expireDueCoupons(t.deps)).toBe(2);
  });

  it('exports every redemption (who masked, what, when, where, yuan) with a 合计 row, and reconciles claimed = redeemed + forfeited', async () => {
    const r = await dgy.get(`/api/activities/${activityId}/settlement.xlsx`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('中秋节福利发放-核销明细.xlsx');
    const { detail, recon } = await workbook(r.rawPayload);
    expect(detail[0][0]).toBe('中秋节福利发放 核销明细（结算凭证）');
    expect(detail[1]).toEqual(['发布工会', '济南大观园商业管理有限公司工会']);
    expect(detail[4]).toEqual(['核销商家', '全部商家']);
    const h = detail.findIndex((row) => row[0] === '序号');
    expect(detail[h]).toEqual([...DETAIL_HEADERS]);
    const data = detail.slice(h + 1, h + 5);
    expect(data.map((row) => row[0])).toEqual([1, 2, 3, 4]);
    for (const row of data) {
      expect(row[2]).toMatch(/^会\*+$/);
      expect(row[5]).toBe('中秋节福利券');
      expect(row[6]).toBe(50.5);
      expect(row[9]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    }
    expect(data.map((row) => row[7])).toEqual(['大观园职工之家', '大观园职工之家', '大观园职工之家', "'=1+1 月饼店"]);
    expect(data.map((row) => row[8])).toEqual(['王核销', '王核销', '王核销', '赵核销']);
    expect(detail[h + 5].slice(0, 2)).toEqual(['合计', '4张']);
    expect(detail[h + 5][6]).toBe(202);
    expect(detail.length).toBe(h + 6);

    const rh = recon.findIndex((row) => row[0] === '优惠券');
    expect(recon[rh]).toEqual([...RECONCILIATION_HEADERS]);
    // quantity 10 = claimed 6 + unclaimed 4; claimed 6 = redeemed 4 + forfeited 2 + outstanding 0.
    expect(recon[rh + 1]).toEqual(['中秋节福利券', 50.5, 10, 6, 4, 2, 0, 4, 202]);
    expect(recon[rh + 2]).toEqual(['合计', '', 10, 6, 4, 2, 0, 4, 202]);
    const mh = recon.findIndex((row) => row[0] === '核销商家');
    expect(recon.slice(mh + 1, mh + 4)).toEqual([
      ["'=1+1 月饼店", 1, 50.5],
      ['大观园职工之家', 3, 151.5],
      ['合计', 4, 202],
    ]);
    const summary = (await dgy.get(`/api/activities/${activityId}/settlement`)).json();
    expect(summary).toMatchObject({ claimed: 6, redeemed: 4, forfeited: 2, outstanding: 0, ready: true });
    expect((await dgy.get(`/api/activities/${activityId}`)).json().settlementReady).toBe(true);
  });

  it('exports one merchant’s redemptions for settling with it, from the activity or from the merchant', async () => {
    for (const url of [`/api/activities/${activityId}/settlement.xlsx?merchantId=${merchantA.id}`, `/api/merchants/${merchantA.id}/settlement.xlsx?activityId=${activityId}`]) {
      const r = await dgy.get(url);
      expect(r.statusCode, r.body).toBe(200);
      const { detail } = await workbook(r.rawPayload);
      expect(detail[4]).toEqual(['核销商家', '大观园职工之家']);
      const h = detail.findIndex((row) => row[0] === '序号');
      expect(detail.slice(h + 1, -1).map((row) => row[7])).toEqual(['大观园职工之家', '大观园职工之家', '大观园职工之家']);
      expect(detail.at(-1)!.slice(0, 2)).toEqual(['合计', '3张']);
      expect(detail.at(-1)![6]).toBe(151.5);
    }
    const exports = (await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, activityId))).filter((x) => x.action === 'settlement.exported');
    expect(exports).toHaveLength(3);
  });

  it('refuses bad ids and anything outside the subtree', async () => {
    expect((await dgy.get(`/api/activities/${activityId}/settlement.xlsx?merchantId=nope`)).statusCode).toBe(400);
    expect((await dgy.get(`/api/merchants/${merchantA.id}/settlement.xlsx`)).statusCode).toBe(400);
    const foreign = await onlineMerchant(lixia);
    expect((await dgy.get(`/api/activities/${activityId}/settlement.xlsx?merchantId=${foreign.id}`)).statusCode).toBe(404);
    expect((await dgy.get(`/api/activities/${activityId}/redemptions?merchantId=${foreign.id}`)).statusCode).toBe(404);
    for (const url of [
      `/api/activities/${activityId}/settlement.xlsx`,
      `/api/activities/${activityId}/settlement`,
      `/api/activities/${activityId}/redemptions`,
      `/api/merchants/${merchantA.id}/settlement.xlsx?activityId=${activityId}`,
      `/api/merchants/${foreign.id}/settlement.xlsx?activityId=${activityId}`,
    ]) {
      expect((await lixia.get(url)).statusCode, url).toBe(404);
    }
  });
});
