import { formatYuan, MUTUAL_AID_ASSOCIATION, mutualAidEnrolmentKindLabels, yuanInWords, type MutualAidEnrolmentKind } from '@gonghui/contracts';
import PDFDocument from 'pdfkit';
import { cjkFont, fontRuns } from './cjk-font.js';
import { chineseDate } from './enrolment-rules.js';

export interface ContractData {
  contractNo: string;
  year: number;
  kind: MutualAidEnrolmentKind;
  planTitle: string;
  coverage: string;
  orgName: string;
  parentOrgName: string | null;
  memberCount: number;
  contributionFen: number;
  amountFen: number;
  coverFrom: string;
  coverTo: string;
  approvedOn: string;
  operatorName: string;
  members: { memberNo: string; name: string }[];
}

/** The association's contract for one approved enrolment (线上合同), with its member list as an annex. */
export function renderContract(d: ContractData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: `${d.year}年度职工互助保障合同 ${d.contractNo}`, Author: MUTUAL_AID_ASSOCIATION, Subject: d.orgName },
    compress: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const registered = new Set<string>();
  /** Writes text, each character in the font subset that draws it (a rare character in a name has its own). */
  const write = (text: string, options: PDFKit.Mixins.TextOptions = {}, at?: { x: number; y: number }) => {
    const runs = fontRuns(text);
    runs.forEach((run, i) => {
      if (!registered.has(run.subset)) {
        doc.registerFont(run.subset, cjkFont(run.subset));
        registered.add(run.subset);
      }
      doc.font(run.subset);
      const opts = { ...options, continued: i < runs.length - 1 || !!options.continued };
      if (i === 0 && at) doc.text(run.text, at.x, at.y, opts);
      else doc.text(run.text, opts);
    });
    return doc;
  };
  const width = doc.page.width - 128;

  doc.fontSize(20);
  write(MUTUAL_AID_ASSOCIATION, { align: 'center' });
  doc.moveDown(0.3).fontSize(18);
  write(`${d.year}年度职工互助保障合同`, { align: 'center' });
  doc.moveDown(0.5).fontSize(10).fillColor('#555');
  write(`合同编号：${d.contractNo}`, { align: 'right' });
  doc.fillColor('#000').moveDown(0.8);

  const line = (label: string, value: string) => {
    doc.fontSize(12);
    write(`${label}：`, { continued: true });
    write(value);
    doc.moveDown(0.35);
  };
  line('甲方（互助保障方）', MUTUAL_AID_ASSOCIATION);
  line('乙方（入会单位）', d.orgName);
  if (d.parentOrgName) line('乙方上级工会（审核单位）', d.parentOrgName);
  line('保障计划', d.planTitle);
  line('入会类型', mutualAidEnrolmentKindLabels[d.kind]);
  line('入会人数', `${d.memberCount}人`);
  line('缴费标准', `每人${formatYuan(d.contributionFen)}元`);
  line('缴费金额', `人民币${yuanInWords(d.amountFen)}（¥${formatYuan(d.amountFen)}）`);
  line('保障期间', `${chineseDate(d.coverFrom)}至${chineseDate(d.coverTo)}`);
  line('保障内容', d.coverage);

  doc.moveDown(0.6).fontSize(13);
  write('合同条款');
  doc.moveDown(0.3).fontSize(11);
  const terms = [
    `乙方经本单位工会经办人（${d.operatorName}）核对，提交会籍状态为“入会、转入”的在职职工会员共${d.memberCount}人（名单见附件），经上级工会审核通过，本合同于${chineseDate(d.approvedOn)}成立。`,
    `乙方按每人${formatYuan(d.contributionFen)}元缴纳互助金，共计人民币${yuanInWords(d.amountFen)}。`,
    `名单内会员在保障期间内离职、转出或退休的，保障持续至已缴费期间届满（${chineseDate(d.coverTo)}）。`,
    '年度内新入会或转入本单位的会员，乙方可通过“补充入会”另行提交，经上级工会审核通过后纳入保障。',
    '会员可在会员端“我的保障”中查询本人的保障信息。本合同以电子形式生成，与纸质合同具有同等效力。',
  ];
  terms.forEach((t, i) => write(`${['一', '二', '三', '四', '五'][i]}、${t}`, { width, lineGap: 3 }).moveDown(0.3));

  doc.moveDown(1).fontSize(12);
  const y = doc.y;
  write(`甲方：${MUTUAL_AID_ASSOCIATION}`, { width: width / 2 }, { x: 64, y });
  write(`乙方：${d.orgName}`, { width: width / 2 }, { x: 64 + width / 2, y });
  doc.moveDown(0.5);
  const y2 = doc.y;
  write(`日期：${chineseDate(d.approvedOn)}`, { width: width / 2 }, { x: 64, y: y2 });
  write(`日期：${chineseDate(d.approvedOn)}`, { width: width / 2 }, { x: 64 + width / 2, y: y2 });

  // Annex: the frozen list, four members to a line.
  doc.addPage();
  doc.fontSize(14);
  write(`附件：入会会员名单（共${d.members.length}人）`, { align: 'center' }, { x: 64, y: 64 });
  doc.moveDown(0.6).fontSize(10);
  const col = width / 4;
  for (let i = 0; i < d.members.length; i += 4) {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const rowY = doc.y;
    d.members.slice(i, i + 4).forEach((m, j) => write(`${i + j + 1}. ${m.name} ${m.memberNo}`, { width: col - 6, lineBreak: false }, { x: 64 + j * col, y: rowY }));
    doc.text('', 64, rowY + 16);
  }
  doc.end();
  return done;
}
