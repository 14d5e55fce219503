import {
  chinaToday,
  isBaseUnionKind,
  maskIdNumber,
  membershipStatusLabels,
  type MembershipStatus,
  type ReviewChange,
  type Transfer,
  type TransferInBody,
  type TransferOutBody,
  type TransferSource,
  type TransferStatus,
} from '@gonghui/contracts';
import type { z } from 'zod';
import type { transferQuerySchema } from '@gonghui/contracts';
import type { Tx } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { findCurrentMember, findPersonWithMembership, moveStatus, openMembership, transferableStatuses, type CurrentMember } from '../members/membership-moves.js';
import type { TransferSubmitter } from '../members/index.js';
import { findOrg, getOrgInScope, type OrgRow } from '../organisations/index.js';
import { openReview, reviewerOf, type Reviewer, type StepPlan, type SubjectContext } from '../reviews/index.js';
import * as repo from './transfers.repository.js';

export interface TransferRequest {
  member: CurrentMember;
  target: OrgRow;
  source: TransferSource;
  reason: string;
  importId?: string;
  /** The organisation submitting: the receiving union (transfer in) or the releasing one (transfer out). */
  submitterOrgId: string;
}

/** Why a member cannot be transferred, in the words the operator reads; null when they can. */
export function transferRefusal(member: CurrentMember, targetOrgId: string): string | null {
  if (member.orgId === targetOrgId) return `此人已是本工会会员（会员编号 ${member.memberNo}）`;
  if (member.status === 'transferring') return '此人已有转会申请在审核中，请等待审核结束';
  if (!transferableStatuses.includes(member.status)) return `会籍状态为“${membershipStatusLabels[member.status]}”，不能办理转会`;
  return null;
}

function assertTarget(target: OrgRow) {
  if (!isBaseUnionKind(target.kind)) throw new AppError('NOT_A_BASE_UNION', undefined, '只能转入基层工会或联合工会');
  if (target.status !== 'active') throw new AppError('ORG_REVOKED', undefined, '转入的工会已撤销');
}

/**
 * The review plan: the releasing union reviews a transfer the receiving union asked for; a
 * transfer the releasing union itself submits (transfer out) goes to its upper union.
 */
function planOf(req: TransferRequest): StepPlan[] {
  return req.submitterOrgId === req.member.orgId
    ? [{ stage: 1, label: '转出单位上级工会审核', reviewer: { upperOf: req.member.orgId } }]
    : [{ stage: 1, label: '转出单位审核', reviewer: { org: req.member.orgId } }];
}

function changesOf(member: CurrentMember, target: OrgRow, reason: string) {
  return [
    { label: '所在工会', before: member.orgName, after: target.name },
    { label: '会籍状态', before: membershipStatusLabels[member.status], after: membershipStatusLabels.transferred_in },
    { label: '会员编号', before: member.memberNo, after: '审核通过后生成' },
    { label: '转会原因', before: null, after: reason },
  ];
}

/** Puts one member under a transfer review, in the caller's transaction. */
export async function requestTransfer(tx: Tx, deps: Deps, actor: Actor, who: Reviewer, req: TransferRequest): Promise<repo.TransferRecord> {
  assertTarget(req.target);
  const refusal = transferRefusal(req.member, req.target.id);
  if (refusal) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, refusal);
  const today = chinaToday(deps.now());
  const previous = await moveStatus(tx, { membershipId: req.member.membershipId, from: transferableStatuses, to: 'transferring', on: today, reason: `转会至「${req.target.name}」审核中`, accountId: who.accountId });
  if (!previous) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, '该会员的会籍状态刚刚发生了变化，请刷新后重试');
  let transfer: repo.TransferRecord;
  try {
    transfer = await repo.insertTransfer(tx, {
      personId: req.member.personId,
      fromMembershipId: req.member.membershipId,
      fromOrgId: req.member.orgId,
      toOrgId: req.target.id,
      source: req.source,
      importId: req.importId ?? null,
      status: 'pending',
      previousStatus: previous,
      reason: req.reason,
      submittedBy: who.accountId,
      submittedAt: deps.now(),
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, '此人已有转会申请在审核中，请等待审核结束');
    throw e;
  }
  const masked = maskIdNumber(deps.crypto.decrypt(req.member.idNumberEnc));
  await openReview(tx, deps, actor, who, {
    subjectType: 'member_transfer',
    subjectId: transfer.id,
    submitterOrgId: req.submitterOrgId,
    submittedBy: who.accountId,
    title: `${req.member.personName}（${masked}）从「${req.member.orgName}」转入「${req.target.name}」`,
    changes: changesOf(req.member, req.target, req.reason),
    payload: { reason: req.reason },
    plan: planOf(req),
  });
  await recordAudit(tx, deps.config.keys.auditKey, actor, {
    action: 'transfer.requested',
    objectType: 'member_transfer',
    objectId: transfer.id,
    orgId: req.submitterOrgId,
    after: { name: req.member.personName, idNumber: masked, from: req.member.orgName, to: req.target.name, source: req.source, reason: req.reason },
  });
  return transfer;
}

function toTransfer(deps: Deps, v: repo.TransferView): Transfer {
  return {
    id: v.t.id,
    source: v.t.source as TransferSource,
    status: v.t.status as TransferStatus,
    name: v.name,
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(v.idNumberEnc)),
    fromOrgId: v.t.fromOrgId,
    fromOrgName: v.fromOrgName,
    toOrgId: v.t.toOrgId,
    toOrgName: v.toOrgName,
    previousStatus: v.t.previousStatus as MembershipStatus,
    reason: v.t.reason,
    reviewId: v.reviewId,
    submittedAt: v.t.submittedAt.toISOString(),
    decidedAt: v.t.decidedAt?.toISOString() ?? null,
    newMemberNo: v.newMemberNo,
  };
}

/**
 * Transfers one person into a base union in scope, from wherever they are a member now. Name
 * and document must both match the registry; a mismatch says so without revealing who it is.
 */
export async function transferIn(deps: Deps, caller: ScopedCaller, actor: Actor, orgId: string, body: TransferInBody): Promise<Transfer> {
  const id = await deps.db.transaction(async (tx) => {
    const target = await getOrgInScope(tx, caller, orgId);
    assertTarget(target);
    const found = await findPersonWithMembership(tx, deps.crypto, body.idType, body.idNumber);
    if (!found || found.person.name !== body.name) throw new AppError('TRANSFER_PERSON_MISMATCH', undefined, '姓名与证件号码不一致，或会员库中没有此人：两者都须与会员库一致才能转入');
    if (!found.current) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, '此人目前不是任何工会的会员，请通过“新增会员”办理入会');
    const t = await requestTransfer(tx, deps, actor, reviewerOf(caller), { member: found.current, target, source: 'single', reason: body.reason, submitterOrgId: orgId });
    return t.id;
  });
  return toTransfer(deps, (await repo.findTransferView(deps.db, id))!);
}

/** The releasing union sends one of its members to another base union; its upper union reviews. */
export async function transferOut(deps: Deps, caller: ScopedCaller, actor: Actor, membershipId: string, body: TransferOutBody): Promise<Transfer> {
  const id = await deps.db.transaction(async (tx) => {
    const member = await findCurrentMember(tx, membershipId);
    if (!member || !member.orgPath.startsWith(caller.scopePath)) throw new AppError('NOT_FOUND');
    if (member.version !== body.version) throw new AppError('CONFLICT');
    // The target may lie anywhere in the city: the member moves to another district as often as not.
    const target = await findOrg(tx, body.targetOrgId);
    if (!target) throw new AppError('NOT_FOUND', undefined, '转入的工会不存在');
    const t = await requestTransfer(tx, deps, actor, reviewerOf(caller), { member, target, source: 'transfer_out', reason: body.reason, submitterOrgId: member.orgId });
    return t.id;
  });
  return toTransfer(deps, (await repo.findTransferView(deps.db, id))!);
}

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

export async function listTransfers(deps: Deps, caller: ScopedCaller, q: z.infer<typeof transferQuerySchema>) {
  const r = await repo.searchTransfers(deps.db, {
    scopePath: caller.scopePath,
    direction: q.direction,
    status: q.status,
    orgId: q.orgId,
    from: q.from ? dayStart(q.from) : undefined,
    to: q.to ? new Date(dayStart(q.to).getTime() + 86_400_000) : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { items: r.items.map((v) => toTransfer(deps, v)), total: r.total, page: q.page, pageSize: q.pageSize };
}

export async function searchUnions(deps: Deps, q: string) {
  return { items: await repo.searchUnions(deps.db, q) };
}

// ---- what happens when a transfer's review ends ----

async function transferOf(ctx: SubjectContext) {
  const t = await repo.findTransfer(ctx.tx, ctx.review.subjectId);
  if (!t) throw new Error(`transfer ${ctx.review.subjectId} missing`);
  return t;
}

/** Approved: the old membership closes as transferred out, a new one opens as transferred in. */
async function approved(ctx: SubjectContext) {
  const { tx, deps } = ctx;
  const t = await transferOf(ctx);
  const today = chinaToday(deps.now());
  const target = (await findOrg(tx, t.toOrgId))!;
  const source = (await findOrg(tx, t.fromOrgId))!;
  if (!(await moveStatus(tx, { membershipId: t.fromMembershipId, from: ['transferring'], to: 'transferred_out', on: today, reason: `转会至「${target.name}」`, accountId: ctx.accountId })))
    throw new AppError('CONFLICT', undefined, '该会员的会籍状态已发生变化，不能完成转会');
  const created = await openMembership(tx, { personId: t.personId, orgId: t.toOrgId, status: 'transferred_in', on: today, reason: `由「${source.name}」转入`, accountId: ctx.accountId });
  await repo.setTransfer(tx, t.id, 'pending', { status: 'approved', decidedAt: deps.now(), newMembershipId: created.id });
  await recordAudit(tx, deps.config.keys.auditKey, ctx.actor, {
    action: 'transfer.completed',
    objectType: 'member_transfer',
    objectId: t.id,
    orgId: t.toOrgId,
    after: { from: source.name, to: target.name, memberNo: created.memberNo },
  });
  const changes = (ctx.review.changes as ReviewChange[]).map((c) => (c.label === '会员编号' ? { ...c, after: created.memberNo } : c));
  return { changes };
}

/** Returned or withdrawn: the member's status goes back to what it was; only the trail remains. */
async function ended(ctx: SubjectContext, status: 'returned' | 'withdrawn') {
  const t = await transferOf(ctx);
  await repo.setTransfer(ctx.tx, t.id, 'pending', { status, decidedAt: ctx.deps.now() });
  await moveStatus(ctx.tx, {
    membershipId: t.fromMembershipId,
    from: ['transferring'],
    to: t.previousStatus as MembershipStatus,
    on: chinaToday(ctx.deps.now()),
    reason: status === 'returned' ? '转会申请被退回' : '转会申请已撤回',
    accountId: ctx.accountId,
  });
}

/** A returned transfer sent again (its reason may be corrected): the member is transferring again. */
async function resubmitted(ctx: SubjectContext, payload: Record<string, unknown> | undefined) {
  const { tx, deps } = ctx;
  const t = await transferOf(ctx);
  const reason = typeof payload?.reason === 'string' && payload.reason.trim() ? payload.reason.trim().slice(0, 200) : t.reason;
  const member = (await findCurrentMember(tx, t.fromMembershipId))!;
  const target = (await findOrg(tx, t.toOrgId))!;
  assertTarget(target);
  const refusal = member.status === 'transferred_out' ? '此人已不是原工会的会员，不能再提交此转会' : transferRefusal(member, t.toOrgId);
  if (refusal) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, refusal);
  const previous = await moveStatus(tx, { membershipId: member.membershipId, from: transferableStatuses, to: 'transferring', on: chinaToday(deps.now()), reason: `转会至「${target.name}」重新提交审核`, accountId: ctx.accountId });
  if (!previous) throw new AppError('TRANSFER_NOT_ALLOWED');
  try {
    await repo.setTransfer(tx, t.id, 'returned', { status: 'pending', previousStatus: previous, reason, decidedAt: null });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, '此人已有另一转会申请在审核中');
    throw e;
  }
  return { payload: { reason }, changes: changesOf(member, target, reason) };
}

export const memberTransferSubject = {
  approved,
  returned: (ctx: SubjectContext) => ended(ctx, 'returned'),
  withdrawn: (ctx: SubjectContext) => ended(ctx, 'withdrawn'),
  resubmitted,
};

/** A committed transfer-in row: the union that uploaded the file asks for this member. Returns the reviewing union's name. */
export const submitImportedTransfer: TransferSubmitter = async (tx, deps, actor, task, row) => {
  const member = await findCurrentMember(tx, row.membershipId);
  const target = await findOrg(tx, task.orgId);
  if (!member || !target) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, '此人的会籍已发生变化，请重新核对');
  const who: Reviewer = { accountId: actor.accountId ?? task.submittedBy, name: actor.name ?? '', orgId: task.orgId, scopePath: target.path };
  await requestTransfer(tx, deps, actor, who, { member, target, source: 'import', reason: row.reason, importId: task.id, submitterOrgId: task.orgId });
  return member.orgName;
};
