import { chinaToday, formatYuan, maskPhone, mutualAidEnrolmentKindLabels, type ErrorCode, type MutualAidEnrolmentKind, type ReviewChange } from '@gonghui/contracts';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './mutual-aid.repository.js';

/** The review subject type of an enrolment. */
export const SUBJECT = 'mutual_aid_enrolment' as const;

export interface Refusal {
  code: ErrorCode;
  message: string;
}

const zh = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
export const chineseDate = zh;

/**
 * Why a unit cannot submit this kind of enrolment for this year today; null when it can. The
 * unit's own state is told before the window, so an enrolled unit hears that it is enrolled.
 */
export async function refusalOf(db: DbOrTx, plan: repo.PlanRecord | undefined, orgId: string, kind: MutualAidEnrolmentKind, year: number, now: Date): Promise<Refusal | null> {
  if (!plan) return { code: 'MUTUAL_AID_NO_PLAN', message: `${year}年度的职工互助保障计划尚未发布，请等待市总工会（济南市职工互助互济会）发布` };
  const today = chinaToday(now);
  if (today > `${year}-12-31`) return { code: 'MUTUAL_AID_WINDOW_CLOSED', message: `${year}年度已结束，不能再提交入会` };
  if (kind === 'annual') {
    const live = await repo.findLiveEnrolment(db, orgId, year, 'annual');
    if (live?.status === 'approved')
      return {
        code: 'MUTUAL_AID_ALREADY_ENROLLED',
        message: `本单位${year}年度的单位入会已于${zh(chinaToday(live.decidedAt ?? now))}审核通过，本年度不能再次提交；之后新入会或转入的会员请使用“补充入会”`,
      };
    if (live?.status === 'pending')
      return { code: 'MUTUAL_AID_ENROLMENT_EXISTS', message: `本单位${year}年度的单位入会申请正在审核中，请勿重复提交；如名单有误，可在上级工会审核通过前撤回后重新提交` };
    if (live?.status === 'returned') return { code: 'MUTUAL_AID_ENROLMENT_EXISTS', message: `本单位${year}年度的单位入会申请已被上级工会退回，请在该申请上核对名单后重新提交` };
    if (today < plan.enrolFrom || today > plan.enrolTo)
      return { code: 'MUTUAL_AID_WINDOW_CLOSED', message: `${year}年度单位入会开放时间为${zh(plan.enrolFrom)}至${zh(plan.enrolTo)}，当前不在开放时间内` };
    return null;
  }
  if (!(await repo.findLiveEnrolment(db, orgId, year, 'annual', ['approved'])))
    return { code: 'MUTUAL_AID_NOT_ENROLLED', message: `本单位${year}年度尚未完成单位入会（须上级工会审核通过），通过后才能补充入会` };
  const open = await repo.findLiveEnrolment(db, orgId, year, 'supplementary', ['pending', 'returned']);
  if (open) return { code: 'MUTUAL_AID_ENROLMENT_EXISTS', message: `本单位已有一份${year}年度补充入会申请${open.status === 'pending' ? '在审核中' : '被退回待重新提交'}，请处理完后再提交` };
  return null;
}

/** The frozen list must be what the operator checked, and not empty. */
export function checkFrozen(frozen: number, expected: number, kind: MutualAidEnrolmentKind): void {
  if (frozen === 0)
    throw new AppError(
      'MUTUAL_AID_EMPTY_LIST',
      undefined,
      kind === 'annual' ? undefined : '没有需要补充入会的会员：本单位会籍状态为“入会、转入”的会员本年度都已参保',
    );
  if (frozen !== expected) throw new AppError('MUTUAL_AID_ROSTER_CHANGED', { count: frozen }, `入会名单已发生变化（现为${frozen}人，您核对时为${expected}人），请刷新后重新核对名单再提交`);
}

const nextDay = (d: string) => new Date(new Date(`${d}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);

/** Cover starts the day after approval (never before 1 January) and runs to the end of the paid year. */
export function coverPeriod(year: number, approvedOn: string): { coverFrom: string; coverTo: string } {
  const from = nextDay(approvedOn);
  return { coverFrom: from < `${year}-01-01` ? `${year}-01-01` : from, coverTo: `${year}-12-31` };
}

export const contractNoOf = (year: number, serial: number) => `JNHZ${year}-${String(serial).padStart(6, '0')}`;

export function titleOf(orgName: string, year: number, kind: MutualAidEnrolmentKind, count: number, amountFen: number): string {
  return `${orgName} ${year}年度职工互助保障${mutualAidEnrolmentKindLabels[kind]}（${count}人，${formatYuan(amountFen)}元）`;
}

/** The enrolment as the upper union's reviewer reads it (变更内容). */
export function changesOf(
  e: { orgName: string; year: number; kind: MutualAidEnrolmentKind; count: number; contributionFen: number; operatorName: string; operatorPhone: string; note: string | null },
): ReviewChange[] {
  const after = (label: string, v: string) => ({ label, before: null, after: v });
  return [
    after('入会单位', e.orgName),
    after('保障年度', `${e.year}年度`),
    after('入会类型', mutualAidEnrolmentKindLabels[e.kind]),
    after('入会人数', `${e.count}人`),
    after('缴费标准', `每人${formatYuan(e.contributionFen)}元`),
    after('缴费金额', `${formatYuan(e.count * e.contributionFen)}元`),
    after('操作人', e.operatorName),
    after('手机号', maskPhone(e.operatorPhone)),
    after('申请备注', e.note ?? '（无）'),
  ];
}
