import {
  isBaseUnionKind,
  maskIdNumber,
  maskPhone,
  type MembershipStatus,
  type MutualAidEnrolmentDetail,
  type MutualAidEnrolmentKind,
  type MutualAidEnrolmentQuery,
  type MutualAidEnrolmentRow,
  type MutualAidEnrolmentStatus,
  type MutualAidMember,
  type MutualAidResubmitBody,
  type MutualAidRoster,
  type MutualAidSubmitBody,
} from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { idempotently, type IdempotentRequest } from '../../platform/idempotency.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { getOrgInScope } from '../organisations/index.js';
import { getReview, openReview, resubmitReview, reviewerOf, reviewOfSubject, withdrawReview } from '../reviews/index.js';
import { assertOwnUnit } from './mutual-aid.policy.js';
import { changesOf, checkFrozen, refusalOf, SUBJECT, titleOf } from './enrolment-rules.js';
import * as repo from './mutual-aid.repository.js';
import { toPlan } from './plans.service.js';

function toMember(deps: Deps, r: repo.RosterRow): MutualAidMember {
  return {
    membershipId: r.membershipId,
    memberNo: r.memberNo,
    name: r.name,
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(r.idNumberEnc)),
    status: r.status as MembershipStatus,
    joinedOn: r.joinedOn,
  };
}

export function toRow(deps: Deps, v: repo.EnrolmentView): MutualAidEnrolmentRow {
  return {
    id: v.id,
    year: v.year,
    kind: v.kind as MutualAidEnrolmentKind,
    status: v.status as MutualAidEnrolmentStatus,
    orgId: v.orgId,
    orgName: v.orgName,
    parentOrgName: v.parentOrgName,
    memberCount: v.memberCount,
    contributionFen: v.contributionFen,
    amountFen: v.amountFen,
    operatorName: v.operatorName,
    operatorPhoneMasked: maskPhone(deps.crypto.decrypt(v.operatorPhoneEnc)),
    note: v.note,
    submittedAt: v.submittedAt.toISOString(),
    decidedAt: v.decidedAt?.toISOString() ?? null,
    contractNo: v.contractNo,
    coverFrom: v.coverFrom,
    coverTo: v.coverTo,
    version: v.version,
  };
}

/**
 * The list a unit would submit now, read live from the member registry (no day's lag), with the
 * count and amount of the whole list and why it may not be submitted, if so.
 */
export async function getRoster(deps: Deps, caller: ScopedCaller, orgId: string, q: { year: number; kind: MutualAidEnrolmentKind; page: number; pageSize: number; q?: string }): Promise<MutualAidRoster> {
  const org = await getOrgInScope(deps.db, caller, orgId);
  if (!isBaseUnionKind(org.kind)) throw new AppError('MUTUAL_AID_NOT_A_UNIT', undefined, '只有基层工会（单位）有入会名单，请选择一个基层工会');
  const plan = await repo.findPlanByYear(deps.db, q.year);
  const count = await repo.countRoster(deps.db, org.id, q.kind, q.year);
  const total = q.q ? await repo.countRoster(deps.db, org.id, q.kind, q.year, q.q) : count;
  const rows = await repo.pageRoster(deps.db, org.id, q.kind, q.year, q.page, q.pageSize, q.q);
  let refusal = (await refusalOf(deps.db, plan, org.id, q.kind, q.year, deps.now()))?.message ?? null;
  if (!refusal && count === 0) refusal = q.kind === 'annual' ? '入会名单为空：本单位没有会籍状态为“入会、转入”的在职会员' : '没有需要补充入会的会员：本单位的在职会员本年度都已参保';
  if (!refusal && caller.post.orgId !== org.id) refusal = '单位入会须由本单位工会经办人提交（上级工会负责审核）';
  return {
    items: rows.map((r) => toMember(deps, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    orgId: org.id,
    orgName: org.name,
    year: q.year,
    kind: q.kind,
    plan: plan ? toPlan(plan, 0) : null,
    count,
    amountFen: plan ? count * plan.contributionFen : 0,
    refusal,
  };
}

/**
 * 一键提交 + 立即申请: takes the unit's list from the registry as it stands, freezes it, and puts
 * it under the upper union's review, all in one transaction. Two submissions racing for the same
 * unit and year: the partial unique index lets exactly one through.
 */
export async function submitEnrolment(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: MutualAidSubmitBody, idem: IdempotentRequest | null = null): Promise<MutualAidEnrolmentDetail> {
  // With an Idempotency-Key, a retried submission (a lost answer, a second click) gets the first
  // one's enrolment, as it stands now, instead of a "已有申请" refusal.
  const { body: id } = await idempotently(deps.db, deps.now(), idem, 201, async (tx) => {
    const org = await getOrgInScope(tx, caller, orgId);
    assertOwnUnit(caller, org);
    const plan = await repo.findPlanByYear(tx, body.year);
    const refusal = await refusalOf(tx, plan, org.id, body.kind, body.year, deps.now());
    if (refusal) throw new AppError(refusal.code, undefined, refusal.message);
    const fen = plan!.contributionFen;
    let e: repo.EnrolmentRecord;
    try {
      e = await repo.insertEnrolment(tx, {
        planId: plan!.id,
        year: body.year,
        orgId: org.id,
        kind: body.kind,
        status: 'pending',
        memberCount: body.expectedCount,
        contributionFen: fen,
        amountFen: body.expectedCount * fen,
        operatorName: body.operatorName,
        operatorPhoneEnc: deps.crypto.encrypt(body.operatorPhone),
        note: body.note,
        submittedBy: caller.accountId,
        submittedAt: deps.now(),
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('MUTUAL_AID_ENROLMENT_EXISTS');
      throw err;
    }
    checkFrozen(await repo.freezeRoster(tx, e.id, org.id, body.kind, body.year), body.expectedCount, body.kind);
    const words = { orgName: org.name, year: body.year, kind: body.kind, count: body.expectedCount, contributionFen: fen, operatorName: body.operatorName, operatorPhone: body.operatorPhone, note: body.note };
    await openReview(tx, deps, actor, reviewerOf(caller), {
      subjectType: SUBJECT,
      subjectId: e.id,
      submitterOrgId: org.id,
      submittedBy: caller.accountId,
      title: titleOf(org.name, body.year, body.kind, body.expectedCount, e.amountFen),
      changes: changesOf(words),
      payload: { operatorName: body.operatorName, note: body.note ?? '' },
      plan: [{ stage: 1, label: '上级工会审核', reviewer: { upperOf: org.id } }],
    });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'mutual_aid.submitted',
      objectType: 'mutual_aid_enrolment',
      objectId: e.id,
      orgId: org.id,
      after: { year: body.year, kind: body.kind, members: body.expectedCount, amountFen: e.amountFen, operatorName: body.operatorName, operatorPhone: maskPhone(body.operatorPhone) },
    });
    return e.id;
  });
  return getEnrolment(deps, caller, id);
}

async function viewInScope(deps: Deps, caller: ScopedCaller, id: string): Promise<repo.EnrolmentView> {
  const v = await repo.findEnrolmentInScope(deps.db, id, caller.scopePath);
  if (!v) throw new AppError('NOT_FOUND');
  return v;
}

async function reviewOf(deps: Deps, id: string) {
  const rv = await reviewOfSubject(deps, SUBJECT, id);
  if (!rv) throw new Error(`enrolment ${id} has no review`);
  return rv;
}

/** One enrolment with its review's steps and trail (第三步：查看入会审核状态). */
export async function getEnrolment(deps: Deps, caller: ScopedCaller, id: string): Promise<MutualAidEnrolmentDetail> {
  const v = await viewInScope(deps, caller, id);
  const rv = await reviewOf(deps, id);
  const review = await getReview(deps, reviewerOf(caller), rv.review.id);
  const plan = (await repo.findPlan(deps.db, v.planId))!;
  const own = caller.post.orgId === v.orgId;
  return {
    ...toRow(deps, v),
    reviewId: review.id,
    reviewVersion: review.version,
    steps: review.steps,
    trail: review.trail,
    returnReason: rv.returnReason,
    canWithdraw: own && review.canWithdraw,
    canResubmit: own && review.canResubmit,
    plan: toPlan(plan, 0),
  };
}

/** The submitter takes a pending enrolment back, before the upper union has approved it. */
export async function withdrawEnrolment(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, reason: string | null): Promise<MutualAidEnrolmentDetail> {
  const v = await viewInScope(deps, caller, id);
  if (caller.post.orgId !== v.orgId) throw new AppError('MUTUAL_AID_NOT_A_UNIT', undefined, '只有提交入会申请的单位可以撤回');
  if (v.status === 'approved') throw new AppError('REVIEW_CANNOT_WITHDRAW', undefined, '上级工会已审核通过，入会申请不能撤回');
  if (v.status === 'returned') throw new AppError('REVIEW_CANNOT_WITHDRAW', undefined, '该申请已被退回，无需撤回：请核对名单后重新提交');
  if (v.status === 'withdrawn') throw new AppError('REVIEW_CANNOT_WITHDRAW', undefined, '该申请已经撤回');
  const rv = await reviewOf(deps, id);
  await withdrawReview(deps, reviewerOf(caller), actor, rv.review.id, { version: rv.review.version, reason: reason ?? undefined });
  return getEnrolment(deps, caller, id);
}

/** A returned enrolment sent again: the list is taken again from the registry, as it stands now. */
export async function resubmitEnrolment(deps: Deps, caller: ScopedCaller, actor: Actor, id: string, body: MutualAidResubmitBody): Promise<MutualAidEnrolmentDetail> {
  const v = await viewInScope(deps, caller, id);
  if (caller.post.orgId !== v.orgId) throw new AppError('MUTUAL_AID_NOT_A_UNIT', undefined, '只有提交入会申请的单位可以重新提交');
  const rv = await reviewOf(deps, id);
  await resubmitReview(deps, reviewerOf(caller), actor, rv.review.id, { version: rv.review.version, payload: body });
  return getEnrolment(deps, caller, id);
}

/** The association's view (and every upper union's, within its subtree): enrolments with totals. */
export async function listEnrolments(deps: Deps, caller: ScopedCaller, q: MutualAidEnrolmentQuery) {
  const r = await repo.searchEnrolments(deps.db, { scopePath: caller.scopePath, year: q.year, status: q.status, kind: q.kind, orgId: q.orgId, q: q.q }, q.page, q.pageSize);
  return { items: r.items.map((v) => toRow(deps, v)), total: r.total, page: q.page, pageSize: q.pageSize, totals: r.totals };
}

/** The frozen list of one enrolment, each with their membership's status now. */
export async function listEnrolledMembers(deps: Deps, caller: ScopedCaller, id: string, q: { page: number; pageSize: number; q?: string }) {
  await viewInScope(deps, caller, id);
  const r = await repo.pageFrozenRoster(deps.db, id, q.page, q.pageSize, q.q);
  return { items: r.items.map((x) => toMember(deps, x)), total: r.total, page: q.page, pageSize: q.pageSize };
}

/** For the contract: the enrolment (approved, in scope) and its whole frozen list. */
export async function contractSource(deps: Deps, caller: ScopedCaller, id: string) {
  const v = await viewInScope(deps, caller, id);
  if (v.status !== 'approved' || !v.contractNo) throw new AppError('MUTUAL_AID_CONTRACT_NOT_READY');
  const plan = (await repo.findPlan(deps.db, v.planId))!;
  const members = await repo.pageFrozenRoster(deps.db, id, 1, 1_000_000);
  return { enrolment: v, plan, members: members.items.map((m) => ({ memberNo: m.memberNo, name: m.name })) };
}
