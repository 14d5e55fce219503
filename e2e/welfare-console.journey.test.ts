import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { STRONG_PASSWORD } from '../apps/server/src/test/harness.js';
import { onlineMerchant } from '../apps/server/src/modules/benefits/benefits-console.fixtures.js';
import { DETAIL_HEADERS } from '../apps/server/src/modules/benefits/settlement.workbook.js';
import { atMinute, fillRange, fmt, minute, pick, quietShot } from './support/console.js';
import { PHONE } from './support/mobile.js';
import { artifacts, startPlatform, type Platform } from './support/platform.js';

/**
 * The welfare console's editing flows (seed 001 普惠活动), which welfare.journey does not go
 * through: a base union opens a shop assistant's login and 停用 it (the merchant app then turns
 * them away); creates a coupon (a wrong one is refused in plain words first), edits its name,
 * quantity and face value, and 授权 a second merchant to redeem it; creates an activity with it
 * as the prize, edits it before submitting, and submits it; once its upper union has approved it
 * and the deadline has passed, exports the second merchant's settlement workbook (the server
 * exports per merchant only within one activity).
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.close();
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll('failed-welfare-console');
});

const MERCHANT = '泉城软件职工之家';
const OTHER = '泉城路月饼坊';
const STAFF = { name: '赵敏', phone: '13905310277', password: 'Qc!Shop#5720y' };
const COUPON = { title: '中秋节福利', name: '中秋福利券', quantity: '50', yuan: '20' };
const EDITED = { name: '中秋节福利券', quantity: '80', yuan: '12.5', shown: '¥12.50', fen: 1250 };
const ACTIVITY = '中秋节领券活动';
const ACTIVITY_EDITED = '2026年中秋节职工福利领券活动';

const shot = (page: Page, name: string) => quietShot(p, page, `welfare-console-${name}`);

/** A merchant-app client over plain HTTP (fetch against the listening server), keeping its session cookie. */
function httpClient() {
  let cookie = '';
  let csrf = '';
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${p.baseUrl}${path}`, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const sid = res.headers.getSetCookie().find((c) => c.startsWith('gh_sid='));
    if (sid) cookie = sid.split(';')[0];
    const json = res.headers.get('content-type')?.includes('json') ? await res.json() : null;
    if (json?.csrfToken) csrf = json.csrfToken;
    return { status: res.status, json };
  };
  return {
    call,
    /** The merchant app's login: phone + password + the captcha (answered from the server's store, as only a test may). */
    async login(phone: string, password: string) {
      const { captchaId } = (await call('GET', '/api/auth/captcha')).json;
      return call('POST', '/api/auth/login', { username: phone, password, captchaId, captchaAnswer: await p.t.captchaAnswer(captchaId) });
    },
  };
}

/** Whether a cell's text is cut off (ellipsis) rather than shown whole. */
const truncated = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 1;

it('a union stops a shop assistant, edits a coupon and authorises a second merchant, edits an activity before submitting it, and exports one merchant’s settlement', async () => {
  await p.t.as('quancheng_admin');
  const upperApi = await p.t.as('lixia_admin');
  const unionApi = await p.t.as('quancheng_admin');
  // The second merchant, to be authorised, is set up through the API (welfare.journey covers the form).
  const other = await onlineMerchant(unionApi, { name: OTHER, phone: '13905310366' });

  const { page: admin } = await p.newPage();
  await p.login(admin, 'quancheng_admin', STRONG_PASSWORD);
  await admin.waitForURL(/\/admin\/orgs/);

  // ---- 1. 商家管理: a merchant with one shop assistant, who logs in to the merchant app …
  await admin.goto(`${p.baseUrl}/admin/benefits/merchants`);
  await admin.getByTestId('merchant-create').click();
  const mform = admin.locator('.ant-drawer-content', { hasText: '新增商家' });
  await mform.getByLabel('商家名称').fill(MERCHANT);
  await mform.getByLabel('联系人').fill('张闻');
  await mform.getByLabel('手机号码').fill('13905310188');
  await mform.getByRole('radio', { name: '工会' }).check();
  await mform.getByLabel('地址', { exact: true }).fill('济南市历下区泉城路 188 号');
  await shot(admin, '01-merchant-form');
  await mform.getByRole('button', { name: '保存' }).click();
  const mrow = admin.getByTestId('merchant-table').locator('.ant-table-row', { hasText: MERCHANT });
  await mrow.getByTestId('merchant-online').click();
  await mrow.getByText('已上线').waitFor();
  await mrow.getByTestId('merchant-staff').click();
  const drawer = admin.locator('.ant-drawer-content', { hasText: `店员账号：${MERCHANT}` });
  await drawer.getByTestId('staff-add').click();
  const sform = admin.locator('.ant-modal-content', { hasText: '添加店员' });
  await sform.getByLabel('姓名').fill(STAFF.name);
  await sform.getByLabel('手机号码').fill(STAFF.phone);
  await sform.getByRole('button', { name: '开通' }).click();
  const initialPassword = (await admin.getByTestId('staff-initial-password').innerText()).trim();
  await admin.getByRole('button', { name: '我已妥善保存' }).click();
  const srow = drawer.locator('.ant-table-row', { hasText: STAFF.name });
  await srow.getByText('待修改初始密码').waitFor();

  const shop = httpClient();
  expect((await shop.login(STAFF.phone, initialPassword)).json).toMatchObject({ mustChangePassword: true });
  expect((await shop.call('POST', '/api/auth/change-password', { currentPassword: initialPassword, newPassword: STAFF.password })).status).toBe(200);
  const me = await shop.call('GET', '/api/merchant/me');
  expect(me.status).toBe(200);
  expect(me.json.merchant.name).toBe(MERCHANT);
  await admin.reload();
  await mrow.getByTestId('merchant-staff').click();
  await srow.getByText('已设置密码').waitFor();
  // Shot once the drawer has slid fully in (760 px wide at the right edge).
  await expect.poll(async () => Math.round((await drawer.boundingBox())?.x ?? 0)).toBe(1440 - 760);
  await shot(admin, '02-staff');

  // … until 停用: the drawer keeps them listed as 已停用, with nothing left to stop.
  await srow.getByTestId('staff-revoke').click();
  await admin.locator('.ant-popconfirm').getByRole('button', { name: '停用' }).click();
  await srow.getByTestId('staff-revoked').waitFor();
  await srow.getByText('已停用').hover();
  await admin.locator('.ant-tooltip', { hasText: '停用，不能再为本商家核销' }).waitFor();
  expect(await srow.getByTestId('staff-revoke').count()).toBe(0);
  await shot(admin, '03-staff-revoked');
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  // The drawer's mask fades out after it: the list is in view once no drawer is open.
  await expect.poll(() => admin.locator('.ant-drawer-open, .ant-drawer-mask-motion-leave').count()).toBe(0);
  // 店员 counts live logins only.
  await expect.poll(() => mrow.getByTestId('merchant-staff-count').innerText()).toBe('0');
  // Names are shown whole at 1440 px.
  for (const name of await admin.getByTestId('merchant-name').all()) expect(await name.evaluate(truncated)).toBe(false);
  await shot(admin, '04-merchants');

  // The stopped assistant's open session no longer acts for the merchant; a new login (the
  // account itself is kept: it may be a member's) opens no merchant app either.
  expect((await shop.call('GET', '/api/merchant/me')).json).toMatchObject({ code: 'NOT_MERCHANT_STAFF' });
  const again = httpClient();
  expect((await again.login(STAFF.phone, STAFF.password)).status).toBe(200);
  const refused = await again.call('GET', '/api/merchant/me');
  expect(refused).toMatchObject({ status: 403, json: { code: 'NOT_MERCHANT_STAFF' } });
  expect((await again.call('POST', '/api/merchant/redemptions/preview', { code: 'ABCD2345EFGH' })).status).toBe(403);
  // In the merchant app on a phone: 不是商家店员账号.
  const { page: phone } = await p.newPage(PHONE);
  await phone.goto(`${p.baseUrl}/merchant/`);
  await phone.waitForURL(/\/merchant\/login$/);
  await phone.getByLabel('手机号').fill(STAFF.phone);
  await phone.getByLabel('密码').fill(STAFF.password);
  await phone.getByLabel('验证码').fill(await p.captchaAnswer(phone));
  await phone.getByRole('button', { name: '登录', exact: true }).click();
  await phone.getByTestId('not-staff').getByText('当前账号不是商家店员').waitFor();
  await shot(phone, '05-merchant-app-revoked');
  await phone.close();

  // ---- 2. 优惠券管理: a coupon without a name, and with a face value of "abc", is refused in plain words.
  const now = Date.now();
  const validFrom = atMinute(now - 2 * minute);
  const validTo = atMinute(now + 24 * minute);
  await admin.goto(`${p.baseUrl}/admin/benefits/coupons`);
  await admin.getByTestId('coupon-create').click();
  const cform = admin.locator('.ant-drawer-content', { hasText: '新增优惠券' });
  await pick(admin, cform.getByLabel('核销商家'), MERCHANT);
  await cform.getByLabel('优惠券标题').fill(COUPON.title);
  await cform.getByLabel('优惠券数量').fill(COUPON.quantity);
  await cform.getByLabel('优惠金额').fill('abc');
  await fillRange(admin, cform, fmt(validFrom), fmt(validTo));
  await cform.getByRole('button', { name: '保存' }).click();
  await cform.getByText('请填写优惠券名称').waitFor();
  await cform.getByText('请填写优惠金额').waitFor();
  // Each said once (the required rule and the contract's rule used to say it twice).
  expect(await cform.getByText('请填写优惠券名称').count()).toBe(1);
  expect(await cform.getByLabel('优惠金额').inputValue()).toBe('');
  await shot(admin, '06-coupon-form-refused');
  expect((await unionApi.get('/api/coupons')).json().total).toBe(0);
  await cform.getByLabel('优惠券名称').fill(COUPON.name);
  await cform.getByLabel('优惠金额').fill(COUPON.yuan);
  await cform.getByLabel('使用条件').fill('凭券到职工之家领取月饼一盒');
  await shot(admin, '07-coupon-form');
  await cform.getByRole('button', { name: '保存' }).click();
  const table = admin.getByTestId('coupon-table');
  await table.locator('.ant-table-row', { hasText: COUPON.name }).getByText('¥20', { exact: true }).waitFor();

  // 编辑: name, quantity and face value (yuan, shown with two decimals).
  await table.locator('.ant-table-row', { hasText: COUPON.name }).getByRole('button', { name: '编辑' }).click();
  const eform = admin.locator('.ant-drawer-content', { hasText: `编辑优惠券：${COUPON.name}` });
  expect(await eform.getByLabel('优惠金额').inputValue()).toBe('20.00');
  await eform.getByLabel('优惠券名称').fill(EDITED.name);
  await eform.getByLabel('优惠券数量').fill(EDITED.quantity);
  await eform.getByLabel('优惠金额').fill(EDITED.yuan);
  await eform.getByLabel('优惠金额').blur();
  expect(await eform.getByLabel('优惠金额').inputValue()).toBe('12.50');
  await shot(admin, '08-coupon-edit');
  await eform.getByRole('button', { name: '保存' }).click();
  await eform.waitFor({ state: 'hidden' });
  const crow = table.locator('.ant-table-row', { hasText: EDITED.name });
  await crow.getByText(EDITED.shown).waitFor();
  await crow.getByText(`${EDITED.quantity} 张`).waitFor();
  expect(await table.locator('.ant-table-row', { hasText: COUPON.name }).count()).toBe(0);
  await crow.getByTestId('coupon-enable').click();
  await crow.getByText('已开启').waitFor();
  // The name is shown whole at 1440 px, not cut to 「中秋节…」.
  const nameCell = crow.getByTestId('coupon-name');
  expect(await nameCell.innerText()).toBe(EDITED.name);
  expect(await nameCell.evaluate(truncated)).toBe(false);
  await shot(admin, '09-coupons');
  const coupon = (await unionApi.get('/api/coupons')).json().items[0];
  expect(coupon).toMatchObject({ name: EDITED.name, title: COUPON.title, quantity: 80, faceValueFen: EDITED.fen, merchantName: MERCHANT, enabled: true, conditions: '凭券到职工之家领取月饼一盒' });

  // 授权: the second merchant may redeem it too.
  await crow.getByRole('button', { name: '授权' }).click();
  const auth = admin.locator('.ant-modal-content', { hasText: `授权核销：${EDITED.name}` });
  await auth.getByRole('button', { name: '授权', exact: true }).click();
  await auth.getByText('请选择商家').waitFor();
  await pick(admin, auth.locator('.ant-select'), OTHER);
  await auth.getByRole('button', { name: '授权', exact: true }).click();
  const arow = auth.locator('.ant-table-row', { hasText: OTHER });
  await arow.getByText('商家', { exact: true }).waitFor();
  await arow.getByRole('button', { name: '取消授权' }).waitFor();
  await shot(admin, '10-coupon-authorised');
  expect((await unionApi.get(`/api/coupons/${coupon.id}/authorisations`)).json().items).toMatchObject([{ kind: 'merchant', merchantId: other.id, merchantName: OTHER }]);
  await auth.getByRole('button', { name: '关闭' }).click();

  // ---- 3. 活动管理: an activity with the coupon as its prize, edited before it is submitted.
  const startsAt = atMinute(Date.now() + 5 * minute);
  const endsAt = atMinute(Date.now() + 20 * minute);
  await admin.goto(`${p.baseUrl}/admin/benefits/activities`);
  await admin.getByTestId('activity-create').click();
  const aform = admin.locator('.ant-drawer-content', { hasText: '新增活动' });
  await aform.getByLabel('活动标题').fill(ACTIVITY);
  await aform.getByRole('radio', { name: '每天限制次数' }).check();
  await aform.getByLabel('每人每天限领').fill('2');
  await aform.getByRole('radio', { name: '仅本工会会员' }).check();
  await fillRange(admin, aform, fmt(startsAt), fmt(endsAt));
  await aform.locator('.rte-content').click();
  await admin.keyboard.type('每位会员每天可领两张，凭券到职工之家领取月饼。');
  await pick(admin, aform.locator('.prize-row').first().locator('.ant-select'), EDITED.name);
  await aform.locator('.prize-row').first().getByPlaceholder('数量').fill('10');
  await shot(admin, '11-activity-form');
  await aform.getByRole('button', { name: '保存' }).click();
  await aform.waitFor({ state: 'hidden' });
  const list = admin.getByTestId('activity-table');
  await list.locator('.ant-table-row', { hasText: ACTIVITY }).getByText('未提交').waitFor();

  await list.locator('.ant-table-row', { hasText: ACTIVITY }).getByRole('button', { name: '编辑' }).click();
  const edit = admin.locator('.ant-drawer-content', { hasText: `编辑活动：${ACTIVITY}` });
  expect(await edit.getByLabel('每人每天限领').inputValue()).toBe('2');
  await edit.getByLabel('活动标题').fill(ACTIVITY_EDITED);
  await edit.getByLabel('每人每天限领').fill('3');
  await shot(admin, '12-activity-edit');
  await edit.getByRole('button', { name: '保存' }).click();
  await edit.waitFor({ state: 'hidden' });
  const row = list.locator('.ant-table-row', { hasText: ACTIVITY_EDITED });
  await row.getByText('未提交').waitFor();
  expect(await row.getByTestId('activity-title').innerText()).toBe(ACTIVITY_EDITED);
  // Cut to fit its column with an ellipsis, and shown whole on hover.
  await row.getByTestId('activity-title').hover();
  await admin.locator('.ant-tooltip:visible', { hasText: ACTIVITY_EDITED }).waitFor();
  await shot(admin, '13-activities-edited');
  const saved = (await unionApi.get('/api/activities')).json();
  expect(saved.total).toBe(1);
  const activity = (await unionApi.get(`/api/activities/${saved.items[0].id}`)).json();
  expect(activity).toMatchObject({ title: ACTIVITY_EDITED, claimLimitKind: 'daily', claimLimitPerDay: 3, scope: 'own', status: 'draft', prizes: [{ couponName: EDITED.name, quantity: 10, faceValueFen: EDITED.fen }] });

  // The detail shows the edits; 提交审核 from there.
  await row.getByTestId('activity-title').click();
  await admin.waitForURL(/\/admin\/benefits\/activities\/[0-9a-f-]+$/);
  await admin.getByText('每人每天限领 3 次').waitFor();
  await admin.locator('.ant-page-header-heading-title', { hasText: ACTIVITY_EDITED }).waitFor();
  await admin.getByRole('cell', { name: EDITED.name }).first().waitFor();
  await shot(admin, '14-activity-detail-draft');
  await admin.getByTestId('detail-submit').click();
  await admin.locator('.ant-popconfirm').getByRole('button', { name: '提交' }).click();
  await admin.locator('.ant-page-header').getByText('审核中').waitFor();
  expect(await admin.getByRole('button', { name: '编辑' }).count()).toBe(0);

  // ---- 4. Approved by the upper union (through the API: welfare.journey does it in 审核待办); once
  // the deadline (the coupon's validTo) has passed, the second merchant's settlement workbook.
  const { reviewId } = (await unionApi.get(`/api/activities/${activity.id}`)).json();
  const review = (await upperApi.get(`/api/reviews/${reviewId}`)).json();
  const approved = await upperApi.post(`/api/reviews/${reviewId}/approve`, { version: review.version });
  expect(approved.statusCode, approved.body).toBe(200);
  // Less than the 30-minute idle timeout, so the console stays logged in.
  p.t.clock.advance(26 * minute);
  await admin.reload();
  await expect.poll(() => admin.getByTestId('settlement-download').isEnabled()).toBe(true);
  await pick(admin, admin.getByRole('combobox', { name: '按商家导出' }), OTHER);
  await admin.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  await shot(admin, '15-activity-settlement');
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('settlement-download').click()]);
  expect(download.suggestedFilename()).toBe(`${ACTIVITY_EDITED}-${OTHER}-核销明细.xlsx`);
  const file = join(artifacts, 'welfare-console-settlement.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const detail = wb.getWorksheet('核销明细')!;
  const texts = (n: number) => (detail.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  expect(texts(1)[0]).toBe(`${ACTIVITY_EDITED} 核销明细（结算凭证）`);
  expect(texts(5)).toEqual(['核销商家', OTHER]);
  expect(texts(8)).toEqual([...DETAIL_HEADERS]);
  // No redemptions yet: only the 合计 row, of none.
  expect(texts(9).slice(0, 2)).toEqual(['合计', '0张']);
  expect(detail.rowCount).toBe(9);
  // The merchants' own route gives the same voucher.
  const byMerchant = await unionApi.get(`/api/merchants/${other.id}/settlement.xlsx?activityId=${activity.id}`);
  expect(byMerchant.statusCode).toBe(200);
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(byMerchant.rawPayload as unknown as ArrayBuffer);
  expect(String(wb2.getWorksheet('核销明细')!.getRow(5).getCell(2).value)).toBe(OTHER);
});
