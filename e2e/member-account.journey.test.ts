import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { PHONE } from './support/mobile.js';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * 我的 on a phone (issue 5, item 4): a Hong Kong member verifies with a 港澳居民来往内地通行证
 * chosen in the app's document picker, corrects their own data, changes password and then phone
 * number; after each change the old credential no longer logs in and the new one does.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.close());
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll('failed-member-account');
});

const UNION = '济南泉城软件有限公司工会';
const person = { name: '陈家明', permit: 'H60412378' };
const OLD_PHONE = '13905310091';
const NEW_PHONE = '13905310092';
const FIRST = 'Chenjm#2026ok';
const SECOND = 'Chenjm#2027ok';

const settle = (page: Page) => page.locator('.adm-toast-mask').waitFor({ state: 'hidden' });

async function loginInApp(page: Page, username: string, password: string) {
  await page.goto(`${p.baseUrl}/member/login`);
  await page.getByLabel('手机号或账号').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('captcha').locator('svg').waitFor();
  await page.getByLabel('验证码').fill(await p.captchaAnswer(page));
  await page.getByRole('button', { name: '登录' }).click();
}

it('verifies with a Hong Kong permit, edits own data, changes password and phone', async () => {
  // The union's registry holds the member under their permit; the worker registers by phone.
  const admin = await p.t.as('quancheng_admin');
  const added = await admin.post(`/api/orgs/${await p.t.orgId(UNION)}/members`, {
    idType: 'hk_macau_permit',
    idNumber: person.permit,
    name: person.name,
    sex: 'male',
    birthDate: '1991-03-04',
  });
  expect(added.statusCode, added.body).toBe(201);
  const worker = p.t.client();
  expect((await worker.post('/api/auth/sms-code', { purpose: 'register', phone: OLD_PHONE, ...(await worker.captcha()) })).statusCode).toBe(200);
  expect((await worker.post('/api/auth/register', { phone: OLD_PHONE, smsCode: p.t.sms.lastCode(OLD_PHONE), password: FIRST })).statusCode).toBe(201);

  const { page } = await p.newPage(PHONE);
  await loginInApp(page, OLD_PHONE, FIRST);
  await page.waitForURL(/\/member\/?$/);

  // 工会会员认证 with the permit: the picker changes the number's label and hint.
  await page.goto(`${p.baseUrl}/member/verify`);
  await page.getByLabel('姓名').fill(person.name);
  await page.getByTestId('id-type').click();
  await page.getByText('港澳居民来往内地通行证').click();
  await page.getByRole('button', { name: '确定' }).click();
  await expect.poll(() => page.getByLabel('证件号码').getAttribute('placeholder')).toContain('H12345678');
  await page.getByText('选择证件类型').waitFor({ state: 'hidden' });
  await p.shot(page, 'member-19-verify-permit-form');
  // A resident-ID number under the permit type is refused on its field, in plain words.
  await page.getByLabel('证件号码').fill('370102199203040011');
  await page.getByTestId('verify-consent').click();
  await page.getByTestId('verify-submit').click();
  await page.getByText('港澳居民来往内地通行证号码应为 H 或 M 加8位数字').waitFor();
  await page.getByLabel('证件号码').fill(person.permit.toLowerCase());
  await page.getByTestId('verify-submit').click();
  await page.getByTestId('verify-pending').waitFor();
  await settle(page);
  await p.shot(page, 'member-20-verify-permit-pending');
  const review = (await admin.get('/api/reviews?box=todo&subjectType=member_verification')).json().items[0];
  expect((await admin.post(`/api/reviews/${review.id}/approve`, { version: 1 })).statusCode).toBe(200);

  // 我的资料: the member corrects the address; the union's fields stay read-only.
  await page.goto(`${p.baseUrl}/member/me/profile`);
  await page.getByText('H6*****78').waitFor();
  await page.getByTestId('profile-edit').click();
  await page.getByPlaceholder('省市区街道门牌号').fill('济南市历下区泉城路188号');
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('.adm-popup-body').waitFor({ state: 'hidden' });
  await page.locator('.kv-card').getByText('济南市历下区泉城路188号').waitFor();
  await settle(page);
  await p.shot(page, 'member-21-profile-edited');
  const member = (await admin.get(`/api/members/${added.json().id}`)).json();
  expect(member.address).toBe('济南市历下区泉城路188号');

  // 修改密码: a wrong current password is refused; then the new one is the only one that works.
  await page.goto(`${p.baseUrl}/member/me/password`);
  await page.getByLabel('原密码').fill('Wrong#2026ok');
  await page.getByLabel('新密码', { exact: true }).fill(SECOND);
  await page.getByLabel('确认新密码').fill(SECOND);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.getByText('原密码不正确').waitFor();
  await page.getByLabel('原密码').fill(FIRST);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.waitForURL(/\/member\/me$/);
  expect((await p.t.client().login(OLD_PHONE, FIRST)).statusCode).toBe(401);
  expect((await p.t.client().login(OLD_PHONE, SECOND)).statusCode).toBe(200);

  // 修改手机号 while the old phone still works: the password and a code sent to the new phone.
  await page.goto(`${p.baseUrl}/member/me/phone`);
  await page.getByLabel('登录密码').fill(SECOND);
  await page.getByLabel('新手机号').fill(NEW_PHONE);
  await page.getByTestId('captcha').locator('svg').waitFor();
  await page.getByLabel('图形验证码').fill(await p.captchaAnswer(page));
  await page.getByTestId('sms-send').click();
  await expect.poll(() => p.t.sms.lastCode(NEW_PHONE)).toMatch(/^\d{6}$/);
  await page.getByLabel('短信验证码').fill(p.t.sms.lastCode(NEW_PHONE)!);
  await page.getByRole('button', { name: '确认修改' }).click();
  await page.waitForURL(/\/member\/me$/);
  await page.locator('.me-sub', { hasText: '139****0092' }).waitFor();
  await settle(page);
  await p.shot(page, 'member-22-phone-changed');
  expect((await p.t.client().login(NEW_PHONE, SECOND)).statusCode).toBe(200);
  expect((await p.t.client().login(OLD_PHONE, SECOND)).statusCode).toBe(401);
});
