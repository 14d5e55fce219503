import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { makeIdNumber, type ImportTask } from '@gonghui/contracts';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { auditLog } from '../../../platform/audit/audit.table.js';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.js';
import { workUnits } from '../../organisations/organisations.table.js';
import { membershipEvents, persons } from '../members.table.js';
import { purgeExpiredImports } from './member-imports.jobs.js';
import { memberImportRows, memberImports } from './member-imports.table.js';

let t: TestContext;
let quancheng: TestClient;
let base: string;
let template: Buffer;
let unitName: string;
beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  quancheng = await t.as('quancheng_admin');
  base = await t.orgId('济南泉城软件有限公司工会');
  const r = await quancheng.get(`/api/orgs/${base}/members/template`);
  expect(r.statusCode).toBe(200);
  template = r.rawPayload;
  const [u] = await t.deps.db.select({ name: workUnits.name }).from(workUnits).where(eq(workUnits.orgId, base)).orderBy(workUnits.name);
  unitName = u.name;
});
afterAll(async () => t?.close());

const id = (birthDate: string, seq: number, sex: 'male' | 'female' = 'male') => makeIdNumber({ birthDate, sex, addressCode: '370102', seq: seq * 2 + (sex === 'male' ? 1 : 0) });

/** The union's template with these rows filled in from row 2, as a person would in Excel. */
async function filled(rows: ExcelJS.CellValue[][], from: Buffer = template): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(from as never);
  const ws = wb.getWorksheet('会员信息')!;
  rows.forEach((values, i) => values.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row in template column order. */
const row = (name: ExcelJS.CellValue, idNumber: ExcelJS.CellValue, extra: { phone?: string; address?: string; unit?: string; idType?: string } = {}) => [
  name,
  extra.idType ?? '居民身份证',
  idNumber,
  null,
  null,
  extra.phone ?? null,
  '本科',
  '非农业',
  '否',
  '初级工',
  extra.address ?? '山东省济南市历下区泉城路188号',
  '会员',
  extra.unit ?? unitName,
  '2024-05-01',
  null,
];

async function settle(c: TestClient, taskId: string): Promise<ImportTask> {
  for (let i = 0; i < 600; i++) {
    const task = (await c.get(`/api/member-imports/${taskId}`)).json() as ImportTask;
    if (!['queued', 'checking', 'committing'].includes(task.status)) return task;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('task did not settle');
}

async function rows(c: TestClient, taskId: string) {
  const res = await c.get(`/api/member-imports/${taskId}/rows?pageSize=100`);
  return res.json().items as { rowNo: number; verdict: string; name: string | null; idNumberMasked: string | null; message: string; memberNo: string | null }[];
}

/** The result column of a downloaded workbook, by row number. */
async function resultColumn(buf: Buffer): Promise<Map<number, string>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const ws = wb.getWorksheet('会员信息')!;
  const out = new Map<number, string>();
  ws.eachRow((r, n) => {
    const v = r.getCell(16).value;
    if (v != null) out.set(n, String(v));
  });
  return out;
}

describe('importing a filled template', () => {
  const other = id('1985-03-04', 11);
  const here = id('1979-11-30', 12, 'female');
  let taskId: string;
  let file: Buffer;

  it('previews every row as new, update, conflict or error, with the reason, before writing anything', async () => {
    const shizhong = await t.as('shizhong_admin');
    const daguanyuan = await t.orgId('济南大观园商业管理有限公司工会');
    expect((await shizhong.post(`/api/orgs/${daguanyuan}/members`, { idType: 'resident_id', idNumber: other, name: '冲突人' })).statusCode).toBe(201);
    expect((await quancheng.post(`/api/orgs/${base}/members`, { idType: 'resident_id', idNumber: here, name: '老会员', phone: '13700000009' })).statusCode).toBe(201);
    const newOne = id('1990-01-02', 1);
    file = await filled([
      row('张新一', newOne, { phone: '13800000001' }),
      row('李新二', id('1992-06-15', 2, 'female')),
      row('王错号', '370102199001020013'),
      row('赵数字', 370102199001020000),
      row({ formula: '"公"&"式"', result: '公式' } as ExcelJS.CellValue, id('1993-01-01', 3)),
      row('钱重号', id('1994-01-01', 4), { phone: '13800000001' }),
      row('冲突人', other),
      row('老会员', here, { phone: '13700000010' }),
      row('孙短址', id('1995-01-01', 5), { address: '济南' }),
      row('张新一', newOne, { phone: '13800000002' }),
    ]);
    const personsBefore = (await t.deps.db.select({ n: count() }).from(persons))[0].n;
    const up = await quancheng.upload(`/api/orgs/${base}/member-imports`, file, '泉城软件会员.xlsx');
    expect(up.statusCode).toBe(202);
    expect(up.json()).toMatchObject({ duplicate: false, task: { kind: 'template', fileName: '泉城软件会员.xlsx', orgName: '济南泉城软件有限公司工会' } });
    taskId = up.json().task.id;
    const task = await settle(quancheng, taskId);
    expect(task).toMatchObject({ status: 'ready', counts: { total: 10, new: 2, update: 1, conflict: 1, error: 6 }, hasResultFile: true });
    const byRow = new Map((await rows(quancheng, taskId)).map((r) => [r.rowNo, r]));
    expect(byRow.get(2)).toMatchObject({ verdict: 'new', name: '张新一', message: '校验通过，确认导入后新增' });
    expect(byRow.get(2)!.idNumberMasked).toMatch(/^3701\*+\d{3}[\dX]$/);
    expect(byRow.get(4)).toMatchObject({ verdict: 'error', message: expect.stringContaining('校验') });
    expect(byRow.get(5)).toMatchObject({ verdict: 'error', message: expect.stringContaining('Excel改成了数字') });
    expect(byRow.get(5)!.message).not.toContain('请填写证件号码');
    expect(byRow.get(6)).toMatchObject({ verdict: 'error', message: expect.stringContaining('公式') });
    expect(byRow.get(6)!.message).not.toContain('请填写姓名');
    expect(byRow.get(7)).toMatchObject({ verdict: 'error', message: expect.stringContaining('移动电话与第2行重复') });
    expect(byRow.get(8)).toMatchObject({ verdict: 'conflict', message: '冲突：此人已是「济南大观园商业管理有限公司工会」的会员，请通过转会办理', memberNo: null });
    expect(byRow.get(9)).toMatchObject({ verdict: 'update', message: expect.stringContaining('已是本工会会员') });
    expect(byRow.get(10)).toMatchObject({ verdict: 'error', message: expect.stringContaining('联系地址须超过6个汉字') });
    expect(byRow.get(11)).toMatchObject({ verdict: 'error', message: expect.stringContaining('证件号码与第2行重复') });
    const errorsOnly = (await quancheng.get(`/api/member-imports/${taskId}/rows?verdict=error`)).json();
    expect(errorsOnly.total).toBe(6);
    // Nothing written yet, and the staging rows keep no number in clear.
    expect((await t.deps.db.select({ n: count() }).from(persons))[0].n).toBe(personsBefore);
    const staged = await t.deps.db.select().from(memberImportRows).where(eq(memberImportRows.importId, taskId));
    expect(JSON.stringify(staged)).not.toContain(newOne);
    expect(JSON.stringify(staged)).not.toContain('13800000001');
  });

  it('gives the uploaded workbook back with a verdict column, the file itself unchanged', async () => {
    const r = await quancheng.get(`/api/member-imports/${taskId}/result`);
    expect(r.statusCode).toBe(200);
    expect(decodeURIComponent(String(r.headers['content-disposition']))).toContain('泉城软件会员_校验结果.xlsx');
    const col = await resultColumn(r.rawPayload);
    expect(col.get(1)).toBe('校验结果');
    expect(col.get(2)).toBe('校验通过，确认导入后新增');
    expect(col.get(5)).toContain('Excel改成了数字');
    expect(col.get(8)).toContain('济南大观园商业管理有限公司工会');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as never);
    const ws = wb.getWorksheet('会员信息')!;
    expect(ws.getCell('A2').value).toBe('张新一');
    expect(ws.getCell('A1').value).toBe('*姓名');
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['会员信息', '填写说明']));
  });

  it('commits all valid rows in one go, numbers the new members and says so per row', async () => {
    const c = await quancheng.post(`/api/member-imports/${taskId}/commit`);
    expect(c.statusCode).toBe(202);
    const task = await settle(quancheng, taskId);
    expect(task).toMatchObject({ status: 'done', counts: { new: 2, update: 1, conflict: 1, error: 6 } });
    expect(task.committedAt).not.toBeNull();
    const found = (await quancheng.get(`/api/members?name=${encodeURIComponent('张新一')}`)).json();
    expect(found.total).toBe(1);
    const byRow = new Map((await rows(quancheng, taskId)).map((r) => [r.rowNo, r]));
    expect(byRow.get(2)!.memberNo).toBe(found.items[0].memberNo);
    expect(byRow.get(2)!.message).toBe(`已新增，会员编号 ${found.items[0].memberNo}`);
    // The member already here was updated: the file's new phone finds them.
    const updated = (await quancheng.get('/api/members?phone=13700000010')).json();
    expect(updated.items.map((m: { name: string }) => m.name)).toEqual(['老会员']);
    // The conflicting person stayed where they were.
    const stayed = (await (await t.as('shizhong_admin')).get(`/api/members?idNumber=${other}`)).json();
    expect(stayed.items[0].orgName).toBe('济南大观园商业管理有限公司工会');
    const detail = (await quancheng.get(`/api/members/${found.items[0].id}`)).json();
    expect(detail.history[0]).toMatchObject({ toStatus: 'joined', on: '2024-05-01', reason: '模板导入会员（泉城软件会员.xlsx）' });
    const col = await resultColumn((await quancheng.get(`/api/member-imports/${taskId}/result`)).rawPayload);
    expect(col.get(1)).toBe('导入结果');
    expect(col.get(2)).toBe(`已新增，会员编号 ${found.items[0].memberNo}`);
    expect(col.get(9)).toMatch(/^已更新，会员编号 \d{10}$/);
    expect(col.get(4)).toMatch(/^未导入：/);
    const [audit] = await t.deps.db.select().from(auditLog).where(eq(auditLog.action, 'member.imported'));
    expect(audit.after).toMatchObject({ added: 2, updated: 1, skippedConflicts: 1, skippedErrors: 6 });
  });

  it('does no harm when the same file comes again or the commit is repeated', async () => {
    const again = await quancheng.upload(`/api/orgs/${base}/member-imports`, file, '泉城软件会员(1).xlsx');
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ duplicate: true, task: { id: taskId, status: 'done' } });
    const twice = await quancheng.post(`/api/member-imports/${taskId}/commit`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('IMPORT_NOT_READY');
    expect((await quancheng.get(`/api/members?name=${encodeURIComponent('张新一')}`)).json().total).toBe(1);
  });

  it('lets only one of two simultaneous confirmations write', async () => {
    const up = await quancheng.upload(`/api/orgs/${base}/member-imports`, await filled([row('周并发', id('1988-08-08', 21))]));
    const task = await settle(quancheng, up.json().task.id);
    expect(task, task.error ?? '').toMatchObject({ status: 'ready' });
    const [a, b] = await Promise.all([quancheng.post(`/api/member-imports/${task.id}/commit`), quancheng.post(`/api/member-imports/${task.id}/commit`)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([202, 409]);
    expect(await settle(quancheng, task.id)).toMatchObject({ status: 'done', counts: { new: 1 } });
    expect((await quancheng.get(`/api/members?name=${encodeURIComponent('周并发')}`)).json().total).toBe(1);
  });

  it('cancels a previewed task, forgetting its rows and file, and then takes the file anew', async () => {
    const f = await filled([row('吴取消', id('1987-07-07', 22))]);
    const up = await quancheng.upload(`/api/orgs/${base}/member-imports`, f);
    const task = await settle(quancheng, up.json().task.id);
    const c = await quancheng.post(`/api/member-imports/${task.id}/cancel`);
    expect(c.json().status).toBe('cancelled');
    // Submitting and cancelling are both on the record.
    const audited = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, task.id));
    expect(audited.map((a) => a.action).sort()).toEqual(['member.import_cancelled', 'member.import_submitted']);
    expect((await t.deps.db.select({ n: count() }).from(memberImportRows).where(eq(memberImportRows.importId, task.id)))[0].n).toBe(0);
    expect(readdirSync(join(t.deps.config.dataDir, 'files'))).not.toContain(`${task.id}.bin`);
    expect((await quancheng.post(`/api/member-imports/${task.id}/commit`)).statusCode).toBe(409);
    const again = await quancheng.upload(`/api/orgs/${base}/member-imports`, f);
    expect(again.json().duplicate).toBe(false);
    const settled = await settle(quancheng, again.json().task.id);
    expect(settled, settled.error ?? '').toMatchObject({ status: 'ready' });
  });

  it('deletes uploads and row results after the retention period, keeping the task in the list', async () => {
    expect(await purgeExpiredImports(t.deps)).toBe(0);
    const later = new Date(Date.now() + 31 * 86_400_000);
    const purged = await purgeExpiredImports(t.deps, later);
    expect(purged).toBeGreaterThanOrEqual(3);
    expect(readdirSync(join(t.deps.config.dataDir, 'files'))).toEqual([]);
    expect((await t.deps.db.select({ n: count() }).from(memberImportRows))[0].n).toBe(0);
    const task = (await quancheng.get(`/api/member-imports/${taskId}`)).json();
    expect(task).toMatchObject({ status: 'done', hasResultFile: false, counts: { new: 2 } });
    const gone = await quancheng.get(`/api/member-imports/${taskId}/result`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().message).toContain('30天后删除');
    expect(await purgeExpiredImports(t.deps, later)).toBe(0);
  });

  it('lists the tasks of the subtree with their status, newest first, and filters them', async () => {
    const lixia = await t.as('lixia_admin');
    const list = (await lixia.get('/api/member-imports?pageSize=50')).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect(list.items[0].submittedAt >= list.items[1].submittedAt).toBe(true);
    expect(list.items.every((x: ImportTask) => x.orgName === '济南泉城软件有限公司工会')).toBe(true);
    // One cancelled by hand, one preview left waiting that the retention purge cancelled.
    expect((await lixia.get('/api/member-imports?status=cancelled')).json().total).toBe(2);
    expect((await lixia.get('/api/member-imports?from=2000-01-01&to=2000-01-02')).json().total).toBe(0);
    const shizhong = await t.as('shizhong_admin');
    expect((await shizhong.get('/api/member-imports')).json().total).toBe(0);
    expect((await shizhong.get(`/api/member-imports/${taskId}`)).statusCode).toBe(404);
    expect((await shizhong.get(`/api/member-imports/${taskId}/result`)).statusCode).toBe(404);
    expect((await shizhong.get(`/api/member-imports/${taskId}/rows`)).statusCode).toBe(404);
  });
});

describe('files that cannot be imported', () => {
  async function refused(buf: Buffer, filename = 'x.xlsx') {
    const files = () => readdirSync(join(t.deps.config.dataDir, 'files')).length;
    const [before, filesBefore] = [(await t.deps.db.select({ n: count() }).from(memberImports))[0].n, files()];
    const r = await quancheng.upload(`/api/orgs/${base}/member-imports`, buf, filename);
    // No task, and nothing left behind on disk.
    expect((await t.deps.db.select({ n: count() }).from(memberImports))[0].n).toBe(before);
    expect(files()).toBe(filesBefore);
    return r;
  }

  it('answers at once, writing nothing, for what is not a safe .xlsx', async () => {
    const empty = await refused(Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'FILE_REJECTED', message: expect.stringContaining('文件是空的') });
    expect((await refused(Buffer.from('姓名,证件号码\n张三,110105194912310021\n'), 'a.csv')).json().message).toBe('只能上传 .xlsx 格式的会员信息采集表（所选文件为 .csv）');
    // Renamed to .xlsx, the content still gives itself away.
    expect((await refused(Buffer.from('姓名,证件号码\n张三,110105194912310021\n'), 'a.xlsx')).json().message).toContain('CSV');
    expect((await refused(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]), 'old.xlsx')).json().message).toContain('.xls');
    expect((await refused(template, '会员信息采集表')).json().message).toBe('只能上传 .xlsx 格式的会员信息采集表');
    expect((await refused(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(300, 7)]))).json().message).toContain('已损坏');
    expect((await refused(template.subarray(0, template.length - 200))).json().message).toContain('已损坏');
    expect((await refused(Buffer.from('<html><script>alert(1)</script></html>'))).json().message).toContain('不是 Excel 工作簿');
    const json = await quancheng.post(`/api/orgs/${base}/member-imports`, { file: 'AAAA' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('FILE_MISSING');
  });

  it('refuses a zip bomb from its sizes, before inflating it', async () => {
    // 401 MB of zeros in a few hundred kilobytes.
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from('<Types/>'), '[Content_Types].xml');
    zip.addBuffer(Buffer.from('<workbook/>'), 'xl/workbook.xml');
    const chunk = Buffer.alloc(1024 * 1024);
    let left = 401;
    zip.addReadStream(new Readable({ read() { this.push(left-- > 0 ? chunk : null); } }), 'xl/worksheets/sheet1.xml', { compressionLevel: 1 });
    zip.end();
    const parts: Buffer[] = [];
    for await (const c of zip.outputStream) parts.push(c as Buffer);
    const bomb = Buffer.concat(parts);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const r = await refused(bomb, 'bomb.xlsx');
    expect(r.statusCode).toBe(400);
    expect(r.json().message).toContain('压缩炸弹');
  });

  it('refuses a file over 20 MB', async () => {
    const r = await refused(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(21 * 1024 * 1024, 1)]));
    expect(r.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(r.statusCode).toBe(413);
    expect(r.json().code).toBe('FILE_TOO_LARGE');
  });

  it('fails the task, writing nothing, for a wrong template or an empty one, and says why', async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet('会员信息').addRow(['姓名', '身份证号', '电话']);
    other.getWorksheet('会员信息')!.addRow(['张三', '110105194912310021', '13800000000']);
    const wrong = await quancheng.upload(`/api/orgs/${base}/member-imports`, Buffer.from(await other.xlsx.writeBuffer()));
    expect(await settle(quancheng, wrong.json().task.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('不是本平台的会员信息采集表'), hasResultFile: false });
    const none = await quancheng.upload(`/api/orgs/${base}/member-imports`, template);
    expect(await settle(quancheng, none.json().task.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('没有会员数据') });
    expect((await quancheng.post(`/api/member-imports/${none.json().task.id}/commit`)).statusCode).toBe(409);
  });

  it('keeps uploads out of reach of those outside the subtree and those who may not write members', async () => {
    const shizhong = await t.as('shizhong_admin');
    const r = await shizhong.upload(`/api/orgs/${base}/member-imports`, template);
    expect(r.statusCode).toBe(404);
    const lixia = await t.as('lixia_admin');
    const district = await t.orgId('历下区总工会');
    const notBase = await lixia.upload(`/api/orgs/${district}/member-imports`, template);
    expect(notBase.json().code).toBe('NOT_A_BASE_UNION');
  });
});

describe('importing by organisation code (seed 002 4.1 3)', () => {
  it('finds persons whose work unit carries the code, previews them and adds those not in a union', async () => {
    const shizhong = await t.as('shizhong_admin');
    const daguanyuan = await t.orgId('济南大观园商业管理有限公司工会');
    const [unit] = await t.deps.db.select().from(workUnits).where(eq(workUnits.orgId, daguanyuan));
    const code = unit.orgCode!;
    expect(code).toMatch(/^[0-9A-Z]{9}$/);
    const left = (await shizhong.post(`/api/orgs/${daguanyuan}/members`, { idType: 'resident_id', idNumber: id('1980-02-02', 31), name: '离职人', workUnitId: unit.id, joinedOn: '2020-01-01' })).json();
    const out = await shizhong.post(`/api/members/${left.id}/status`, { status: 'transferred_out', on: '2025-01-01', reason: '离职', version: left.version });
    expect(out.statusCode).toBe(200);
    await shizhong.post(`/api/orgs/${daguanyuan}/members`, { idType: 'resident_id', idNumber: id('1981-03-03', 32), name: '在职人', workUnitId: unit.id });

    const bad = await quancheng.post(`/api/orgs/${base}/member-imports/org-code`, { orgCode: '12345678-0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].message).toContain('校验');
    const r = await quancheng.post(`/api/orgs/${base}/member-imports/org-code`, { orgCode: code });
    expect(r.statusCode).toBe(202);
    const task = await settle(quancheng, r.json().task.id);
    expect(task).toMatchObject({ kind: 'org_code', status: 'ready', counts: { total: 2, new: 1, conflict: 1 }, hasResultFile: false });
    const byName = new Map((await rows(quancheng, task.id)).map((x) => [x.name, x]));
    expect(byName.get('离职人')).toMatchObject({ verdict: 'new' });
    expect(byName.get('离职人')!.idNumberMasked).toMatch(/^3701\*+/);
    expect(byName.get('在职人')!.message).toContain('济南大观园商业管理有限公司工会');
    const again = await quancheng.post(`/api/orgs/${base}/member-imports/org-code`, { orgCode: code });
    expect(again.json()).toMatchObject({ duplicate: true, task: { id: task.id } });
    await quancheng.post(`/api/member-imports/${task.id}/commit`);
    expect(await settle(quancheng, task.id)).toMatchObject({ status: 'done', counts: { new: 1, conflict: 1 } });
    const joined = (await quancheng.get(`/api/members?name=${encodeURIComponent('离职人')}`)).json();
    expect(joined.items).toMatchObject([{ orgName: '济南泉城软件有限公司工会', status: 'joined' }]);
    const events = await t.deps.db.select().from(membershipEvents).where(eq(membershipEvents.membershipId, joined.items[0].id));
    expect(events[0].reason).toContain('组织机构代码导入会员');
    // Done, the code may be looked up again later: nobody new is found now.
    const later = await quancheng.post(`/api/orgs/${base}/member-imports/org-code`, { orgCode: code });
    expect(later.json().duplicate).toBe(false);
    expect(await settle(quancheng, later.json().task.id)).toMatchObject({ status: 'ready', counts: { new: 0, conflict: 1 } });
  });

  it('says so when nobody carries the code', async () => {
    const r = await quancheng.post(`/api/orgs/${base}/member-imports/org-code`, { orgCode: 'D2143569X' });
    expect(await settle(quancheng, r.json().task.id)).toMatchObject({ status: 'failed', error: expect.stringContaining('没有绑定此组织机构代码') });
  });
});
