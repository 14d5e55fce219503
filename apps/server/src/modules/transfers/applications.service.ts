import {
  checkIdNumber,
  chinaToday,
  isBaseUnionKind,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  type Application,
  type ApplicationBody,
  type ApplicationKind,
  type IdType,
  type ReviewStatus,
} from '@gonghui/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { DbOrTx } from '../../db/client.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Crypto } from '../../platform/crypto.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import { findPersonWithMembership, insertPerson, moveStatus, openMembership, transferableStatuses } from '../members/membership-moves.js';
import { findOrg } from '../organisations/index.js';
import { openReview, resubmitReview, reviewOfSubject, withdrawReview, type Reviewer, type SubjectContext } from '../reviews/index.js';
import { memberApplications } from './transfers.table.js';
import { transferRefusal } from './transfers.service.js';

type ApplicationRecord = typeof memberApplications.$inferSelect;

/** A person acting on their own application: no organisation, only their account. */
const applicantOf = (auth: AuthContext): Reviewer => ({ accountId: auth.accountId, name: auth.name, orgId: null, scopePath: null });

/**
 * Why this person cannot make this application now, or null. Checked when applying and again
 * when the union approves, since a person's membership may change in between.
 */
async function refusal(db: DbOrTx, crypto: Crypto, kind: ApplicationKind, targetOrgId: string, idType: string, idNumber: string, name: string): Promise<string | null> {
  const found = await findPersonWithMembership(db, crypto, idType, idNumber);
  if (found && found.person.name !== name) return '姓名与证件号码不一致，请核对（如曾改名，请联系原工会更新）';
  const current = found?.current ?? null;
  if (kind === 'join') {
    if (current?.orgId === targetOrgId) return '您已是该工会会员';
    if (current) return `您已是「${current.orgName}」的会员，请改为提交转会申请`;
    return null;
  }
  if (!current) return '会员库中没有您的会籍，请改为提交入会申请';
  return transferRefusal(current, targetOrgId);
}

/** A person asks to join a base union, or to transfer into one; the target union reviews. */
export async function apply(deps: Deps, auth: AuthContext, actor: Actor, body: ApplicationBody): Promise<Application> {
  const target = await findOrg(deps.db, body.targetOrgId);
  if (!target || !isBaseUnionKind(target.kind) || target.status !== 'active') throw new AppError('NOT_FOUND', undefined, '所选工会不存在或已撤销，请重新搜索');
  const why = await refusal(deps.db, deps.crypto, body.kind, target.id, body.idType, body.idNumber, body.name);
  if (why) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, why);
  const id = await deps.db.transaction(async (tx) => {
    let app: ApplicationRecord;
    try {
      [app] = await tx
        .insert(memberApplications)
        .values({
          applicantAccountId: auth.accountId,
          kind: body.kind,
          targetOrgId: target.id,
          name: body.name,
          idType: body.idType,
          idNumberEnc: deps.crypto.encrypt(normalizeIdNumber(body.idNumber)),
          idIndex: deps.crypto.blindIndex('id', normalizeIdNumber(body.idNumber)),
          phoneEnc: deps.crypto.encrypt(body.phone),
          phoneIndex: deps.crypto.blindIndex('phone', body.phone),
          workUnitName: body.workUnitName,
          reason: body.reason || null,
          status: 'pending',
          submittedAt: deps.now(),
        })
        .returning();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('APPLICATION_EXISTS');
      throw e;
    }
    const masked = maskIdNumber(normalizeIdNumber(body.idNumber));
    const label = body.kind === 'join' ? '入会申请' : '转会申请';
    await openReview(tx, deps, actor, applicantOf(auth), {
      subjectType: 'member_application',
      subjectId: app.id,
      submitterOrgId: null,
      submittedBy: auth.accountId,
      title: `${body.name}（${masked}）${label}：${target.name}`,
      changes: [
        { label: '申请类型', before: null, after: label },
        { label: '申请加入', before: null, after: target.name },
        { label: '工作单位', before: null, after: body.workUnitName },
        { label: '手机号', before: null, after: maskPhone(body.phone) },
        ...(body.reason ? [{ label: '申请说明', before: null, after: body.reason }] : []),
      ],
      // Sex and birth date only for documents that do not carry them; needed if the person is new.
      payload: { workUnitName: body.workUnitName, reason: body.reason ?? '', ...(body.sex ? { sex: body.sex, birthDate: body.birthDate } : {}) },
      plan: [{ stage: 1, label: '申请加入的工会审核', reviewer: { org: target.id } }],
    });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'application.submitted',
      objectType: 'member_application',
      objectId: app.id,
      orgId: target.id,
      after: { kind: body.kind, name: body.name, idNumber: masked, union: target.name },
    });
    return app.id;
  });
  return getApplication(deps, auth, id);
}

async function toApplication(deps: Deps, a: ApplicationRecord): Promise<Application> {
  const target = await findOrg(deps.db, a.targetOrgId);
  const r = await reviewOfSubject(deps, 'member_application', a.id);
  let memberNo: string | null = null;
  if (a.membershipId) memberNo = (await findPersonWithMembership(deps.db, deps.crypto, a.idType, deps.crypto.decrypt(a.idNumberEnc)))?.current?.memberNo ?? null;
  return {
    id: a.id,
    kind: a.kind as ApplicationKind,
    status: a.status as ReviewStatus,
    name: a.name,
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(a.idNumberEnc)),
    phoneMasked: maskPhone(deps.crypto.decrypt(a.phoneEnc)),
    workUnitName: a.workUnitName,
    targetOrgId: a.targetOrgId,
    targetOrgName: target?.name ?? '',
    reviewingOrgName: a.status === 'pending' ? (r?.waitingFor[0] ?? null) : null,
    returnReason: a.status === 'returned' ? (r?.returnReason ?? null) : null,
    reviewId: r!.review.id,
    submittedAt: a.submittedAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
    memberNo,
  };
}

async function ownApplication(deps: Deps, auth: AuthContext, id: string): Promise<ApplicationRecord> {
  const [a] = await deps.db.select().from(memberApplications).where(and(eq(memberApplications.id, id), eq(memberApplications.applicantAccountId, auth.accountId)));
  if (!a) throw new AppError('NOT_FOUND');
  return a;
}

export async function getApplication(deps: Deps, auth: AuthContext, id: string): Promise<Application> {
  return toApplication(deps, await ownApplication(deps, auth, id));
}

/** The caller's own applications, newest first, each saying which union is reviewing it. */
export async function myApplications(deps: Deps, auth: AuthContext): Promise<{ items: Application[] }> {
  const rows = await deps.db.select().from(memberApplications).where(eq(memberApplications.applicantAccountId, auth.accountId)).orderBy(desc(memberApplications.submittedAt)).limit(50);
  return { items: await Promise.all(rows.map((a) => toApplication(deps, a))) };
}

export async function withdrawApplication(deps: Deps, auth: AuthContext, actor: Actor, id: string): Promise<Application> {
  const a = await ownApplication(deps, auth, id);
  const r = (await reviewOfSubject(deps, 'member_application', a.id))!;
  await withdrawReview(deps, applicantOf(auth), actor, r.review.id, { version: r.review.version });
  return getApplication(deps, auth, id);
}

export async function resubmitApplication(deps: Deps, auth: AuthContext, actor: Actor, id: string, payload: Record<string, unknown> | undefined): Promise<Application> {
  const a = await ownApplication(deps, auth, id);
  const r = (await reviewOfSubject(deps, 'member_application', a.id))!;
  await resubmitReview(deps, applicantOf(auth), actor, r.review.id, { version: r.review.version, payload });
  return getApplication(deps, auth, id);
}

// ---- what happens when an application's review ends ----

async function applicationOf(ctx: SubjectContext): Promise<ApplicationRecord> {
  const [a] = await ctx.tx.select().from(memberApplications).where(eq(memberApplications.id, ctx.review.subjectId)).for('update');
  if (!a) throw new Error(`application ${ctx.review.subjectId} missing`);
  return a;
}

/** Approved: a join opens a membership (and the person, if new); a transfer moves the current one. */
async function approved(ctx: SubjectContext) {
  const { tx, deps } = ctx;
  const a = await applicationOf(ctx);
  const idNumber = deps.crypto.decrypt(a.idNumberEnc);
  const why = await refusal(tx, deps.crypto, a.kind as ApplicationKind, a.targetOrgId, a.idType, idNumber, a.name);
  if (why) throw new AppError('TRANSFER_NOT_ALLOWED', undefined, `不能通过：${why}；请退回并说明原因`);
  const today = chinaToday(deps.now());
  const target = (await findOrg(tx, a.targetOrgId))!;
  const found = await findPersonWithMembership(tx, deps.crypto, a.idType, idNumber);
  let personId = found?.person.id;
  if (!personId) {
    const derived = checkIdNumber(idNumber, a.idType as IdType);
    const payload = ctx.review.payload as { sex?: string; birthDate?: string };
    const sex = (derived.ok && derived.sex) || payload.sex;
    const birthDate = (derived.ok && derived.birthDate) || payload.birthDate;
    // The contract asks for both whenever the document does not carry them.
    if (!sex || !birthDate) throw new Error(`application ${a.id} lacks sex or birth date`);
    const person = await insertPerson(tx, {
      idType: a.idType,
      idNumberEnc: a.idNumberEnc,
      idIndex: a.idIndex,
      name: a.name,
      sex,
      birthDate,
      phoneEnc: a.phoneEnc,
      phoneIndex: a.phoneIndex,
    });
    personId = person.id;
  }
  if (a.kind === 'transfer' && found?.current) {
    const moved = await moveStatus(tx, { membershipId: found.current.membershipId, from: transferableStatuses, to: 'transferred_out', on: today, reason: `本人申请转会至「${target.name}」`, accountId: ctx.accountId });
    if (!moved) throw new AppError('TRANSFER_NOT_ALLOWED');
  }
  const created = await openMembership(tx, {
    personId,
    orgId: a.targetOrgId,
    status: a.kind === 'join' ? 'joined' : 'transferred_in',
    on: today,
    reason: a.kind === 'join' ? '本人申请入会，审核通过' : `本人申请由「${found?.current?.orgName}」转入，审核通过`,
    accountId: ctx.accountId,
  });
  await tx.update(memberApplications).set({ status: 'approved', decidedAt: deps.now(), membershipId: created.id }).where(eq(memberApplications.id, a.id));
}

async function ended(ctx: SubjectContext, status: 'returned' | 'withdrawn') {
  const a = await applicationOf(ctx);
  await ctx.tx.update(memberApplications).set({ status, decidedAt: ctx.deps.now() }).where(eq(memberApplications.id, a.id));
}

/** The applicant corrects the work unit or the explanation and sends it again. */
async function resubmitted(ctx: SubjectContext, payload: Record<string, unknown> | undefined) {
  const a = await applicationOf(ctx);
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : undefined);
  const workUnitName = text(payload?.workUnitName, 100) || a.workUnitName;
  const reason = payload && 'reason' in payload ? text(payload.reason, 200) || null : a.reason;
  try {
    await ctx.tx.update(memberApplications).set({ status: 'pending', workUnitName, reason, decidedAt: null }).where(eq(memberApplications.id, a.id));
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('APPLICATION_EXISTS');
    throw e;
  }
  const changes = (ctx.review.changes as { label: string; before: string | null; after: string | null }[])
    .filter((c) => c.label !== '工作单位' && c.label !== '申请说明')
    .concat([{ label: '工作单位', before: null, after: workUnitName }, ...(reason ? [{ label: '申请说明', before: null, after: reason }] : [])]);
  return { changes, payload: { ...(ctx.review.payload as object), workUnitName, reason: reason ?? '' } };
}

export const memberApplicationSubject = {
  approved,
  returned: (ctx: SubjectContext) => ended(ctx, 'returned'),
  withdrawn: (ctx: SubjectContext) => ended(ctx, 'withdrawn'),
  resubmitted,
};
