import { formatYuan, mutualAidEnrolmentKindLabels, mutualAidEnrolmentStatusLabels, type MutualAidEnrolmentKind, type MutualAidEnrolmentStatus } from '@gonghui/contracts';
import type { z } from 'zod';
import type { mutualAidExportQuerySchema } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { safeCell } from '../../platform/files/spreadsheet.js';
import * as repo from './mutual-aid.repository.js';
import { toRow } from './enrolments.service.js';

const LIMIT = 50_000;
const columns = [
  { header: '序号', key: 'n', width: 6 },
  { header: '入会单位（工会）', key: 'orgName', width: 34 },
  { header: '上级工会', key: 'parentOrgName', width: 24 },
  { header: '年度', key: 'year', width: 8 },
  { header: '类型', key: 'kind', width: 10 },
  { header: '状态', key: 'status', width: 10 },
  { header: '入会人数', key: 'members', width: 10 },
  { header: '每人缴费（元）', key: 'contribution', width: 14 },
  { header: '缴费金额（元）', key: 'amount', width: 16 },
  { header: '操作人', key: 'operatorName', width: 12 },
  { header: '手机号', key: 'phone', width: 14 },
  { header: '申请备注', key: 'note', width: 30 },
  { header: '提交时间', key: 'submittedAt', width: 20 },
  { header: '审核通过时间', key: 'decidedAt', width: 20 },
  { header: '合同编号', key: 'contractNo', width: 18 },
  { header: '保障期间', key: 'cover', width: 24 },
];

const beijing = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19) : '');

/**
 * The association's summary (all units' enrolments in the caller's subtree, as filtered), as a
 * workbook with a totals line. Phones are masked; the export is audited and says who made it.
 */
export async function exportEnrolments(deps: Deps, caller: ScopedCaller, actor: Actor, q: z.infer<typeof mutualAidExportQuerySchema>) {
  const filter = { scopePath: caller.scopePath, year: q.year, status: q.status, kind: q.kind, orgId: q.orgId, q: q.q };
  const r = await repo.searchEnrolments(deps.db, filter, 1, LIMIT);
  if (r.total > LIMIT) throw new AppError('BAD_REQUEST', undefined, `符合条件的记录超过${LIMIT}条，请缩小查询范围`);
  const at = deps.now();
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config.keys.auditKey, actor, { action: 'mutual_aid.exported', objectType: 'mutual_aid_export', after: { rows: r.total, filter: { ...filter, scopePath: undefined } } }),
  );
  const wb = new ExcelJS.Workbook();
  wb.creator = caller.username;
  const watermark = `导出人：${caller.name}（${caller.username}） 导出时间：${beijing(at.toISOString())}（北京时间） 仅限工会工作使用`;
  const ws = wb.addWorksheet('职工互助保障入会汇总', { headerFooter: { oddHeader: `&L${watermark}`, oddFooter: `&L${watermark}&R第 &P 页` } });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([`职工互助保障单位入会汇总${q.year ? `（${q.year}年度）` : ''}`]).font = { bold: true, size: 14 };
  ws.addRow([watermark]);
  ws.addRow(columns.map((c) => c.header)).font = { bold: true };
  r.items.forEach((v, i) => {
    const e = toRow(deps, v);
    const row = ws.addRow({
      n: i + 1,
      orgName: safeCell(e.orgName),
      parentOrgName: safeCell(e.parentOrgName),
      year: e.year,
      kind: mutualAidEnrolmentKindLabels[e.kind as MutualAidEnrolmentKind],
      status: mutualAidEnrolmentStatusLabels[e.status as MutualAidEnrolmentStatus],
      members: e.memberCount,
      contribution: e.contributionFen / 100,
      amount: e.amountFen / 100,
      operatorName: safeCell(e.operatorName),
      phone: safeCell(e.operatorPhoneMasked),
      note: safeCell(e.note),
      submittedAt: beijing(e.submittedAt),
      decidedAt: e.status === 'approved' ? beijing(e.decidedAt) : '',
      contractNo: safeCell(e.contractNo),
      cover: e.coverFrom && e.coverTo ? `${e.coverFrom} 至 ${e.coverTo}` : '',
    });
    row.getCell('contribution').numFmt = '#,##0.00';
    row.getCell('amount').numFmt = '#,##0.00';
    row.getCell('phone').numFmt = '@';
  });
  const t = r.totals;
  const total = ws.addRow({
    orgName: `合计：${t.units}个单位（不含已撤回）；其中审核通过 ${t.approvedMembers} 人、${formatYuan(t.approvedAmountFen)} 元`,
    members: t.members,
    amount: t.amountFen / 100,
  });
  total.font = { bold: true };
  total.getCell('amount').numFmt = '#,##0.00';
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, filename: `职工互助保障入会汇总_${q.year ?? '全部年度'}_${beijing(at.toISOString()).slice(0, 10)}.xlsx`, rows: r.total };
}
