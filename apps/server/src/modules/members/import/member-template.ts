import { educations, householdTypeLabels, idTypeLabels, sexLabels, skillLevels } from '@gonghui/contracts';
import ExcelJS from 'exceljs';

/** Identifies our workbook when it comes back, so a wrong template is named as such, not parsed. */
export const TEMPLATE_ID = 'gonghui-members-v1';
export const DATA_SHEET = '会员信息';
// Drop-downs cover the rows people type by hand; larger files come from other systems.
const VALIDATED_ROWS = 20_001;

export interface TemplateColumn {
  key: string;
  header: string;
  required?: boolean;
  note: string;
  width: number;
  /** Drop-down values, for enumerations. */
  list?: readonly string[];
  text?: boolean;
}

/** The collection template's columns (seeds 001 and 002's member forms), in order. */
export function templateColumns(workUnitNames: string[]): TemplateColumn[] {
  return [
    { key: 'name', header: '姓名', required: true, note: '必填，与证件上的姓名一致', width: 12 },
    { key: 'idType', header: '证件类型', required: true, note: '必填，从下拉列表选择', width: 22, list: Object.values(idTypeLabels) },
    { key: 'idNumber', header: '证件号码', required: true, note: '必填。本列为文本格式，请勿改为数字格式，否则18位号码会变成 3.40524E+17', width: 22, text: true },
    { key: 'sex', header: '性别', note: '居民身份证可不填，由号码自动识别；其他证件必填', width: 8, list: Object.values(sexLabels) },
    { key: 'birthDate', header: '出生日期', note: '格式 YYYY-MM-DD；居民身份证可不填', width: 12, text: true },
    { key: 'phone', header: '移动电话', note: '11位手机号；同一文件内不能重复', width: 14, text: true },
    { key: 'education', header: '学历', note: '从下拉列表选择', width: 14, list: educations },
    { key: 'householdType', header: '户籍类型', note: '从下拉列表选择', width: 10, list: Object.values(householdTypeLabels) },
    { key: 'migrantWorker', header: '是否农民工', note: '户籍仍在农村，在本地从事非农产业或外出从业6个月及以上的劳动者填“是”', width: 10, list: ['是', '否'] },
    { key: 'skillLevel', header: '技术等级', note: '从下拉列表选择', width: 10, list: skillLevels },
    { key: 'address', header: '联系地址', note: '办理会员服务卡须超过6个汉字', width: 30 },
    { key: 'unionPost', header: '工会职务', note: '如：会员、工会主席、委员', width: 12 },
    { key: 'workUnit', header: '所在单位', note: '从下拉列表选择本工会的单位', width: 28, list: workUnitNames },
    { key: 'joinedOn', header: '入会日期', note: '格式 YYYY-MM-DD；不填为导入当天', width: 12, text: true },
    { key: 'remark', header: '备注', note: '选填', width: 20 },
  ];
}

const colLetter = (i: number) => String.fromCharCode(65 + i);

/** Builds the union's collection template (采集表): notes, drop-downs, text columns and an example. */
export async function buildMemberTemplate(unionName: string, workUnitNames: string[]): Promise<Buffer> {
  const cols = templateColumns(workUnitNames);
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会网上工作平台';
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = wb.addWorksheet('_lists', { state: 'veryHidden' });
  const meta = wb.addWorksheet('_meta', { state: 'veryHidden' });
  meta.getCell('A1').value = TEMPLATE_ID;
  meta.getCell('A2').value = unionName;

  ws.columns = cols.map((c) => ({ key: c.key, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  const header = ws.getRow(1);
  cols.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.required ? `*${c.header}` : c.header;
    cell.note = c.note;
    cell.font = { bold: true, color: { argb: c.required ? 'FFB71C1C' : 'FF000000' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF6E7E7' } };
  });
  // Drop-downs read from a hidden sheet: lists longer than 255 characters are not allowed inline.
  cols.forEach((c, i) => {
    if (!c.list || c.list.length === 0) return;
    c.list.forEach((v, r) => (lists.getCell(r + 1, i + 1).value = v));
    const ref = `'_lists'!$${colLetter(i)}$1:$${colLetter(i)}$${c.list.length}`;
    // ExcelJS supports range validations at run time but does not declare them in its types.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${colLetter(i)}2:${colLetter(i)}${VALIDATED_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [ref],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });

  const guide = wb.addWorksheet('填写说明');
  guide.columns = [{ width: 16 }, { width: 80 }];
  guide.addRow([`${unionName} 会员信息采集表`]).font = { bold: true, size: 14 };
  guide.addRow(['填写位置', `在“${DATA_SHEET}”工作表第2行起逐行填写，每行一名会员；请勿修改表头、增删列或改动隐藏的工作表。`]);
  for (const c of cols) guide.addRow([`${c.required ? '*' : ''}${c.header}`, c.note]);
  guide.addRow([]);
  guide.addRow(['示例（请勿填入会员信息表）']).font = { bold: true };
  guide.addRow(cols.map((c) => c.header));
  guide.addRow(['张三', '居民身份证', '11010519491231002X', '', '', '13800000000', '本科', '非农业', '否', '初级工', '山东省济南市历下区泉城路1号', '会员', workUnitNames[0] ?? '', '2024-05-01', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
