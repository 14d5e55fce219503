import { makeIdNumber, type ImportTask } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestClient, type TestContext } from '../../test/harness.js';

let t: TestContext;
let quancheng: TestClient;
let daguanyuan: TestClient;
let qc: string;
let dgy: string;
let template: Buffer;

beforeAll(async () => {
  t = await createTestContext({ rateLimits: { global: 10_000, login: 1_000, sms: 1_000 } });
  [quancheng, daguanyuan] = await Promise.all(['quancheng_admin', 'daguanyuan_admin'].map((u) => t.as(u)));
  qc = await t.orgId('济南泉城软件有限公司工会');
  dgy = await t.orgId('济南大观园商业管理有限公司工会');
  const r = await quancheng.get(`/api/orgs/${qc}/transfer-template`);
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-disposition']).toContain(encodeURIComponent('转入会员表'));
  template = r.rawPayload;
});
afterAll(async () => t?.close());

const idOf = (n: number) => makeIdNumber({ addressCode: '370103', birthDate: `1988-07-${String(10 + n).padStart(2, '0')}`, sex: 'male', seq: 301 + 2 * n });

async function filled(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.getWorksheet('转入会员')!;
  rows.forEach((values, i) => values.forEach((v, j) => (ws.getCell(i + 2, j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function settle(c: TestClient, taskId: string): Promise<ImportTask> {
  for (let i = 0; i < 600; i++) {
    const task = (await c.get(`/api/member-imports/${taskId}`)).json() as ImportTask;
    if (!['queued', 'checking', 'committing'].includes(task.status)) return task;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('task did not settle');
}

const rowsOf = async (c: TestClient, id: string) =>
  (await c.get(`/api/member-imports/${id}/rows?pageSize=100`)).json().items as { rowNo: number; verdict: string; message: string }[];

describe('transfer in by Excel', () => {
  it('previews each row with its verdict, allows one batch at a time, and submits the valid rows for review', async () => {
    for (const [n, name] of [
      [1, '韩梅'],
      [2, '李雷'],
      [3, '王五'],
    ] as const) {
      const r = await daguanyuan.post(`/api/orgs/${dgy}/members`, { idType: 'resident_id', idNumber: idOf(n), name });
      expect(r.statusCode, r.body).toBe(201);
    }
    expect((await quancheng.post(`/api/orgs/${qc}/members`, { idType: 'resident_id', idNumber: idOf(4), name: '本会员' })).statusCode).toBe(201);
    const file = await filled([
      ['韩梅', '居民身份证', idOf(1), '调入本单位'],
      ['李雷', '居民身份证', idOf(2), null],
      ['王六', '居民身份证', idOf(3), null], // wrong name
      ['赵七', '居民身份证', idOf(5), null], // nobody
      ['本会员', '居民身份证', idOf(4), null], // already here
      ['韩梅', '居民身份证', idOf(1), null], // twice in the file
      ['钱八', '居民身份证', 370103198807101234, null], // Excel made it a number
      ['孙九', '驾驶证', '370103', null], // not a listed document
    ]);
    const up = await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, file, '转入会员表.xlsx');
    expect(up.statusCode, up.body).toBe(202);
    const task = await settle(quancheng, up.json().task.id);
    expect(task).toMatchObject({ kind: 'transfer_in', status: 'ready', counts: { total: 8, new: 2, update: 0, conflict: 1, error: 5 }, hasResultFile: true });
    const rows = await rowsOf(quancheng, task.id);
    const msg = (n: number) => rows.find((r) => r.rowNo === n)!;
    expect(msg(2)).toMatchObject({ verdict: 'new', message: '可转入：确认后提交转会申请，由「济南大观园商业管理有限公司工会」审核' });
    expect(msg(4).message).toContain('会员库中没有此人');
    expect(msg(4).message).not.toContain('王五');
    expect(msg(5).message).toContain('会员库中没有此人');
    expect(msg(6)).toMatchObject({ verdict: 'conflict', message: '冲突：已是本工会会员' });
    expect(msg(7).message).toContain('与第2行重复');
    expect(msg(8).message).toContain('3.40524E+17');
    expect(msg(9).message).toContain('证件类型');

    // One batch at a time; the same file again finds its task.
    const again = await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, file, '转入会员表.xlsx');
    expect(again.json()).toMatchObject({ duplicate: true, task: { id: task.id } });
    const other = await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, await filled([['韩梅', '居民身份证', idOf(1), '另一批']]), '第二批.xlsx');
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'TRANSFER_IMPORT_BUSY', message: expect.stringContaining('转入会员表.xlsx') });
    // Nothing changed before the commit.
    const before = (await daguanyuan.post('/api/members/search', { idNumber: idOf(1) })).json().items;
    expect(before).toMatchObject([{ status: 'joined' }]);

    expect((await quancheng.post(`/api/member-imports/${task.id}/commit`)).statusCode).toBe(202);
    const done = await settle(quancheng, task.id);
    expect(done).toMatchObject({ status: 'done', counts: { new: 2 } });
    const after = await rowsOf(quancheng, task.id);
    expect(after.find((r) => r.rowNo === 2)!.message).toBe('已提交转会申请，等待「济南大观园商业管理有限公司工会」审核');
    expect((await daguanyuan.post('/api/members/search', { idNumber: idOf(2) })).json().items).toMatchObject([{ status: 'transferring' }]);
    const todo = (await daguanyuan.get('/api/reviews?box=todo&subjectType=member_transfer')).json();
    expect(todo.items.map((x: { title: string }) => x.title)).toEqual(expect.arrayContaining([expect.stringContaining('韩梅'), expect.stringContaining('李雷')]));
    const transfers = (await quancheng.get('/api/transfers?direction=in&status=pending')).json().items;
    expect(transfers.filter((x: { source: string }) => x.source === 'import')).toHaveLength(2);

    // The result workbook says per row what happened.
    const result = await quancheng.get(`/api/member-imports/${task.id}/result`);
    expect(result.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(result.rawPayload as never);
    const ws = wb.getWorksheet('转入会员')!;
    expect(ws.getCell(1, 5).value).toBe('导入结果');
    expect(ws.getCell(2, 5).value).toBe('已提交转会申请，等待「济南大观园商业管理有限公司工会」审核');
    expect(String(ws.getCell(6, 5).value)).toContain('已是本工会会员');

    // The batch is finished: the next one may come.
    const next = await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, await filled([['王五', '居民身份证', idOf(3), null]]), '第三批.xlsx');
    expect(next.statusCode, next.body).toBe(202);
    expect(await settle(quancheng, next.json().task.id)).toMatchObject({ status: 'ready', counts: { new: 1 } });
  });

  it('refuses more than 1000 rows and a members template in its place, writing nothing', async () => {
    // The third batch of the test above is still waiting: cancel it as its operator would.
    const live = (await quancheng.get('/api/member-imports?kind=transfer_in&status=ready')).json().items;
    for (const x of live) expect((await quancheng.post(`/api/member-imports/${x.id}/cancel`)).statusCode).toBe(200);
    const many = await filled(Array.from({ length: 1001 }, (_, i) => ['某人', '居民身份证', idOf(i % 20), null]));
    const big = await settle(quancheng, (await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, many, '太多.xlsx')).json().task.id);
    expect(big).toMatchObject({ status: 'failed', error: '一个文件最多 1000 名会员，请拆分后分批导入' });
    const members = (await quancheng.get(`/api/orgs/${qc}/members/template`)).rawPayload;
    const wrong = await settle(quancheng, (await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, members, '会员采集表.xlsx')).json().task.id);
    expect(wrong.status).toBe('failed');
    expect(wrong.error).toContain('转入会员');
    const text = await quancheng.upload(`/api/orgs/${qc}/transfer-imports`, Buffer.from('姓名,证件号码\n张三,1'), '转入.csv');
    expect(text.statusCode).toBe(400);
    // Out of scope: not found, no task.
    expect((await quancheng.upload(`/api/orgs/${dgy}/transfer-imports`, many, 'x.xlsx')).statusCode).toBe(404);
    expect((await quancheng.get(`/api/orgs/${dgy}/transfer-template`)).statusCode).toBe(404);
  });
});
