import {
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
  VERIFICATION_CONSENT_VERSION,
  type MembershipStatus,
  type Verification,
  type VerificationBody,
  type VerificationStatus,
} from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext, ScopedCaller } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import * as accountsRepo from '../accounts/index.js';
import { findPersonWithMembership, updatePerson } from '../members/membership-moves.js';
import { findOrg } from '../organisations/index.js';
import { openReview, reviewOfSubject, type Reviewer, type SubjectContext } from '../reviews/index.js';
import * as repo from './member-app.repository.js';

/** Failed attempts an account may make in a day: enough for typos, too few to probe the registry. */
export const MAX_FAILED_ATTEMPTS_PER_DAY = 5;

/** Memberships a person can verify against: every one that has not ended and is not itself awaiting review. */
export const verifiableStatuses: readonly MembershipStatus[] = ['joined', 'transferred_in', 'retained', 'transferring'];

const selfOf = (auth: AuthContext): Reviewer => ({ accountId: auth.accountId, name: auth.name, orgId: null, scopePath: null });

/** What the member agrees to share with the base union when verifying. */
export const BASE_UNION_SCOPE = '姓名、证件号码、手机号、所在地区，用于工会核实会员身份、发放电子会员卡及办理会员服务';

/**
 * 工会会员认证: matches name + document to a current membership. No match answers how to get
 * added, and stores only the attempt (who, when); a match opens a review by the base union.
 */
export async function submitVerification(deps: Deps, auth: AuthContext, actor: Actor, body: VerificationBody): Promise<Verification> {
  const now = deps.now();
  if ((await repo.countAttemptsSince(deps.db, auth.accountId, new Date(now.getTime() - 86_400_000))) >= MAX_FAILED_ATTEMPTS_PER_DAY) throw new AppError('VERIFICATION_TOO_MANY');
  const mine = await repo.liveVerificationOfAccount(deps.db, auth.accountId);
  if (mine) throw new AppError('VERIFICATION_EXISTS', undefined, mine.status === 'approved' ? '您已完成会员认证' : undefined);
  const found = await findPersonWithMembership(deps.db, deps.crypto, body.idType, body.idNumber);
  const current = found?.current;
  // One answer for every mismatch (unknown document, other name, no current membership): it must not tell which.
  if (!found || found.person.name !== body.name || !current || !verifiableStatuses.includes(current.status)) {
    await repo.insertAttempt(deps.db, auth.accountId, now);
    throw new AppError('VERIFICATION_NO_MATCH');
  }
  if (await repo.liveVerificationOfPerson(deps.db, found.person.id)) {
    await repo.insertAttempt(deps.db, auth.accountId, now);
    throw new AppError('VERIFICATION_TAKEN', undefined, `该会员身份已由其他账号认证。如非本人操作，请联系「${current.orgName}」核实处理`);
  }
  const acc = await accountsRepo.findAccount(deps.db, auth.accountId);
  const masked = maskIdNumber(normalizeIdNumber(body.idNumber));
  await deps.db.transaction(async (tx) => {
    let v: repo.VerificationRow;
    try {
      v = await repo.insertVerification(tx, { accountId: auth.accountId, personId: found.person.id, membershipId: current.membershipId, orgId: current.orgId, status: 'pending', submittedAt: now });
    } catch (e) {
      // Another account (or this one, twice) claimed at the same moment: the unique indexes decide.
      if (isUniqueViolation(e)) throw new AppError('VERIFICATION_TAKEN');
      throw e;
    }
    await repo.insertConsent(tx, {
      accountId: auth.accountId,
      personId: found.person.id,
      verificationId: v.id,
      recipient: 'base_union',
      recipientOrgId: current.orgId,
      scope: BASE_UNION_SCOPE,
      version: VERIFICATION_CONSENT_VERSION,
      consentedAt: now,
    });
    await openReview(tx, deps, actor, selfOf(auth), {
      subjectType: 'member_verification',
      subjectId: v.id,
      submitterOrgId: null,
      submittedBy: auth.accountId,
      title: `${body.name}（${masked}）会员认证`,
      changes: [
        { label: '姓名', before: null, after: body.name },
        { label: '证件号码', before: null, after: masked },
        { label: '会员编号', before: null, after: current.memberNo },
        { label: '所在工会', before: null, after: current.orgName },
        { label: '注册手机号', before: null, after: acc?.phoneEnc ? maskPhone(deps.crypto.decrypt(acc.phoneEnc)) : null },
        ...(acc?.region ? [{ label: '所在地区', before: null, after: `济南市${acc.region}` }] : []),
      ],
      payload: {},
      plan: [{ stage: 1, label: '基层工会审核', reviewer: { org: current.orgId } }],
    });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'verification.submitted',
      objectType: 'member_verification',
      objectId: v.id,
      orgId: current.orgId,
      after: { name: body.name, idNumber: masked, union: current.orgName, consentVersion: VERIFICATION_CONSENT_VERSION },
    });
  });
  return myVerification(deps, auth);
}

/** The caller's verification as the app shows it: state, the union reviewing, the reason if refused. */
export async function myVerification(deps: Deps, auth: AuthContext): Promise<Verification> {
  const v = await repo.latestVerificationOf(deps.db, auth.accountId);
  if (!v) return { id: null, status: 'none', name: null, idNumberMasked: null, orgName: null, reviewingOrgName: null, reason: null, submittedAt: null, decidedAt: null };
  return toVerification(deps, v);
}

async function toVerification(deps: Deps, v: repo.VerificationRow): Promise<Verification> {
  const person = (await repo.membershipWithPerson(deps.db, v.membershipId))!;
  const r = await reviewOfSubject(deps, 'member_verification', v.id);
  const status = v.status as VerificationStatus;
  return {
    id: v.id,
    status,
    name: person.p.name,
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(person.p.idNumberEnc)),
    orgName: (await findOrg(deps.db, v.orgId))?.name ?? null,
    reviewingOrgName: status === 'pending' ? (r?.waitingFor[0] ?? null) : null,
    reason: status === 'returned' ? (r?.returnReason ?? null) : status === 'revoked' ? v.reason : null,
    submittedAt: v.submittedAt.toISOString(),
    decidedAt: v.decidedAt?.toISOString() ?? null,
  };
}

/** A union operator's view of a member's verification (the console's member page). */
export async function verificationOfMember(deps: Deps, caller: ScopedCaller, membershipId: string): Promise<Verification> {
  const m = await repo.membershipInScope(deps.db, membershipId, caller.scopePath);
  if (!m) throw new AppError('NOT_FOUND');
  const v = (await repo.liveVerificationOfPerson(deps.db, m.personId)) ?? null;
  if (!v) return { id: null, status: 'none', name: null, idNumberMasked: null, orgName: null, reviewingOrgName: null, reason: null, submittedAt: null, decidedAt: null };
  return toVerification(deps, v);
}

/**
 * The union ends an approved verification (someone else's account claimed the member, the member
 * asks to unbind): the account loses its card; the member may verify again with another account.
 */
export async function revokeVerification(deps: Deps, caller: ScopedCaller, actor: Actor, membershipId: string, reason: string): Promise<Verification> {
  const m = await repo.membershipInScope(deps.db, membershipId, caller.scopePath);
  if (!m) throw new AppError('NOT_FOUND');
  const v = await repo.liveVerificationOfPerson(deps.db, m.personId);
  if (!v || v.status !== 'approved') throw new AppError('CONFLICT', undefined, '该会员没有已通过的认证；审核中的认证请在审核待办中退回');
  await deps.db.transaction(async (tx) => {
    if (!(await repo.setVerificationStatus(tx, v.id, 'approved', { status: 'revoked', reason, decidedAt: deps.now() }))) throw new AppError('CONFLICT');
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'verification.revoked',
      objectType: 'member_verification',
      objectId: v.id,
      orgId: m.orgId,
      before: { status: 'approved' },
      after: { status: 'revoked', reason },
    });
  });
  return toVerification(deps, (await repo.latestVerificationOf(deps.db, v.accountId))!);
}

// ---- what the base union's review decides ----

async function verificationOf(ctx: SubjectContext): Promise<repo.VerificationRow> {
  const v = await repo.lockVerification(ctx.tx, ctx.review.subjectId);
  if (!v) throw new Error(`verification ${ctx.review.subjectId} missing`);
  return v;
}

/** Approved: the membership must still stand; the account takes the member's real name. */
async function approved(ctx: SubjectContext) {
  const v = await verificationOf(ctx);
  const current = await repo.currentMembershipOfPerson(ctx.tx, v.personId);
  if (!current || !verifiableStatuses.includes(current.m.status as MembershipStatus))
    throw new AppError('CONFLICT', undefined, '该会员已没有有效会籍，不能通过认证；请退回并说明原因');
  if (!(await repo.setVerificationStatus(ctx.tx, v.id, 'pending', { status: 'approved', decidedAt: ctx.deps.now() }))) throw new AppError('REVIEW_TAKEN');
  await accountsRepo.updateAccount(ctx.tx, v.accountId, { name: current.p.name });
  // A registry entry without a phone takes the one the member proved by SMS code when registering
  // (they consented to share it with their union); a phone the union recorded is never overwritten.
  if (!current.p.phoneEnc) {
    const acc = await accountsRepo.findAccount(ctx.tx, v.accountId);
    if (acc?.phoneEnc && acc.phoneIndex) await updatePerson(ctx.tx, v.personId, { phoneEnc: acc.phoneEnc, phoneIndex: acc.phoneIndex });
  }
}

const ended = (status: 'returned' | 'withdrawn') => async (ctx: SubjectContext) => {
  const v = await verificationOf(ctx);
  await repo.setVerificationStatus(ctx.tx, v.id, 'pending', { status, decidedAt: ctx.deps.now() });
};

export const memberVerificationSubject = {
  approved,
  returned: ended('returned'),
  withdrawn: ended('withdrawn'),
  // A returned verification is not corrected in place: the member submits name and number again.
  resubmitted: async (): Promise<never> => {
    throw new AppError('REVIEW_CANNOT_RESUBMIT', undefined, '会员认证被退回后请重新提交认证');
  },
};
