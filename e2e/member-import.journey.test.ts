import { readFileSync } from 'node:fs';
import { makeIdNumber } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startPlatform, type Platform } from './support/platform.js';

/**
 * Issue 3's journey: a base-union admin downloads the union's collection template, fills it in
 * (with rows a real person gets wrong), uploads it, reads the preview, confirms the import, and
 * downloads the result workbook to find every row's verdict beside it.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => p?.close());
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await p.shootAll(`failed-${ctx.task.name.slice(0, 20)}`);
});

const id = (birthDate: string, seq: number) => makeIdNumber({ birthDate, sex: 'male', addressCode: '370102', seq: seq * 2 + 1 });

it('downloads the template, uploads it filled with good and bad rows, previews, commits and reads the result file', async () => {
  const { page } = await p.newPage();
  await p.login(page, 'quancheng_admin', 'gh123456');
  await page.getByText('修改初始密码').first().waitFor();
  await page.getByLabel('原密码').fill('gh123456');
  await page.getByLabel('新密码', { exact: true }).fill('Quancheng#2026');
  await page.getByLabel('确认新密码').fill('Quancheng#2026');
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL(/\/admin\/(?!change-initial-password)/);

  // 1. The union's template, downloaded as the browser would.
  await page.goto(`${p.baseUrl}/admin/members`);
  const [templateDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载采集表/ }).or(page.getByRole('button', { name: /下载采集表/ })).first().click()]);
  expect(templateDownload.suggestedFilename()).toContain('会员信息采集表');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await templateDownload.path())!);
  const ws = wb.getWorksheet('会员信息')!;
  expect(ws.getCell('C1').value).toBe('*证件号码');
  const unit = (wb.getWorksheet('_lists')!.getCell(1, 13).value as string) ?? '';
  expect(unit).not.toBe('');

  // 2. Filled in by hand: two good rows and four a person gets wrong.
  const rows: ExcelJS.CellValue[][] = [
    ['浏览器甲', '居民身份证', id('1990-03-01', 1), null, null, '13811112222', '本科', '非农业', '否', '初级工', '山东省济南市历下区泉城路100号', '会员', unit, '2024-05-01'],
    ['浏览器乙', '居民身份证', id('1991-04-02', 2), null, null, '13811113333', '大专', '农业', '是', '中级工', '山东省济南市历下区解放路200号', '会员', unit, '2024-06-01'],
    ['校验错', '居民身份证', '370102199001010013', null, null, null, null, null, null, null, null, null, unit, null],
    ['科学计数', '居民身份证', 370102199001010000, null, null, null, null, null, null, null, null, null, unit, null],
    [{ formula: '"公"&"式"', result: '公式' } as ExcelJS.CellValue, '居民身份证', id('1992-05-03', 3), null, null, null, null, null, null, null, null, null, unit, null],
    ['地址短', '居民身份证', id('1993-06-04', 4), null, null, null, null, null, null, null, '济南', null, unit, null],
  ];
  rows.forEach((values, i) => values.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  const filledPath = `${(await templateDownload.path())!}-filled.xlsx`;
  await wb.xlsx.writeFile(filledPath);

  // 3. Uploaded through 模板导入会员; the task page opens and shows the preview.
  await page.getByRole('button', { name: /模板导入会员/ }).click();
  const modal = page.locator('.ant-modal-content').last();
  await modal.locator('input[type=file]').setInputFiles({ name: '泉城软件会员采集.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: readFileSync(filledPath) });
  // The chosen file listed, and the modal done opening, before the picture is taken.
  await modal.getByText('泉城软件会员采集.xlsx').waitFor();
  await page.waitForTimeout(400);
  await p.shot(page, 'import-01-upload');
  await modal.getByRole('button', { name: '上传并校验' }).click();
  await page.waitForURL(/\/admin\/member-imports\/[0-9a-f-]{36}/);
  await page.getByText('校验完成，请核对每一行的判定后确认导入').waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await page.getByTestId('verdict-card-new').innerText()).replace(/\s/g, '')).toContain('2行');
  expect((await page.getByTestId('verdict-card-error').innerText()).replace(/\s/g, '')).toContain('4行');
  await expect.poll(() => page.getByText('Excel改成了数字', { exact: false }).count()).toBeGreaterThan(0);
  await expect.poll(() => page.getByText('公式', { exact: false }).count()).toBeGreaterThan(0);
  await p.shot(page, 'import-02-preview');

  // 4. The preview's result file first, then 确认导入.
  await page.getByRole('button', { name: /确认导入/ }).first().click();
  await page.locator('.ant-popover, .ant-popconfirm').getByRole('button', { name: /确认导入/ }).click();
  await page.getByText('执行成功').first().waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await page.getByTestId('verdict-card-new').innerText()).replace(/\s/g, '')).toContain('已加入本工会');
  await p.shot(page, 'import-03-done');

  // 5. The result workbook: the uploaded file with a verdict per row.
  const [resultDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /下载导入结果/ }).or(page.getByRole('link', { name: /下载导入结果/ })).first().click()]);
  expect(resultDownload.suggestedFilename()).toBe('泉城软件会员采集_导入结果.xlsx');
  const result = new ExcelJS.Workbook();
  await result.xlsx.readFile((await resultDownload.path())!);
  const rs = result.getWorksheet('会员信息')!;
  const verdict = (r: number) => String(rs.getCell(r, 16).value ?? '');
  expect(verdict(1)).toBe('导入结果');
  expect(verdict(2)).toMatch(/^已新增，会员编号 \d{10}$/);
  expect(verdict(3)).toMatch(/^已新增，会员编号 \d{10}$/);
  expect(verdict(4)).toMatch(/^未导入：.*校验/);
  expect(verdict(5)).toContain('Excel改成了数字');
  expect(verdict(6)).toContain('公式');
  expect(verdict(7)).toContain('联系地址须超过6个汉字');
  expect(rs.getCell('A2').value).toBe('浏览器甲');

  // 6. The new members are in the registry; the task is in the task list.
  await page.goto(`${p.baseUrl}/admin/members`);
  await page.getByText('浏览器甲').first().waitFor();
  await page.goto(`${p.baseUrl}/admin/member-imports`);
  await page.getByText('泉城软件会员采集.xlsx').first().waitFor();
  await p.shot(page, 'import-04-task-list');
});
