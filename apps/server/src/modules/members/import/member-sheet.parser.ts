import type { Readable } from 'node:stream';
import {
  createMemberBodySchema,
  educations,
  householdTypeLabels,
  idTypeLabels,
  sexLabels,
  skillLevels,
  type CreateMemberBody,
} from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import { DATA_SHEET, templateColumns } from './member-template.js';

/** A problem with the whole file: nothing in it is looked at further. */
export class SheetError extends Error {
  constructor(
    public readonly code: 'WRONG_TEMPLATE' | 'EMPTY' | 'TOO_MANY_ROWS',
    message: string,
  ) {
    super(message);
  }
}

/** One data row: either a member ready to write, or the reasons it cannot be, in plain Chinese. */
export interface ParsedMemberRow {
  rowNo: number;
  /** The name as typed, so a row in error can still be recognised in the preview. */
  name: string | null;
  member: CreateMemberBody | null;
  errors: string[];
}

export interface ReadOptions {
  /** The union's work units by name, for the 所在单位 column. */
  workUnits: Map<string, string>;
  maxRows: number;
}

const invert = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const idTypeOf = invert(idTypeLabels);
const sexOf = invert(sexLabels);
const householdOf = invert(householdTypeLabels);
const yesNo = new Map([
  ['是', true],
  ['否', false],
]);
const CJK = /[\u3400-\u9fff]/g;

/** A cell as the text a person typed, or a reason it cannot be trusted. */
export function cellText(v: ExcelJS.CellValue, header: string): { text: string } | { error: string } {
  if (v == null) return { text: '' };
  if (typeof v === 'string') return { text: v.trim() };
  if (typeof v === 'number') return { text: String(v) };
  if (typeof v === 'boolean') return { text: v ? '是' : '否' };
  if (v instanceof Date) {
    // Excel dates are local calendar days stored as UTC midnight.
    return { text: v.toISOString().slice(0, 10) };
  }
  if (typeof v === 'object' && 'formula' in v) return { error: `“${header}”是公式，请改为直接填写内容` };
  if (typeof v === 'object' && 'sharedFormula' in v) return { error: `“${header}”是公式，请改为直接填写内容` };
  if (typeof v === 'object' && 'richText' in v) return { text: v.richText.map((r) => r.text).join('').trim() };
  if (typeof v === 'object' && 'text' in v) return { text: String(v.text).trim() };
  if (typeof v === 'object' && 'error' in v) return { error: `“${header}”是错误值 ${String(v.error)}` };
  return { error: `“${header}”的内容无法识别` };
}

/** One data row of a template sheet: its number and its cells, in column order. */
export interface SheetRow {
  rowNo: number;
  values: ExcelJS.CellValue[];
}

/**
 * Streams one sheet of a platform template row by row (never the whole workbook in memory):
 * checks the header against `expected`, skips blank rows and stops past `maxRows`.
 */
export async function* readTemplateSheet(input: string | Readable, sheet: string, expected: string[], maxRows: number, what: string): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as never, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  let sawSheet = false;
  let dataRows = 0;
  for await (const ws of reader) {
    if ((ws as unknown as { name: string }).name !== sheet) {
      // Read other sheets through, never skip them: ExcelJS parks a sheet that comes before the
      // shared strings in a temp file and deletes it as soon as we move on, and an unread sheet's
      // file stream then fails to open (ENOENT) as an uncaught error.
      for await (const row of ws) void row;
      continue;
    }
    sawSheet = true;
    for await (const row of ws) {
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      if (row.number === 1) {
        const got = values.map((v) => (typeof v === 'string' ? v.trim() : ''));
        const at = expected.findIndex((h, i) => got[i] !== h);
        if (at >= 0) throw new SheetError('WRONG_TEMPLATE', `不是本平台的${what}：第${at + 1}列表头应为“${expected[at]}”，请下载最新模板后重新填写`);
        continue;
      }
      if (values.every((v) => v == null || (typeof v === 'string' && v.trim() === ''))) continue;
      if (++dataRows > maxRows) throw new SheetError('TOO_MANY_ROWS', `一个文件最多 ${maxRows} 名会员，请拆分后分批导入`);
      yield { rowNo: row.number, values };
    }
  }
  if (!sawSheet) throw new SheetError('WRONG_TEMPLATE', `文件中没有“${sheet}”工作表，请使用下载的${what}`);
  if (dataRows === 0) throw new SheetError('EMPTY', `${what}中没有会员数据，请从第2行起填写`);
}

/**
 * Streams the collection template's data sheet and checks each row with the same schema as the
 * console's form, plus the file-level rules of seed 004: phones unique within the file,
 * addresses longer than six Chinese characters.
 */
export async function* readMemberSheet(input: string | Readable, opts: ReadOptions): AsyncGenerator<ParsedMemberRow> {
  const columns = templateColumns([...opts.workUnits.keys()]);
  const expected = columns.map((c) => (c.required ? `*${c.header}` : c.header));
  const phones = new Map<string, number>();
  for await (const { rowNo, values } of readTemplateSheet(input, DATA_SHEET, expected, opts.maxRows, '会员信息采集表')) yield parseRow(rowNo, values, columns, opts, phones);
}

function parseRow(rowNo: number, values: ExcelJS.CellValue[], columns: ReturnType<typeof templateColumns>, opts: ReadOptions, phones: Map<string, number>): ParsedMemberRow {
  const errors: string[] = [];
  const text: Record<string, string> = {};
  // Columns whose cell was already answered for (a formula, a mangled number): the schema's
  // "please fill in" for the same column would only repeat it.
  const answered = new Set<string>();
  columns.forEach((c, i) => {
    const v = values[i];
    if (c.key === 'idNumber' && typeof v === 'number') {
      errors.push(v >= 1e14 ? '证件号码被Excel改成了数字（如 3.40524E+17），末几位已丢失：请把该列设为“文本”后重新输入' : '证件号码应按文本填写');
      answered.add(c.header);
      return;
    }
    const r = cellText(v, c.header);
    if ('error' in r) {
      errors.push(r.error);
      answered.add(c.header);
    } else text[c.key] = r.text;
  });
  const pick = <T>(key: string, map: Map<string, T>, header: string): T | undefined => {
    if (!text[key]) return undefined;
    const v = map.get(text[key]);
    if (v === undefined) errors.push(`“${header}”应从下拉列表选择，不能填“${text[key]}”`);
    return v;
  };
  const oneOf = (key: string, list: readonly string[], header: string) => pick(key, new Map(list.map((x) => [x, x])), header);
  const body = {
    name: text.name ?? '',
    idType: pick('idType', idTypeOf, '证件类型') ?? (text.idType ? undefined : 'resident_id'),
    idNumber: text.idNumber ?? '',
    sex: pick('sex', sexOf, '性别'),
    birthDate: text.birthDate || undefined,
    phone: text.phone || undefined,
    education: oneOf('education', educations, '学历'),
    householdType: pick('householdType', householdOf, '户籍类型'),
    migrantWorker: pick('migrantWorker', yesNo, '是否农民工'),
    skillLevel: oneOf('skillLevel', skillLevels, '技术等级'),
    address: text.address || undefined,
    unionPost: text.unionPost || undefined,
    workUnitId: pick('workUnit', opts.workUnits, '所在单位'),
    joinedOn: text.joinedOn || undefined,
    remark: text.remark || undefined,
  };
  if (body.address && (body.address.match(CJK)?.length ?? 0) <= 6) errors.push('联系地址须超过6个汉字');
  const parsed = createMemberBodySchema.safeParse(body);
  if (!parsed.success) {
    const label = new Map(columns.map((c) => [c.key === 'workUnit' ? 'workUnitId' : c.key, c.header]));
    for (const issue of parsed.error.issues) {
      const header = label.get(String(issue.path[0] ?? '')) ?? '';
      if (answered.has(header)) continue;
      const msg = issue.message;
      errors.push(header && !msg.includes(header) ? `${header}：${msg}` : msg);
    }
  }
  if (parsed.success && parsed.data.phone) {
    const first = phones.get(parsed.data.phone);
    if (first) errors.push(`移动电话与第${first}行重复`);
    else phones.set(parsed.data.phone, rowNo);
  }
  return { rowNo, name: text.name ? text.name.slice(0, 50) : null, member: errors.length === 0 && parsed.success ? parsed.data : null, errors: [...new Set(errors)] };
}
