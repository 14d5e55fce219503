import { PassThrough } from 'node:stream';
import { idTypeLabels, maskIdNumber, maskPhone, membershipStatusLabels, sexLabels, type IdType, type MembershipStatus } from '@gonghui/contracts';
import type { memberExportBodySchema } from '@gonghui/contracts';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { recordAudit, type Actor } from '../../../platform/audit/audit.js';
import { hasPermission, type ScopedCaller } from '../../../platform/auth-context.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import { safeCell } from '../../../platform/files/spreadsheet.js';
import * as repo from '../members.repository.js';
import { memberSearchOf } from '../members.service.js';

const BATCH = 2000;
export const EXPORT_LIMIT = 200_000;

const columns = [
  { header: '会员编号', key: 'memberNo', width: 14 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '性别', key: 'sex', width: 6 },
  { header: '证件类型', key: 'idType', width: 16 },
  { header: '证件号码', key: 'idNumber', width: 22 },
  { header: '移动电话', key: 'phone', width: 14 },
  { header: '联系地址', key: 'address', width: 30 },
  { header: '所属工会', key: 'orgName', width: 30 },
  { header: '所在单位', key: 'workUnitName', width: 30 },
  { header: '会籍状态', key: 'status', width: 10 },
  { header: '入会日期', key: 'joinedOn', width: 12 },
];

/**
 * The current search as a workbook, streamed. Masked unless the caller may reveal and asks for
 * full numbers with a reason; either way the export is audited and every sheet says who and when.
 */
export async function exportMembers(deps: Deps, caller: ScopedCaller, actor: Actor, body: z.infer<typeof memberExportBodySchema>) {
  if (body.full && !hasPermission(caller.post.role, 'member.reveal')) throw new AppError('FORBIDDEN', undefined, '无权导出完整证件号码');
  const filters = memberSearchOf(deps, body);
  const first = await repo.searchMembers(deps.db, caller.scopePath, { ...filters, page: 1, pageSize: 1 });
  if (first.total > EXPORT_LIMIT)
    throw new AppError('BAD_REQUEST', { total: first.total }, `符合条件的会员有 ${first.total} 名，单次最多导出 ${EXPORT_LIMIT} 名，请缩小查询范围`);
  const at = deps.now();
  const watermark = `导出人：${caller.name}（${caller.username}） 导出时间：${at.toISOString().replace('T', ' ').slice(0, 19)} UTC ${body.full ? '含完整号码，' : ''}仅限工会工作使用`;
  const { full, reason, ...searched } = body;
  await deps.db.transaction((tx) =>
    recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'member.exported',
      objectType: 'member_export',
      after: { full, reason: reason ?? null, rows: first.total, filters: { ...searched, idNumber: searched.idNumber ? '(已指定)' : undefined, phone: searched.phone ? '(已指定)' : undefined } },
    }),
  );

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = caller.username;
  const ws = wb.addWorksheet('会员信息', { headerFooter: { oddHeader: `&L${watermark}`, oddFooter: `&L${watermark}&R第 &P 页` } });
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  ws.addRow([watermark]).commit();
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  void (async () => {
    try {
      for (let page = 1; (page - 1) * BATCH < first.total; page++) {
        const { items } = await repo.searchMembers(deps.db, caller.scopePath, { ...filters, page, pageSize: BATCH });
        for (const r of items) {
          const id = deps.crypto.decrypt(r.p.idNumberEnc);
          const phone = r.p.phoneEnc ? deps.crypto.decrypt(r.p.phoneEnc) : null;
          const row = ws.addRow({
            memberNo: safeCell(r.m.memberNo),
            name: safeCell(r.p.name),
            sex: sexLabels[r.p.sex as 'male' | 'female'],
            idType: idTypeLabels[r.p.idType as IdType],
            idNumber: safeCell(full ? id : maskIdNumber(id)),
            phone: safeCell(phone ? (full ? phone : maskPhone(phone)) : ''),
            address: safeCell(r.p.address),
            orgName: safeCell(r.orgName),
            workUnitName: safeCell(r.workUnitName),
            status: membershipStatusLabels[r.m.status as MembershipStatus],
            joinedOn: r.m.joinedOn ?? '',
          });
          // Numbers stay text: Excel would turn an 18-digit ID into 3.40524E+17.
          row.getCell('idNumber').numFmt = '@';
          row.getCell('phone').numFmt = '@';
          row.commit();
        }
      }
      ws.commit();
      await wb.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return { stream: out, filename: `会员信息_${at.toISOString().slice(0, 10)}${full ? '_完整' : ''}.xlsx`, rows: first.total };
}
