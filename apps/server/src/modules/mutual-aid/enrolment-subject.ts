import { chinaToday, mutualAidResubmitBodySchema, type FieldIssue, type MutualAidEnrolmentKind, type ReviewChange } from '@gonghui/contracts';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { findOrg } from '../organisations/index.js';
import type { Resubmission, SubjectContext, SubjectHandler } from '../reviews/index.js';
import { changesOf, checkFrozen, chineseDate, contractNoOf, coverPeriod, titleOf } from './enrolment-rules.js';
import * as repo from './mutual-aid.repository.js';

async function enrolmentOf(ctx: SubjectContext): Promise<repo.EnrolmentRecord> {
  const e = await repo.lockEnrolment(ctx.tx, ctx.review.subjectId);
  if (!e) throw new Error(`mutual-aid enrolment ${ctx.review.subjectId} missing`);
  return e;
}

/** Approved: the association's contract is made (its number and cover period fixed now). */
async function approved(ctx: SubjectContext): Promise<Resubmission> {
  const { tx, deps } = ctx;
  const e = await enrolmentOf(ctx);
  const today = chinaToday(deps.now());
  if (today > `${e.year}-12-31`) throw new AppError('MUTUAL_AID_WINDOW_CLOSED', undefined, `${e.year}年度已结束，不能再审核通过，请退回`);
  const contractNo = contractNoOf(e.year, await repo.nextContractSerial(tx));
  const cover = coverPeriod(e.year, today);
  const row = await repo.setEnrolment(tx, e.id, 'pending', { status: 'approved', decidedAt: deps.now(), contractNo, ...cover });
  if (!row) throw new AppError('REVIEW_TAKEN');
  await recordAudit(tx, deps.config.keys.auditKey, ctx.actor, {
    action: 'mutual_aid.approved',
    objectType: 'mutual_aid_enrolment',
    objectId: e.id,
    orgId: e.orgId,
    after: { contractNo, members: e.memberCount, amountFen: e.amountFen, ...cover },
  });
  const changes: ReviewChange[] = [
    ...(ctx.review.changes as ReviewChange[]),
    { label: '合同编号', before: null, after: contractNo },
    { label: '保障期间', before: null, after: `${chineseDate(cover.coverFrom)}至${chineseDate(cover.coverTo)}` },
  ];
  return { changes };
}

async function ended(ctx: SubjectContext, status: 'returned' | 'withdrawn'): Promise<void> {
  const e = await enrolmentOf(ctx);
  if (!(await repo.setEnrolment(ctx.tx, e.id, 'pending', { status, decidedAt: ctx.deps.now() }))) throw new AppError('REVIEW_TAKEN');
}

/** What a resubmission may correct (the operator's details), checked like a fresh submission. */
const correctionSchema = mutualAidResubmitBodySchema.partial();

/** Returned and sent again: the list is taken again from the registry (the unit may have fixed it). */
async function resubmitted(ctx: SubjectContext, payload: Record<string, unknown> | undefined): Promise<Resubmission> {
  const { tx, deps } = ctx;
  const parsed = correctionSchema.safeParse(payload ?? {});
  if (!parsed.success) {
    const details: FieldIssue[] = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION_FAILED', details, `提交的内容有误：${details.map((d) => d.message).join('；')}`);
  }
  const c = parsed.data;
  const e = await enrolmentOf(ctx);
  if (e.status !== 'returned') throw new AppError('REVIEW_CANNOT_RESUBMIT');
  if (chinaToday(deps.now()) > `${e.year}-12-31`) throw new AppError('MUTUAL_AID_WINDOW_CLOSED', undefined, `${e.year}年度已结束，不能再提交入会`);
  const org = (await findOrg(tx, e.orgId))!;
  const kind = e.kind as MutualAidEnrolmentKind;
  await repo.dropFrozenRoster(tx, e.id);
  const count = await repo.freezeRoster(tx, e.id, e.orgId, kind, e.year);
  checkFrozen(count, c.expectedCount ?? count, kind);
  const operatorName = c.operatorName ?? e.operatorName;
  const operatorPhone = c.operatorPhone ?? deps.crypto.decrypt(e.operatorPhoneEnc);
  const note = c.note !== undefined ? c.note : e.note;
  const amountFen = count * e.contributionFen;
  const row = await repo.setEnrolment(tx, e.id, 'returned', {
    status: 'pending',
    memberCount: count,
    amountFen,
    operatorName,
    operatorPhoneEnc: deps.crypto.encrypt(operatorPhone),
    note,
    submittedAt: deps.now(),
    decidedAt: null,
  });
  if (!row) throw new AppError('REVIEW_TAKEN');
  return {
    title: titleOf(org.name, e.year, kind, count, amountFen),
    changes: changesOf({ orgName: org.name, year: e.year, kind, count, contributionFen: e.contributionFen, operatorName, operatorPhone, note }),
    payload: { operatorName, note: note ?? '' },
  };
}

export const mutualAidEnrolmentSubject: SubjectHandler = {
  approved,
  returned: (ctx) => ended(ctx, 'returned'),
  withdrawn: (ctx) => ended(ctx, 'withdrawn'),
  resubmitted,
};
