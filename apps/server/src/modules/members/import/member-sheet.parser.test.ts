import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { bufferReader } from '../../../platform/files/buffer-reader.js';
import { xlsxForStreaming } from '../../../platform/files/xlsx-order.js';
import { afterAll, describe, expect, it } from 'vitest';
import { readMemberSheet, SheetError, type ParsedMemberRow } from './member-sheet.parser.js';
import { buildMemberTemplate, DATA_SHEET } from './member-template.js';

const dir = mkdtempSync(join(tmpdir(), 'gh-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const units = new Map([['济南泉城软件有限公司', '3f1c2b9e-0000-4000-8000-000000000001']]);
let n = 0;

/** A filled copy of the real template, as a person would save it from Excel. */
async function workbook(rows: ExcelJS.CellValue[][], edit?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildMemberTemplate('测试工会', [...units.keys()])) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(DATA_SHEET)!;
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
  edit?.(ws);
  const file = join(dir, `f${n++}.xlsx`);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

async function parse(file: string, maxRows = 1000): Promise<ParsedMemberRow[]> {
  const out: ParsedMemberRow[] = [];
  // As the import job reads a stored upload: parts put in reading order first (ExcelJS's own
  // writer sometimes leaves them in an order its streaming reader cannot take).
  const buf = readFileSync(file);
  const input = await xlsxForStreaming(bufferReader(buf), buf.length, () => Readable.from([buf]));
  for await (const r of readMemberSheet(input, { workUnits: units, maxRows })) out.push(r);
  return out;
}

const ADDRESS = '山东省济南市历下区泉城路1号';

describe('reading the collection template', () => {
  it('turns good rows into members, with labels mapped to codes', async () => {
    const rows = await parse(
      await workbook([
        ['王秀英', '居民身份证', '11010519491231002X', '', '', '13905312222', '本科', '非农业', '否', '初级工', ADDRESS, '会员', '济南泉城软件有限公司', '2024-05-01', ''],
        ['John Smith', '护照', 'E12345678', '男', '1985-03-04', '', '', '', '是', '', '', '', '', '', ''],
      ]),
    );
    expect(rows.map((r) => r.errors)).toEqual([[], []]);
    expect(rows[0].member).toMatchObject({ idType: 'resident_id', sex: 'female', birthDate: '1949-12-31', householdType: 'non_agricultural', migrantWorker: false, workUnitId: units.get('济南泉城软件有限公司') });
    expect(rows[1].member).toMatchObject({ idType: 'passport', sex: 'male', migrantWorker: true });
  });

  it('says per row what is wrong, in plain Chinese', async () => {
    const rows = await parse(
      await workbook([
        ['李四', '居民身份证', '340524198001010013', '', '', '', '', '', '', '', '', '', '', '', ''],
        ['赵六', '居民身份证', 340524198001010000, '', '', '', '', '', '', '', '', '', '', '', ''],
        ['钱七', '身份证件', '360426199101010071', '', '', '', '', '', '', '', '', '', '不存在的单位', '', ''],
        ['孙八', '居民身份证', '360426199101010071', '', '', '13800000000', '', '', '', '', '济南', '', '', '', ''],
        ['周九', '居民身份证', '810000199408230021', '', '', '13800000000', '', '', '', '', '', '', '', '', ''],
        ['吴十', '居民身份证', '11010519491231002X', '', '', { formula: 'A1' } as ExcelJS.CellValue, '', '', '', '', '', '', '', '', ''],
      ]),
    );
    expect(rows.map((r) => r.rowNo)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(rows.every((r) => r.member === null)).toBe(true);
    expect(rows[0].errors.join()).toContain('校验');
    expect(rows[1].errors.join()).toContain('3.40524E+17');
    expect(rows[2].errors).toEqual(expect.arrayContaining(['“证件类型”应从下拉列表选择，不能填“身份证件”', '“所在单位”应从下拉列表选择，不能填“不存在的单位”']));
    expect(rows[3].errors).toContain('联系地址须超过6个汉字');
    expect(rows[4].errors.join()).toMatch(/港澳台|证件类型/);
    expect(rows[5].errors).toContain('“移动电话”是公式，请改为直接填写内容');
  });

  it('refuses a phone used twice in one file, naming the first row', async () => {
    const rows = await parse(
      await workbook([
        ['甲', '居民身份证', '11010519491231002X', '', '', '13800000001', '', '', '', '', '', '', '', '', ''],
        ['乙', '居民身份证', '360426199101010071', '', '', '138 0000 0001', '', '', '', '', '', '', '', '', ''],
      ]),
    );
    expect(rows[0].errors).toEqual([]);
    expect(rows[1].errors).toEqual(['移动电话与第2行重复']);
  });

  it('names a wrong template, an empty file and a file that is too long', async () => {
    const renamed = await workbook([['甲', '居民身份证', '11010519491231002X']], (ws) => (ws.getCell('C1').value = '身份证号'));
    await expect(parse(renamed)).rejects.toThrow('第3列表头应为“*证件号码”');
    await expect(parse(await workbook([]))).rejects.toMatchObject({ code: 'EMPTY', message: '会员信息采集表中没有会员数据，请从第2行起填写' });
    const many = await workbook(Array.from({ length: 4 }, (_, i) => [`人${i}`, '居民身份证', '11010519491231002X']));
    await expect(parse(many, 3)).rejects.toBeInstanceOf(SheetError);
    const other = new ExcelJS.Workbook();
    other.addWorksheet('Sheet1').addRow(['姓名', '身份证号']);
    const file = join(dir, 'other.xlsx');
    writeFileSync(file, Buffer.from(await other.xlsx.writeBuffer()));
    await expect(parse(file)).rejects.toMatchObject({ code: 'WRONG_TEMPLATE' });
  });
});
