import { makeIdNumber } from '@gonghui/contracts';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { STRONG_PASSWORD } from '../apps/server/src/test/harness.js';
import { decodeQr, PHONE } from './support/mobile.js';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Issue 5's journey on a phone (390×844): a worker registers with phone + SMS code, fails
 * real-name verification with a wrong ID, passes it with the right one once the base union
 * approves it in the console, opens the e-member card whose QR code (decoded from a screenshot)
 * verifies and then expires, and applies to transfer into another union, whose approval the app shows.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.close());
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll(`failed-member-app`);
});

const HOME_UNION = '济南泉城软件有限公司工会';
const TARGET_UNION = '济南大观园商业管理有限公司工会';
const member = { name: '林晓燕', idNumber: makeIdNumber({ birthDate: '1992-06-18', sex: 'female', addressCode: '370102', seq: 72 }) };
const wrongId = makeIdNumber({ birthDate: '1992-06-18', sex: 'female', addressCode: '370102', seq: 74 });
const PHONE_NO = '13905310071';
const PASSWORD = 'Linxy#2026ok';

/** A screenshot once any toast has gone, so the page is seen as the member sees it. */
const shot = async (page: Page, name: string) => {
  await page.locator('.adm-toast-mask').waitFor({ state: 'hidden' });
  await p.shot(page, `member-${name}`);
};

it('registers, verifies after the union approves, shows a card whose QR verifies then expires, and follows a transfer application', async () => {
  // The base union has the worker in its registry (tests run with no demo members); both
  // operators change their default passwords here.
  const homeAdmin = await p.t.as('quancheng_admin');
  const targetAdmin = await p.t.as('daguanyuan_admin');
  const added = await homeAdmin.post(`/api/orgs/${await p.t.orgId(HOME_UNION)}/members`, { idType: 'resident_id', idNumber: member.idNumber, name: member.name, joinedOn: '2020-05-01' });
  expect(added.statusCode, added.body).toBe(201);

  // 1. Not logged in: the app opens on 登录, which links to 注册.
  const { page } = await p.newPage(PHONE);
  await page.goto(`${p.baseUrl}/member/`);
  await page.waitForURL(/\/member\/login$/);
  await page.getByTestId('captcha').locator('svg').waitFor();
  await shot(page, '01-login');
  await page.getByRole('link', { name: '立即注册' }).click();
  await page.waitForURL(/\/member\/register$/);

  // 2. 注册: phone, captcha, SMS code (read from the simulator), password, region.
  await page.getByLabel('手机号', { exact: true }).fill(PHONE_NO);
  await page.getByLabel('图形验证码').fill(await p.captchaAnswer(page));
  await page.getByTestId('sms-send').click();
  await expect.poll(() => p.t.sms.lastCode(PHONE_NO)).toMatch(/^\d{6}$/);
  await expect.poll(() => page.getByTestId('sms-send').innerText()).toMatch(/秒后重发/);
  await page.getByLabel('短信验证码').fill(p.t.sms.lastCode(PHONE_NO)!);
  // A weak password is refused in the form with the console's rules.
  await page.getByLabel('设置密码').fill('abc12345');
  await page.getByLabel('确认密码').fill('abc12345');
  await page.getByText('请选择所在区县').click();
  await page.getByRole('button', { name: '确定' }).click();
  await page.locator('.adm-list-item').getByText('济南市 历下区').waitFor();
  await page.getByText('我已阅读并同意《用户服务协议》').click();
  await page.getByRole('button', { name: '注册', exact: true }).click();
  await page.getByText('需包含大写字母、小写字母、数字、符号中的至少3类').waitFor();
  await page.getByLabel('设置密码').fill(PASSWORD);
  await page.getByLabel('确认密码').fill(PASSWORD);
  await shot(page, '02-register');
  await page.getByRole('button', { name: '注册', exact: true }).click();

  // 3. 首页: the greeting, the verification prompt and the services.
  await page.waitForURL(/\/member\/?$/);
  await page.getByTestId('verify-banner').getByText('工会会员认证').waitFor();
  await page.getByTestId('tile-notices').waitFor();
  await shot(page, '03-home');

  // 4. A wrong ID: the plain answer says how to get added, and nothing is submitted.
  await page.getByTestId('verify-banner').click();
  await page.waitForURL(/\/member\/verify$/);
  await page.getByLabel('姓名').fill(member.name);
  await page.getByLabel('身份证号').fill(wrongId);
  await page.getByText('我已阅读并同意《会员信息授权书》').click();
  await page.getByTestId('verify-submit').click();
  await page.getByTestId('verify-no-match').getByText('会员库中没有与您的姓名和证件号码一致的会籍').waitFor();
  await shot(page, '04-verify-no-match');

  // 5. The right ID: pending, and the page names the union reviewing it.
  await page.getByLabel('身份证号').fill(member.idNumber);
  await page.getByTestId('verify-submit').click();
  await page.getByTestId('verify-pending').getByText(`由「${HOME_UNION}」审核`, { exact: false }).waitFor();
  await shot(page, '05-verify-pending');

  // 6. The base union approves it in the console's 审核待办.
  const { page: admin } = await p.newPage();
  await p.login(admin, 'quancheng_admin', STRONG_PASSWORD);
  await admin.waitForURL(/\/admin\/orgs/);
  await admin.goto(`${p.baseUrl}/admin/reviews`);
  const row = admin.getByTestId('review-table').locator('.ant-table-row', { hasText: member.name });
  await row.getByTestId('review-title').click();
  await admin.getByTestId('review-approve').click();
  await admin.getByTestId('review-reason-ok').click();
  await admin.getByTestId('review-status').getByText('已通过').waitFor();
  await admin.close();

  // 7. The app shows it approved, and the card: name, masked ID, union, member number — never the raw ID.
  await page.reload();
  await page.getByTestId('verify-approved').waitFor();
  await page.getByRole('button', { name: '查看电子会员卡' }).click();
  await page.waitForURL(/\/member\/card$/);
  await expect.poll(() => page.getByTestId('card-name').innerText()).toBe(member.name);
  expect(await page.getByTestId('card-org').innerText()).toBe(HOME_UNION);
  expect(await page.getByTestId('card-member-no').innerText()).toMatch(/^\d{10}$/);
  await page.getByText(`${member.idNumber.slice(0, 4)}**********${member.idNumber.slice(-4)}`).waitFor();
  expect(await page.content()).not.toContain(member.idNumber);
  await expect.poll(() => page.getByTestId('card-countdown').innerText()).toMatch(/\d+ 秒后失效/);
  await page.getByTestId('card-qr').waitFor();
  await shot(page, '06-card');

  // 8. A scanner reads the QR code from the screen: valid now, expired past its 2 minutes.
  const token = await decodeQr(page.getByTestId('card-qr'));
  expect(token).toBeTruthy();
  const scanner = p.t.client();
  const first = await scanner.post('/api/cards/verify', { token });
  expect(first.json().result, first.body).toBe('valid');
  expect(first.json().member.orgName).toBe(HOME_UNION);
  p.t.clock.advance(2 * 60_000 + 5_000);
  expect((await scanner.post('/api/cards/verify', { token })).json().result).toBe('expired');
  // The open card fetches a fresh code, which verifies again.
  await page.getByTestId('card-refresh').click();
  await expect.poll(async () => decodeQr(page.getByTestId('card-qr'))).not.toBe(token);
  const fresh = await decodeQr(page.getByTestId('card-qr'));
  expect((await scanner.post('/api/cards/verify', { token: fresh })).json().result).toBe('valid');

  // 9. 首页 now greets the verified member by name; 我的 and its pages.
  await page.getByText('首页', { exact: true }).click();
  await page.getByText(`，${member.name}`).waitFor();
  await shot(page, '07-home-verified');
  await page.getByText('我的', { exact: true }).click();
  await expect.poll(() => page.getByTestId('me-name').innerText()).toBe(member.name);
  await shot(page, '08-me');
  await page.getByText('我的资料').click();
  await page.getByText(HOME_UNION).waitFor();
  await shot(page, '09-profile');
  await page.goto(`${p.baseUrl}/member/me/consents`);
  await page.getByText(`向「${HOME_UNION}」共享`).waitFor();
  await shot(page, '10-consents');
  await page.goto(`${p.baseUrl}/member/coupons`);
  await page.getByText('没有未使用的券').waitFor();
  await shot(page, '11-coupons-empty');

  // 10. 入会转会: find the other union by name, apply to transfer; it shows 审核中 and who reviews it.
  await page.goto(`${p.baseUrl}/member/applications`);
  await page.getByTestId('apply-new').click();
  await page.getByPlaceholder('输入工会名称').fill('大观园');
  await page.getByTestId('union-hit').filter({ hasText: TARGET_UNION }).click();
  await page.getByTestId('picked-union').getByText(TARGET_UNION).waitFor();
  await page.getByLabel('身份证号').fill(member.idNumber);
  await page.getByLabel('联系手机').fill(PHONE_NO);
  await page.getByLabel('工作单位').fill('济南大观园商业管理有限公司');
  await page.getByLabel('申请说明').fill('调入大观园商管公司工作');
  await shot(page, '12-apply');
  await page.getByTestId('apply-submit').click();
  await page.waitForURL(/\/member\/applications$/);
  const card = page.getByTestId('application-card').first();
  await expect.poll(() => card.getByTestId('application-status').innerText()).toBe('审核中');
  expect(await card.getByTestId('application-reviewing').innerText()).toContain(TARGET_UNION);
  await shot(page, '13-application-pending');

  // 11. The target union approves it (through the API); the app shows it approved with the new number.
  const todo = (await targetAdmin.get(`/api/reviews?box=todo&q=${encodeURIComponent(member.name)}`)).json();
  const review = todo.items.find((r: { subjectType: string }) => r.subjectType === 'member_application');
  expect(review, JSON.stringify(todo)).toBeTruthy();
  const detail = (await targetAdmin.get(`/api/reviews/${review.id}`)).json();
  const approved = await targetAdmin.post(`/api/reviews/${review.id}/approve`, { version: detail.version });
  expect(approved.statusCode, approved.body).toBe(200);
  await page.reload();
  await expect.poll(() => card.getByTestId('application-status').innerText()).toBe('已通过');
  await card.getByText('会员编号').waitFor();
  await shot(page, '14-application-approved');
});
