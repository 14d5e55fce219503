import { makeIdNumber } from '@gonghui/contracts';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { PHONE } from './support/mobile.js';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Seed 000 FAQ 5 on a phone: a verified member whose old phone is gone asks, without logging in,
 * for a new one; the base union approves it in its inbox; the new phone then logs in.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.close());
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll('failed-lost-phone');
});

const UNION = '济南泉城软件有限公司工会';
const person = { name: '周红', idNumber: makeIdNumber({ birthDate: '1990-09-09', sex: 'female', addressCode: '370102', seq: 96 }) };
const OLD = '13905310081';
const NEW = '13905310082';
const PASSWORD = 'Zhouh#2026ok';

it('asks for a new phone without logging in; once the union approves, the new phone logs in', async () => {
  // A verified member, set up through the API as the app and the console would.
  const admin = await p.t.as('quancheng_admin');
  expect((await admin.post(`/api/orgs/${await p.t.orgId(UNION)}/members`, { idType: 'resident_id', idNumber: person.idNumber, name: person.name })).statusCode).toBe(201);
  const worker = p.t.client();
  expect((await worker.post('/api/auth/sms-code', { purpose: 'register', phone: OLD, ...(await worker.captcha()) })).statusCode).toBe(200);
  expect((await worker.post('/api/auth/register', { phone: OLD, smsCode: p.t.sms.lastCode(OLD), password: PASSWORD })).statusCode).toBe(201);
  const v = await worker.post('/api/me/verification', { name: person.name, idNumber: person.idNumber, agreed: true });
  expect(v.statusCode, v.body).toBe(201);
  const todo = (await admin.get('/api/reviews?box=todo&subjectType=member_verification')).json();
  expect((await admin.post(`/api/reviews/${todo.items[0].id}/approve`, { version: 1 })).statusCode).toBe(200);

  // The old phone is lost: from 登录, 原手机号丢失.
  const { page } = await p.newPage(PHONE);
  await page.goto(`${p.baseUrl}/member/login`);
  await page.getByRole('link', { name: '原手机号丢失' }).click();
  await page.waitForURL(/\/member\/lost-phone$/);
  await page.getByLabel('原手机号或用户名').fill(OLD);
  await page.getByLabel('姓名').fill(person.name);
  await page.getByLabel('身份证号').fill(person.idNumber);
  await page.getByLabel('新手机号').fill(NEW);
  await page.getByTestId('captcha').locator('svg').waitFor();
  await page.getByLabel('图形验证码').fill(await p.captchaAnswer(page));
  await page.getByTestId('sms-send').click();
  await expect.poll(() => p.t.sms.lastCode(NEW)).toMatch(/^\d{6}$/);
  await page.getByLabel('短信验证码').fill(p.t.sms.lastCode(NEW)!);
  // The first captcha went with the SMS code; the request takes a fresh one.
  await expect.poll(async () => (await page.getByLabel('图形验证码').inputValue()) === '').toBe(true);
  await page.getByTestId('captcha').locator('svg').waitFor();
  await page.getByLabel('图形验证码').fill(await p.captchaAnswer(page));
  await page.getByTestId('lost-phone-submit').click();
  await page.getByText('已提交，等待工会核实').waitFor();
  await page.getByText(`「${UNION}」核实通过后`).waitFor();
  await page.locator('.adm-toast-mask').waitFor({ state: 'hidden' });
  await p.shot(page, 'member-15-lost-phone-submitted');

  // The union approves in its inbox; the new phone logs in, the old one no longer does.
  const request = (await admin.get('/api/reviews?box=todo&subjectType=member_phone_change')).json().items[0];
  expect(request.title).not.toContain(person.idNumber);
  expect((await admin.post(`/api/reviews/${request.id}/approve`, { version: 1 })).statusCode).toBe(200);
  expect((await p.t.client().login(NEW, PASSWORD)).statusCode).toBe(200);
  expect((await p.t.client().login(OLD, PASSWORD)).statusCode).toBe(401);
});
