import { checkPhone, maskIdNumber, maskPhone, type MyProfile, type MembershipStatus } from '@gonghui/contracts';
import type { z } from 'zod';
import type { changePhoneBodySchema, consentListSchema, updateMyProfileBodySchema } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { verifyPassword } from '../../platform/passwords.js';
import * as accountsRepo from '../accounts/index.js';
import { consumeSmsCode } from '../auth/sms-codes.service.js';
import { updatePerson } from '../members/membership-moves.js';
import * as repo from './member-app.repository.js';

export function normalizedPhone(raw: string, path = 'newPhone'): string {
  const r = checkPhone(raw);
  if (!r.ok) throw fieldError(path, r.reason);
  return r.value;
}

/** Refuses a phone that another account already logs in with (one phone, one account). */
export async function assertPhoneFree(deps: Deps, phoneIndex: string, accountId: string): Promise<void> {
  const holders = await accountsRepo.findAccountsByPhoneIndex(deps.db, phoneIndex);
  if (holders.some((a) => a.id !== accountId)) throw new AppError('PHONE_TAKEN', [{ path: 'newPhone', message: '该手机号已绑定其他账号' }], '该手机号已绑定其他账号');
}

/** 修改手机号 with the password and a code sent to the new number (seed 000 FAQ 5.1). */
export async function changePhone(deps: Deps, auth: AuthContext, actor: Actor, body: z.infer<typeof changePhoneBodySchema>): Promise<void> {
  const acc = (await accountsRepo.findAccount(deps.db, auth.accountId))!;
  const phone = normalizedPhone(body.newPhone);
  if (!(await verifyPassword(acc.passwordHash, body.password))) throw new AppError('PASSWORD_WRONG', [{ path: 'password', message: '登录密码不正确' }], '登录密码不正确');
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  if (acc.phoneIndex === phoneIndex) throw fieldError('newPhone', '新手机号与当前手机号相同');
  await consumeSmsCode(deps, phone, 'change_phone', body.smsCode);
  await assertPhoneFree(deps, phoneIndex, acc.id);
  await deps.db.transaction(async (tx) => {
    await accountsRepo.updateAccount(tx, acc.id, { phoneEnc: deps.crypto.encrypt(phone), phoneIndex });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'account.phone_changed',
      objectType: 'account',
      objectId: acc.id,
      before: { phone: acc.phoneEnc ? maskPhone(deps.crypto.decrypt(acc.phoneEnc)) : null },
      after: { phone: maskPhone(phone), via: 'password_and_sms' },
    });
  });
}

async function verifiedMember(deps: Deps, auth: AuthContext) {
  const v = await repo.approvedVerificationOf(deps.db, auth.accountId);
  if (!v) throw new AppError('NOT_VERIFIED');
  const current = await repo.currentMembershipOfPerson(deps.db, v.personId);
  if (!current) throw new AppError('NOT_VERIFIED', undefined, '您当前没有有效会籍，如有疑问请联系原所在工会');
  return current;
}

type Current = NonNullable<Awaited<ReturnType<typeof repo.currentMembershipOfPerson>>>;
function toProfile(deps: Deps, c: Current): MyProfile {
  return {
    name: c.p.name,
    idType: c.p.idType as MyProfile['idType'],
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(c.p.idNumberEnc)),
    sex: c.p.sex,
    birthDate: c.p.birthDate,
    phoneMasked: c.p.phoneEnc ? maskPhone(deps.crypto.decrypt(c.p.phoneEnc)) : null,
    address: c.p.address,
    education: c.p.education,
    householdType: c.p.householdType as MyProfile['householdType'],
    migrantWorker: c.p.migrantWorker,
    skillLevel: c.p.skillLevel,
    orgName: c.orgName,
    memberNo: c.m.memberNo,
    status: c.m.status as MembershipStatus,
    workUnitName: c.workUnitName,
  };
}

/** The verified member's own registry data (masked numbers). */
export async function myProfile(deps: Deps, auth: AuthContext): Promise<MyProfile> {
  return toProfile(deps, await verifiedMember(deps, auth));
}

/** The member corrects their own address, education and the like; the union sees the change in the audit trail. */
export async function updateMyProfile(deps: Deps, auth: AuthContext, actor: Actor, body: z.infer<typeof updateMyProfileBodySchema>): Promise<MyProfile> {
  const before = await verifiedMember(deps, auth);
  const patch = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  const changed = Object.keys(patch).filter((k) => (before.p as Record<string, unknown>)[k] !== patch[k]);
  if (changed.length === 0) return toProfile(deps, before);
  await deps.db.transaction(async (tx) => {
    await updatePerson(tx, before.p.id, Object.fromEntries(changed.map((k) => [k, patch[k]])));
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'member.self_updated',
      objectType: 'membership',
      objectId: before.m.id,
      orgId: before.m.orgId,
      before: Object.fromEntries(changed.map((k) => [k, (before.p as Record<string, unknown>)[k]])),
      after: Object.fromEntries(changed.map((k) => [k, patch[k]])),
    });
  });
  return myProfile(deps, auth);
}

/** What the member agreed to share, with whom, and when. */
export async function myConsents(deps: Deps, auth: AuthContext): Promise<z.infer<typeof consentListSchema>> {
  const rows = await repo.listConsents(deps.db, auth.accountId);
  return {
    items: rows.map(({ c, orgName }) => ({
      recipient: c.recipient as 'base_union',
      recipientName: orgName ?? '所在工会',
      scope: c.scope,
      version: c.version,
      consentedAt: c.consentedAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
  };
}
