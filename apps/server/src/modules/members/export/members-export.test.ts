import { makeIdNumber } from '@gonghui/contracts';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditLog } from '../../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.js';

let t: TestContext;
let admin: TestClient;
const ids: string[] = [];
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  admin = await t.as('quancheng_admin');
  const base = await t.orgId('济南泉城软件有限公司工会');
  for (let i = 0; i < 3; i++) {
    const idNumber = makeIdNumber({ birthDate: `1988-0${i + 1}-15`, sex: 'female', addressCode: '370102' });
    ids.push(idNumber);
    const r = await admin.post(`/api/orgs/${base}/members`, {
      idType: 'resident_id',
      idNumber,
      name: `导出测试${i}`,
      phone: `1355555000${i}`,
      address: i === 0 ? '=HYPERLINK("http://evil.example","点我")' : '山东省济南市历下区泉城路8号',
    });
    expect(r.statusCode).toBe(201);
  }
  // Someone outside the subtree, who must not appear.
  const other = await t.as('shizhong_admin');
  await other.post(`/api/orgs/${await t.orgId('济南大观园商业管理有限公司工会')}/members`, { idType: 'resident_id', idNumber: '360426199101010071', name: '导出测试外' });
});
afterAll(async () => t?.close());

async function sheetOf(body: unknown, client = admin) {
  const r = await client.post('/api/members/export', body);
  return { r, rows: r.statusCode === 200 ? await rowsOf(r.rawPayload) : [] };
}
async function rowsOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('会员信息')!;
  const out: { values: string[]; idCell: ExcelJS.Cell }[] = [];
  ws.eachRow((row) => out.push({ values: (row.values as unknown[]).slice(1).map((v) => String(v ?? '')), idCell: row.getCell(5) }));
  return out;
}

it('exports the search masked by default, with the watermark, IDs as text and formulas neutralised', async () => {
  const { r, rows } = await sheetOf({ name: '导出测试' });
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-disposition']).toContain('.xlsx');
  expect(rows[0].values[0]).toMatch(/^导出人：泉城软件工会经办人（quancheng_admin） 导出时间：/);
  expect(rows[1].values.slice(0, 5)).toEqual(['会员编号', '姓名', '性别', '证件类型', '证件号码']);
  const data = rows.slice(2);
  expect(data.map((d) => d.values[1]).sort()).toEqual(['导出测试0', '导出测试1', '导出测试2']);
  for (const d of data) {
    expect(d.values[4]).toMatch(/^3701\*{10}\d{3}[\dX]$/);
    expect(d.values[5]).toMatch(/^135\*{4}\d{4}$/);
    expect(d.idCell.numFmt).toBe('@');
  }
  const evil = data.find((d) => d.values[1] === '导出测试0')!;
  expect(evil.values[6]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
  const [audit] = (await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'member.exported'))).slice(-1);
  expect(audit.after).toMatchObject({ full: false, rows: 3 });
});

it('gives full numbers only with a reason, audited', async () => {
  const noReason = await admin.post('/api/members/export', { name: '导出测试', full: true });
  expect(noReason.json().details[0]).toMatchObject({ path: 'reason', message: '导出完整号码须填写原因' });
  const { rows } = await sheetOf({ name: '导出测试', full: true, reason: '报送会员服务卡' });
  expect(rows.slice(2).map((d) => d.values[4]).sort()).toEqual([...ids].sort());
  expect(rows[0].values[0]).toContain('含完整号码');
  const [audit] = (await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'member.exported'))).slice(-1);
  expect(audit.after).toMatchObject({ full: true, reason: '报送会员服务卡', rows: 3 });
  expect(JSON.stringify(audit)).not.toContain(ids[0]);
});

it('keeps to the subtree and to those who may read members', async () => {
  const district = await t.as('lixia_admin');
  const { rows } = await sheetOf({ name: '导出测试' }, district);
  expect(rows.slice(2).map((d) => d.values[1])).not.toContain('导出测试外');
  const auditor = await t.as('city_audit');
  expect((await auditor.post('/api/members/export', {})).statusCode).toBe(403);
});
