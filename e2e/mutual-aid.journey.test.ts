import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaToday, makeIdNumber } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { verifiedWorker, WORKER_PASSWORD } from '../apps/server/src/modules/member-app/member-app.fixtures.js';
import { seedMutualAidPlan } from '../apps/server/src/modules/mutual-aid/index.js';
import { STRONG_PASSWORD } from '../apps/server/src/test/harness.js';
import { PHONE } from './support/mobile.js';
import { renderPdf } from './support/pdf-render.js';
import { artifacts, startPlatform, type Platform } from './support/platform.js';

/**
 * Seed 000's mutual aid, end to end: a base union checks its live list (retired members are not
 * in it), submits it with operator, phone and note, withdraws it, submits again with a member who
 * joined meanwhile; the upper union approves it in 审核待办; the unit downloads the contract,
 * whose Chinese text pdf.js renders and reads; the city federation sees and exports every
 * unit's enrolment; and an enrolled member finds the policy in the app's 我的保障.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.close());
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll('failed-mutual-aid');
});

const UNIT = '济南泉城软件有限公司工会';
/** A full-page screenshot from the top, so the fixed header is where a person sees it. */
const shot = async (page: Page, name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await p.shot(page, `mutual-aid-${name}`);
};
const idOf = (n: number) => makeIdNumber({ birthDate: `1983-0${1 + n}-1${n}`, sex: n % 2 ? 'male' : 'female', addressCode: '370102', seq: 600 + n });

it('a unit submits, withdraws and resubmits; the upper union approves; the contract renders in Chinese; the member sees the policy', async () => {
  const year = Number(chinaToday(p.t.deps.now()).slice(0, 4));
  await seedMutualAidPlan(p.t.deps);
  const unitAdmin = await p.t.as('quancheng_admin');
  await p.t.as('lixia_admin');
  const unitId = await p.t.orgId(UNIT);
  const add = async (name: string, n: number) => {
    const r = await unitAdmin.post(`/api/orgs/${unitId}/members`, { idType: 'resident_id', idNumber: idOf(n), name, joinedOn: '2020-03-01' });
    expect(r.statusCode, r.body).toBe(201);
    return r.json() as { id: string; version: number };
  };
  await add('韩立军', 1);
  await add('秦雅琴', 2);
  const retired = await add('卫国庆', 3);
  const s = await unitAdmin.post(`/api/members/${retired.id}/status`, { status: 'retained', on: chinaToday(p.t.deps.now()), reason: '退休', version: retired.version });
  expect(s.statusCode, s.body).toBe(200);
  const worker = await verifiedWorker(p.t, unitAdmin, UNIT, '林晓燕', 61);

  // 1. 单位入会: the live list holds the three active members, not the retired one.
  const { page: unit } = await p.newPage();
  await p.login(unit, 'quancheng_admin', STRONG_PASSWORD);
  await unit.waitForURL(/\/admin\/orgs/);
  await unit.getByRole('menuitem', { name: '单位入会' }).click();
  await unit.waitForURL(/\/admin\/mutual-aid\/enrolment$/);
  const roster = unit.getByTestId('roster-table-annual');
  await roster.getByText('林晓燕').waitFor();
  await expect.poll(() => roster.locator('.ant-table-row').count()).toBe(3);
  expect(await roster.getByText('卫国庆').count()).toBe(0);
  await unit.getByTestId('roster-amount').getByText('90.00').waitFor();
  await shot(unit, '01-unit-list');

  // 2. 一键提交 → 操作人、手机号、申请备注 → 立即申请 (a bad phone is refused in the form first).
  const apply = async (note: string) => {
    await unit.getByTestId('mutual-aid-submit-annual').click();
    const modal = unit.locator('.ant-modal-content').last();
    await modal.getByLabel('操作人').fill('王经办');
    await modal.getByLabel('手机号').fill('1390531');
    await modal.getByLabel('申请备注').fill(note);
    await modal.getByTestId('mutual-aid-apply').click();
    await modal.getByText('手机号应为11位').waitFor();
    await modal.getByLabel('手机号').fill('13905310001');
    return modal;
  };
  let modal = await apply('本年度全员入会');
  await shot(unit, '02-apply');
  await modal.getByTestId('mutual-aid-apply').click();
  const drawer = unit.getByTestId('enrolment-drawer');
  await drawer.getByTestId('review-trail').getByText('提交').waitFor();
  await drawer.getByText('泉城路街道总工会').first().waitFor();
  await shot(unit, '03-submitted');
  await drawer.locator('.ant-drawer-close').click();

  // 3. Withdrawn before approval.
  const status = unit.getByTestId('unit-enrolments');
  await status.getByTestId('enrolment-withdraw').click();
  await unit.locator('.ant-popconfirm').getByRole('button', { name: '撤回' }).click();
  await status.getByTestId('enrolment-status').getByText('已撤回').waitFor();
  // The list may be submitted again.
  await unit.locator('[data-testid="mutual-aid-submit-annual"]:not([disabled])').waitFor();
  await shot(unit, '04-withdrawn');

  // 4. A member joins meanwhile; the list shows them at once; submitted again.
  await add('郑小北', 4);
  await unit.reload();
  await roster.getByText('郑小北').waitFor();
  expect(await roster.locator('.ant-table-row').count()).toBe(4);
  modal = await apply('补录新入职会员后重新提交');
  await modal.getByTestId('apply-count').getByText('4 人').waitFor();
  await modal.getByTestId('mutual-aid-apply').click();
  await drawer.getByText('审核中').first().waitFor();
  await drawer.locator('.ant-drawer-close').click();
  await status.getByTestId('enrolment-status').getByText('审核中').waitFor();
  // Submitting again that year is refused while it is under review.
  await unit.getByTestId('roster-refusal').getByText('正在审核中').waitFor();

  // 5. The upper union (acting for the street union below it) approves in 审核待办.
  const { page: upper } = await p.newPage();
  await p.login(upper, 'lixia_admin', STRONG_PASSWORD);
  await upper.waitForURL(/\/admin\/orgs/);
  await upper.goto(`${p.baseUrl}/admin/reviews?box=all`);
  const row = upper.getByTestId('review-table').locator('.ant-table-row', { hasText: '4人，120.00元' });
  await row.getByText(`${UNIT} ${year}年度职工互助保障单位入会`).waitFor();
  await row.getByTestId('review-title').click();
  await upper.getByTestId('review-changes').getByText('120.00元').waitFor();
  await shot(upper, '05-review');
  await upper.getByTestId('review-approve').click();
  await upper.getByTestId('review-reason').fill('名单核对无误');
  await upper.getByTestId('review-reason-ok').click();
  await upper.getByTestId('review-status').getByText('已通过').waitFor();
  await upper.getByTestId('review-changes').getByText(/^JNHZ\d{4}-\d{6}$/).waitFor();

  // 6. The unit sees it approved (no withdrawal any more) and downloads the contract.
  await unit.reload();
  await status.getByTestId('enrolment-status').getByText('审核通过').waitFor();
  expect(await status.getByTestId('enrolment-withdraw').count()).toBe(0);
  await unit.getByTestId('roster-refusal').getByText('本年度不能再次提交').waitFor();
  await shot(unit, '06-approved');
  await status.getByTestId('enrolment-detail').first().click();
  await drawer.getByText(/^审核通过，合同编号 JNHZ/).waitFor();
  await shot(unit, '06b-approved-detail');
  await drawer.locator('.ant-drawer-close').click();
  // 补充入会: nobody new yet, and it says so.
  await unit.getByRole('tab', { name: '补充入会' }).click();
  await unit.getByTestId('roster-table-supplementary').getByText('没有需要补充入会的会员').waitFor();
  await shot(unit, '06c-supplementary');
  await unit.getByRole('tab', { name: '单位入会' }).click();
  const [download] = await Promise.all([unit.waitForEvent('download'), status.getByTestId('contract-download').click()]);
  expect(download.suggestedFilename()).toMatch(/^职工互助保障合同_JNHZ\d{4}-\d{6}\.pdf$/);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const png = join(artifacts, 'mutual-aid-07-contract.png');
  const text = await renderPdf(p.browser, pdf, png);
  expect(text).toContain(`${year}年度职工互助保障合同`);
  expect(text).toContain(UNIT);
  expect(text).toContain('入会人数：4人');
  expect(text).toContain('人民币壹佰贰拾元整（¥120.00）');
  expect(text).toContain('郑小北');
  // The rendered page is not blank: the embedded font drew the Chinese text.
  const image = PNG.sync.read(readFileSync(png));
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if (image.data[i] < 100 && image.data[i + 1] < 100 && image.data[i + 2] < 100) dark++;
  expect(dark).toBeGreaterThan(5000);

  // 7. The association's view (the city federation): every unit, totals, export.
  const city = await p.t.as('city_admin');
  const { context: cityContext, page: assoc } = await p.newPage();
  await cityContext.addCookies([{ name: 'gh_sid', value: city.cookie!.replace(/^gh_sid=/, ''), url: p.baseUrl }]);
  await assoc.goto(`${p.baseUrl}/admin/mutual-aid/enrolments`);
  await assoc.getByTestId('enrolments-table').getByText(UNIT).first().waitFor();
  await assoc.getByTestId('total-审核通过人数').getByText('4').waitFor();
  await shot(assoc, '08-association');
  const [xlsx] = await Promise.all([assoc.waitForEvent('download'), assoc.getByTestId('enrolments-export').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const approvedRow = rows.find((r) => r[1] === UNIT && r[5] === '审核通过')!;
  expect(approvedRow[6]).toBe(4);
  expect(approvedRow[8]).toBe(120);
  await assoc.goto(`${p.baseUrl}/admin/mutual-aid/plans`);
  await assoc.getByText(`${year}年度济南市职工互助保障计划`).waitFor();
  await shot(assoc, '09-plans');
  await assoc.getByTestId('plan-create').click();
  await assoc.locator('.ant-modal-content').getByLabel('计划名称').waitFor();
  // The screenshot after the modal's opening animation has finished.
  await assoc.locator('.ant-modal[class*="zoom"]').waitFor({ state: 'detached' });
  await shot(assoc, '09b-plan-form');
  await assoc.locator('.ant-modal-content').getByRole('button', { name: '取 消' }).or(assoc.locator('.ant-modal-content').getByRole('button', { name: '取消' })).click();

  // 8. The member opens 我的保障 in the app.
  const { page: phone } = await p.newPage(PHONE);
  await phone.goto(`${p.baseUrl}/member/login`);
  await phone.getByLabel('手机号或账号').fill(worker.phone);
  await phone.getByLabel('密码').fill(WORKER_PASSWORD);
  await phone.getByLabel('验证码').fill(await p.captchaAnswer(phone));
  await phone.getByRole('button', { name: '登录' }).click();
  await phone.waitForURL(/\/member\/?$/);
  await phone.getByTestId('tile-policies').click();
  await phone.waitForURL(/\/member\/policies$/);
  const card = phone.getByTestId('policy-card');
  await card.getByText(`${year}年度`, { exact: true }).waitFor();
  await card.getByTestId('policy-org').getByText(UNIT).waitFor();
  await card.getByTestId('policy-period').getByText(`${year}年12月31日`).waitFor();
  await phone.locator('.adm-toast-mask').waitFor({ state: 'hidden' });
  await shot(phone, '10-member-policy');

  // 9. The member leaves the unit: the policy stays, and says cover runs to the end of what was paid.
  const m = (await unitAdmin.get(`/api/members/${worker.member.id}`)).json();
  expect((await unitAdmin.post(`/api/members/${worker.member.id}/status`, { status: 'transferred_out', on: chinaToday(p.t.deps.now()), reason: '离职', version: m.version })).statusCode).toBe(200);
  await phone.reload();
  await phone.getByTestId('policy-left-note').getByText(`至${year}年12月31日期满`).waitFor();
  await shot(phone, '11-member-left');
});
