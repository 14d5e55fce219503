import { idTypeLabels, MAX_TRANSFER_IMPORT_ROWS } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import type { TemplateColumn } from './member-template.js';

export const TRANSFER_SHEET = '转入会员';

/** The transfer-in template's columns (seed 002 §4.2: name and document number must both match). */
export const transferColumns: TemplateColumn[] = [
  { key: 'name', header: '姓名', required: true, note: '必填，须与会员库登记的姓名一致', width: 12 },
  { key: 'idType', header: '证件类型', required: true, note: '必填，从下拉列表选择', width: 22, list: Object.values(idTypeLabels) },
  { key: 'idNumber', header: '证件号码', required: true, note: '必填，须与会员库登记的号码一致。本列为文本格式，请勿改为数字格式', width: 22, text: true },
  { key: 'reason', header: '转入原因', note: '选填，如“调入本单位工作”；不填为“批量转入”', width: 30 },
];

export const transferHeaders = transferColumns.map((c) => (c.required ? `*${c.header}` : c.header));

/** The transfer-in template: one sheet to fill, the seed's notes, a drop-down and an example. */
export async function buildTransferTemplate(unionName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会网上工作平台';
  const ws = wb.addWorksheet(TRANSFER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = transferColumns.map((c) => ({ key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  transferColumns.forEach((c, i) => {
    const cell = ws.getRow(1).getCell(i + 1);
    cell.value = transferHeaders[i];
    cell.note = c.note;
    cell.font = { bold: true, color: { argb: c.required ? 'FFB71C1C' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF6E7E7' } };
  });
  const types = Object.values(idTypeLabels);
  // ExcelJS supports range validations at run time but does not declare them in its types.
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`B2:B${MAX_TRANSFER_IMPORT_ROWS + 1}`, {
    type: 'list',
    allowBlank: false,
    formulae: [`"${types.join(',')}"`],
    showErrorMessage: true,
    errorTitle: '证件类型',
    error: '请从下拉列表中选择证件类型',
  });

  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 16 }, { width: 80 }];
  guide.addRow([`${unionName} 从其他工会转入会员`]).font = { bold: true, size: 14 };
  for (const line of [
    `在“${TRANSFER_SHEET}”工作表第2行起逐行填写，每行一名会员；请勿修改表头。`,
    '本功能为会员转入：会员信息必须已在系统中，姓名和证件号码须与会员库一致方能转入。',
    `每个文件最多 ${MAX_TRANSFER_IMPORT_ROWS} 名会员；本工会上一批转入处理完毕后才能导入下一批。`,
    '确认导入后提交转会申请，最终结果须等待转出单位（或其上级工会）审核。',
  ])
    guide.addRow(['说明', line]);
  for (const c of transferColumns) guide.addRow([`${c.required ? '*' : ''}${c.header}`, c.note]);
  guide.addRow([]);
  guide.addRow(['示例（请勿填入转入会员表）']).font = { bold: true };
  guide.addRow(transferColumns.map((c) => c.header));
  guide.addRow(['张三', '居民身份证', '11010519491231002X', '调入本单位工作']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
