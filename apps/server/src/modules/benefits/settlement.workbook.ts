import type { ActivityRedemptionRow } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import { chinaDateTime } from './china-time.js';
import { safeCell } from '../../platform/files/spreadsheet.js';
import type { PrizeReconciliation } from './settlement.repository.js';

export interface SettlementInput {
  activity: { title: string; orgName: string; startsAt: Date; endsAt: Date; deadline: Date };
  merchantName: string | null;
  exportedAt: Date;
  exportedBy: string;
  rows: ActivityRedemptionRow[];
  prizes: PrizeReconciliation[];
  merchants: { merchantName: string; redeemed: number; valueFen: number }[];
}

/** Yuan as a number cell (fen / 100), shown with two decimals, so the sheet can add it up. */
const yuan = (fen: number) => fen / 100;
const MONEY = '#,##0.00';

export const DETAIL_HEADERS = ['序号', '券码', '会员姓名', '手机号', '所在工会', '优惠券', '面值（元）', '核销商家', '核销人', '核销时间'] as const;
export const RECONCILIATION_HEADERS = ['优惠券', '面值（元）', '奖品数量', '已领取', '已核销', '视为放弃（逾期未核销）', '未核销（仍在有效期内）', '未领取', '核销金额（元）'] as const;

function bold(row: ExcelJS.Row) {
  row.font = { bold: true };
}

/** The two sheets: 核销明细 (one row per redemption, 合计 last) and 对账汇总 (per prize and per merchant). */
export async function buildSettlementWorkbook(input: SettlementInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '工会网上工作平台';
  wb.created = input.exportedAt;
  const a = input.activity;

  const detail = wb.addWorksheet('核销明细');
  detail.addRow([safeCell(`${a.title} 核销明细（结算凭证）`)]).font = { bold: true, size: 14 };
  detail.addRow(['发布工会', safeCell(a.orgName)]);
  detail.addRow(['活动时间', `${chinaDateTime(a.startsAt)} 至 ${chinaDateTime(a.endsAt)}`]);
  detail.addRow(['领取期限截止', chinaDateTime(a.deadline)]);
  detail.addRow(['核销商家', safeCell(input.merchantName ?? '全部商家')]);
  detail.addRow(['导出时间', `${chinaDateTime(input.exportedAt)}（${safeCell(input.exportedBy)}）`]);
  detail.addRow([]);
  bold(detail.addRow([...DETAIL_HEADERS]));
  input.rows.forEach((r, i) => {
    const row = detail.addRow([
      i + 1,
      safeCell(r.code),
      safeCell(r.memberName),
      safeCell(r.phoneMasked),
      safeCell(r.memberOrgName),
      safeCell(r.couponName),
      yuan(r.faceValueFen),
      safeCell(r.merchantName),
      safeCell(r.redeemedBy),
      chinaDateTime(r.redeemedAt),
    ]);
    row.getCell(7).numFmt = MONEY;
  });
  const total = input.rows.reduce((s, r) => s + r.faceValueFen, 0);
  const totalRow = detail.addRow(['合计', `${input.rows.length}张`, '', '', '', '', yuan(total), '', '', '']);
  totalRow.getCell(7).numFmt = MONEY;
  bold(totalRow);
  detail.columns.forEach((c, i) => (c.width = [6, 16, 10, 14, 24, 18, 12, 20, 12, 20][i]));

  const recon = wb.addWorksheet('对账汇总');
  recon.addRow([safeCell(`${a.title} 领取与核销对账`)]).font = { bold: true, size: 14 };
  recon.addRow(['已领取 = 已核销 + 视为放弃 + 未核销；奖品数量 = 已领取 + 未领取']);
  recon.addRow([]);
  bold(recon.addRow([...RECONCILIATION_HEADERS]));
  for (const p of input.prizes) {
    const row = recon.addRow([safeCell(p.couponName), yuan(p.faceValueFen), p.quantity, p.claimed, p.redeemed, p.forfeited, p.outstanding, p.quantity - p.claimed, yuan(p.redeemedValueFen)]);
    row.getCell(2).numFmt = MONEY;
    row.getCell(9).numFmt = MONEY;
  }
  const sum = (k: keyof PrizeReconciliation) => input.prizes.reduce((s, p) => s + (p[k] as number), 0);
  const reconTotal = recon.addRow(['合计', '', sum('quantity'), sum('claimed'), sum('redeemed'), sum('forfeited'), sum('outstanding'), sum('quantity') - sum('claimed'), yuan(sum('redeemedValueFen'))]);
  reconTotal.getCell(9).numFmt = MONEY;
  bold(reconTotal);
  recon.addRow([]);
  bold(recon.addRow(['核销商家', '核销数量', '核销金额（元）']));
  for (const m of input.merchants) recon.addRow([safeCell(m.merchantName), m.redeemed, yuan(m.valueFen)]).getCell(3).numFmt = MONEY;
  const mTotal = recon.addRow(['合计', input.merchants.reduce((s, m) => s + m.redeemed, 0), yuan(input.merchants.reduce((s, m) => s + m.valueFen, 0))]);
  mTotal.getCell(3).numFmt = MONEY;
  bold(mTotal);
  recon.columns.forEach((c, i) => (c.width = [22, 12, 10, 10, 10, 22, 22, 10, 14][i]));

  return Buffer.from(await wb.xlsx.writeBuffer());
}
