import type { Readable } from 'node:stream';
import { checkIdNumber, idTypeLabels, MAX_TRANSFER_IMPORT_ROWS, type IdType } from '@gonghui/contracts';
import { cellText, readTemplateSheet } from './member-sheet.parser.js';
import { TRANSFER_SHEET, transferColumns, transferHeaders } from './transfer-template.js';

/** One row of a transfer-in workbook: the person it names, or why it cannot be read. */
export interface ParsedTransferRow {
  rowNo: number;
  name: string | null;
  idType: IdType | null;
  /** Normalised; null when the row is in error. */
  idNumber: string | null;
  reason: string;
  errors: string[];
}

const idTypeOf = new Map(Object.entries(idTypeLabels).map(([k, v]) => [v as string, k as IdType]));

/** Streams the transfer-in sheet (at most 1000 rows, seed 002 §4.2) and checks each row. */
export async function* readTransferSheet(input: string | Readable): AsyncGenerator<ParsedTransferRow> {
  for await (const { rowNo, values } of readTemplateSheet(input, TRANSFER_SHEET, transferHeaders, MAX_TRANSFER_IMPORT_ROWS, '转入会员表')) {
    const errors: string[] = [];
    const text: Record<string, string> = {};
    transferColumns.forEach((c, i) => {
      const v = values[i];
      if (c.key === 'idNumber' && typeof v === 'number') {
        errors.push(v >= 1e14 ? '证件号码被Excel改成了数字（如 3.40524E+17），末几位已丢失：请把该列设为“文本”后重新输入' : '证件号码应按文本填写');
        return;
      }
      const r = cellText(v, c.header);
      if ('error' in r) errors.push(r.error);
      else text[c.key] = r.text;
    });
    const name = text.name ? text.name.slice(0, 50) : null;
    if (!name && !errors.some((e) => e.includes('姓名'))) errors.push('请填写姓名');
    const idType = text.idType ? (idTypeOf.get(text.idType) ?? null) : 'resident_id';
    if (!idType) errors.push(`“证件类型”应从下拉列表选择，不能填“${text.idType}”`);
    let idNumber: string | null = null;
    if (text.idNumber !== undefined && idType) {
      const r = checkIdNumber(text.idNumber, idType);
      if (r.ok) idNumber = r.value;
      else errors.push(`证件号码：${r.reason}`);
    } else if (!errors.some((e) => e.includes('证件号码'))) errors.push('请填写证件号码');
    const reason = (text.reason ?? '').slice(0, 200) || '批量转入';
    yield { rowNo, name, idType, idNumber: errors.length ? null : idNumber, reason, errors: [...new Set(errors)] };
  }
}
