import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Issue 2's journey: a district admin logs in (changing the seeded password), creates a base union
 * and issues its activation code; a new person registers with an SMS code, binds the post, logs in
 * again as the new base-union admin, changes the password and edits the union.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.close());
// A failed journey leaves pictures of where every page stood.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll(`failed-${ctx.task.name.slice(0, 20)}`);
});

const NEW_UNION = '济南趵突泉科技有限公司工会';
/** Set by the security admin's reset in the second journey; the base-union admin uses it in the third. */
let quanchengTemporaryPassword = '';

async function changePassword(page: Page, current: string, next: string) {
  await page.getByLabel('原密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await page.getByRole('button', { name: '保存' }).click();
}

it('district admin issues a code; a new person registers, binds the post, and runs the union', async () => {
  const { page } = await p.newPage();

  // 1. The district admin logs in with the seeded password and must change it first.
  await p.login(page, 'lixia_admin', 'gh123456');
  await page.getByText('修改初始密码').first().waitFor();
  await p.shot(page, 'journey-01-forced-password-change');
  await changePassword(page, 'gh123456', 'weakpass');
  await expect.poll(() => page.getByText('需包含大写字母、小写字母、数字、符号中的至少3类').count()).toBeGreaterThan(0);
  await changePassword(page, 'gh123456', 'Lixia#Admin2026');
  await page.getByText('组织树').waitFor();
  await p.shot(page, 'journey-02-org-tree');

  // 2. It creates a base union under a street union and issues that union's post activation code.
  await page.getByRole('tree').getByText('历下区总工会').click();
  // The tree opens its root by itself once loaded; open it by hand only if it has not.
  const street = page.getByRole('tree').getByText('泉城路街道总工会');
  await street.waitFor({ timeout: 5000 }).catch(() => page.locator('.ant-tree-switcher_close').first().click());
  await street.click();
  await page.getByRole('button', { name: '新建下级组织' }).click();
  const drawer = page.locator('.ant-drawer-content').last();
  await drawer.getByLabel('组织类型').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '基层工会' }).first().click();
  await drawer.getByLabel('工会名称').fill(NEW_UNION);
  await drawer.getByLabel('联系电话').fill('12345');
  await drawer.getByRole('button', { name: /保\s*存|确\s*定|提\s*交/ }).click();
  await expect.poll(() => drawer.getByText('联系电话应为11位手机号或带区号的固定电话', { exact: false }).count()).toBeGreaterThan(0);
  await drawer.getByText('联系电话应为11位手机号或带区号的固定电话', { exact: false }).scrollIntoViewIfNeeded();
  await p.shot(page, 'journey-03-create-union-invalid');
  await drawer.getByLabel('联系电话').fill('0531-86001234');
  await drawer.getByRole('button', { name: /保\s*存|确\s*定|提\s*交/ }).click();
  await page.getByRole('heading', { name: NEW_UNION }).or(page.getByText(NEW_UNION).first()).first().waitFor();
  await page.getByRole('tab', { name: '岗位激活码' }).click();
  await page.getByRole('button', { name: '签发激活码' }).click();
  await page.locator('.ant-modal-content').getByRole('button', { name: /签\s*发|确\s*定/ }).last().click();
  const code = (await page.getByTestId('issued-code').innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await p.shot(page, 'journey-04-issued-code');
  await page.keyboard.press('Escape');

  // 3. A new person registers an account with a phone code.
  const { page: newcomer } = await p.newPage();
  await newcomer.goto(`${p.baseUrl}/admin/`);
  await newcomer.getByText('注册账号').first().click();
  // The register form replaces the login form: wait for it, or typing lands in the old one.
  await newcomer.getByLabel('姓名').waitFor();
  await newcomer.getByLabel('用户名').fill('baotu_admin');
  await newcomer.getByLabel('姓名').fill('李泉');
  await newcomer.getByLabel('手机号').fill('13905310001');
  await newcomer.getByLabel('图形验证码').fill(await p.captchaAnswer(newcomer));
  await newcomer.getByRole('button', { name: /获取验证码|获取短信验证码/ }).click();
  await expect.poll(() => p.t.sms.lastCode('13905310001')).not.toBeNull();
  await newcomer.getByLabel('短信验证码').fill(p.t.sms.lastCode('13905310001')!);
  await newcomer.getByLabel('密码', { exact: true }).fill('Baotu#Quan2026');
  await newcomer.getByLabel('确认密码').fill('Baotu#Quan2026');
  await p.shot(newcomer, 'journey-05-register');
  await newcomer.getByRole('button', { name: '注册', exact: true }).click();

  // 4. With no post yet, the only thing to do is to bind one with the code.
  await newcomer.getByText('尚未绑定岗位').first().waitFor();
  await newcomer.getByLabel('岗位激活码').fill('WRNG-CODE-0000');
  await newcomer.getByRole('button', { name: '绑定' }).click();
  await expect.poll(() => newcomer.getByText('岗位激活码无效、已使用、已撤销或已过期').count()).toBeGreaterThan(0);
  await newcomer.getByLabel('岗位激活码').fill(code.toLowerCase());
  await newcomer.getByRole('button', { name: '绑定' }).click();
  await newcomer.getByText(NEW_UNION).first().waitFor();
  await p.shot(newcomer, 'journey-06-bound');

  // 5. The new base-union admin logs in again, changes the password, and edits the union.
  await newcomer.getByText('退出登录').click();
  await p.login(newcomer, 'baotu_admin', 'Baotu#Quan2026');
  await newcomer.getByRole('tree').getByText(NEW_UNION).waitFor();
  await newcomer.getByText('修改密码').first().click();
  await changePassword(newcomer, 'Baotu#Quan2026', 'Baotu#Spring2027');
  await expect.poll(() => newcomer.getByText(/密码已修改|修改成功/).count()).toBeGreaterThan(0);
  await newcomer.getByText('组织架构').first().click();
  await newcomer.getByRole('tree').getByText(NEW_UNION).click();
  // A base union's own changes go to its upper union for review (seed 002 §2): nothing changes until then.
  await newcomer.getByRole('button', { name: '修改' }).click();
  const edit = newcomer.locator('.ant-drawer-content').last();
  await edit.getByLabel('工会负责人').fill('李泉');
  await edit.getByLabel('职工人数').fill('86');
  await edit.getByRole('button', { name: /提\s*交审核/ }).click();
  await edit.waitFor({ state: 'hidden' });
  await newcomer.getByText(/组织信息修改审核中|修改审核中/).first().waitFor();
  expect(await newcomer.locator('.ant-descriptions').getByText('李泉').count()).toBe(0);
  await p.shot(newcomer, 'journey-07-union-modification-submitted');

});

/** Platform operators: the forced second factor, the security admin's accounts page and the audit admin's chain check. */
async function enrolTotp(page: Page, shot: string) {
  await page.getByRole('button', { name: '开始绑定' }).click();
  const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
  await page.getByTestId('totp-qr').waitFor();
  await p.shot(page, shot);
  const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate();
  await page.getByLabel('动态验证码').fill(code);
  await page.getByRole('button', { name: '确认绑定' }).click();
}

it('platform operators enrol a second factor; the security admin resets a password; the audit admin checks the chain', async () => {
  const { page } = await p.newPage();
  await p.login(page, 'city_security', 'gh123456');
  await changePassword(page, 'gh123456', 'City#Security2026');
  await page.getByText('绑定身份验证器').first().waitFor();
  await enrolTotp(page, 'journey-08-totp-enrol');
  await page.getByText('账号管理').first().click();
  await page.getByText('quancheng_admin').waitFor();
  await p.shot(page, 'journey-09-accounts');
  await page.getByRole('row', { name: /quancheng_admin/ }).getByText('重置密码').click();
  await page.getByRole('button', { name: '确认重置' }).click();
  const temp = (await page.getByTestId('temp-password').innerText()).trim();
  expect(temp.length).toBeGreaterThanOrEqual(8);
  quanchengTemporaryPassword = temp;
  await p.shot(page, 'journey-10-temp-password');

  const { page: auditor } = await p.newPage();
  await p.login(auditor, 'city_audit', 'gh123456');
  await changePassword(auditor, 'gh123456', 'City#Audit2026');
  await auditor.getByText('绑定身份验证器').first().waitFor();
  await enrolTotp(auditor, 'journey-11-totp-enrol-audit');
  await auditor.getByRole('button', { name: '校验审计链' }).click();
  await expect.poll(() => auditor.getByTestId('audit-verify-result').innerText()).toContain('审计链完整');
  await auditor.getByRole('cell', { name: '上级重置密码' }).first().waitFor();
  // The first journey's change to the union is there, submitted for review by its new admin.
  await auditor.getByLabel('操作人').fill('baotu_admin');
  await auditor.getByRole('button', { name: '查询' }).click();
  await auditor.getByRole('cell', { name: '提交审核' }).first().waitFor();
  await p.shot(auditor, 'journey-12-audit-log');
});

it('a base-union admin adds a member (the ID gives sex and birth date) and confirms the annual inspection', async () => {
  // The city federation opens the campaign (its own journey above covers the console for it).
  const city = await p.t.as('city_admin');
  expect((await city.post('/api/inspections', { year: 2026, kind: 'member', deadline: '2099-12-31' })).statusCode).toBe(201);

  const { page } = await p.newPage();
  // Its password was reset by the security admin in the journey above: the temporary one must be changed.
  await p.login(page, 'quancheng_admin', quanchengTemporaryPassword);
  await changePassword(page, quanchengTemporaryPassword, 'Quancheng#2026');
  await page.getByText('组织树').waitFor();
  await page.getByText('会员信息').first().click();
  await page.getByRole('button', { name: '新增会员' }).click();
  const drawer = page.locator('.ant-drawer-content').last();
  await drawer.getByLabel('姓名').fill('王秀英');
  await drawer.getByLabel('证件号码').fill('340524198001010013');
  await drawer.getByLabel('姓名').click();
  await expect.poll(() => drawer.getByText(/校验/).count()).toBeGreaterThan(0);
  await p.shot(page, 'journey-13-member-id-error');
  await drawer.getByLabel('证件号码').fill('11010519491231002x');
  await drawer.getByLabel('姓名').click();
  await expect.poll(() => drawer.getByTestId('derived-birth-date').inputValue()).toBe('1949-12-31');
  expect(await drawer.getByTestId('derived-sex').inputValue()).toBe('女');
  await drawer.getByLabel('移动电话').fill('13905312222');
  await drawer.getByRole('button', { name: '保存' }).click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByText('1101**********002X').waitFor();
  await expect.poll(() => page.getByText('139****2222').count()).toBeGreaterThan(0);
  await p.shot(page, 'journey-14-members');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载采集表' }).click()]);
  expect(download.suggestedFilename()).toBe('济南泉城软件有限公司工会_会员信息采集表.xlsx');

  await page.getByText('年检管理').first().click();
  await page.getByRole('button', { name: '确认已完成更新' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认' }).click();
  await page.getByText('本单位已确认完成更新').waitFor();
  await p.shot(page, 'journey-15-inspection-confirmed');
});
