import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.js';
import { DATA_SHEET, TEMPLATE_ID } from './member-template.js';

let t: TestContext;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestContext();
  admin = await t.as('quancheng_admin');
});
afterAll(async () => t?.close());

it("gives the union's template: required headers with notes, text ID column, drop-downs, an example and a marker", async () => {
  const base = await t.orgId('济南泉城软件有限公司工会');
  const r = await admin.get(`/api/orgs/${base}/members/template`);
  expect(r.statusCode).toBe(200);
  expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('济南泉城软件有限公司工会_会员信息采集表.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(DATA_SHEET)!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1);
  expect(headers.slice(0, 3)).toEqual(['*姓名', '*证件类型', '*证件号码']);
  expect(ws.getCell('C1').note).toBeTruthy();
  expect(JSON.stringify(ws.getCell('C1').note)).toContain('文本格式');
  expect(ws.getColumn(3).numFmt).toBe('@');
  expect(ws.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('_lists')] });
  const lists = wb.getWorksheet('_lists')!;
  expect(lists.getColumn(2).values.filter(Boolean)).toContain('居民身份证');
  expect(lists.getColumn(13).values.filter(Boolean)).toEqual(['济南泉城软件有限公司']);
  expect(wb.getWorksheet('_meta')!.getCell('A1').value).toBe(TEMPLATE_ID);
  const guide = wb.getWorksheet('填写说明')!;
  const example = guide.getRow(guide.rowCount).values as unknown[];
  expect(example).toContain('11010519491231002X');
  // Only the union's own operators, only for base unions.
  expect((await admin.get(`/api/orgs/${await t.orgId('济南明湖餐饮管理有限公司工会')}/members/template`)).statusCode).toBe(404);
  const district = await t.as('lixia_admin');
  expect((await district.get(`/api/orgs/${await t.orgId('历下区总工会')}/members/template`)).json().code).toBe('NOT_A_BASE_UNION');
});
