import { maskIdNumber, maskName, membershipStatusLabels, type MemberCard, type MembershipStatus } from '@gonghui/contracts';
import type { z } from 'zod';
import type { cardVerifyResultSchema } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { cardTokenKey, checkCardToken, signCardToken } from './card-token.js';
import * as repo from './member-app.repository.js';
import { verifiableStatuses } from './verification.service.js';

/** 电子会员卡 of a verified member with a membership that still stands; a fresh QR token each call. */
export async function myCard(deps: Deps, auth: AuthContext): Promise<MemberCard> {
  const v = await repo.approvedVerificationOf(deps.db, auth.accountId);
  if (!v) throw new AppError('CARD_UNAVAILABLE');
  // The card follows the person: after a transfer it shows the new union.
  const current = await repo.currentMembershipOfPerson(deps.db, v.personId);
  if (!current || !verifiableStatuses.includes(current.m.status as MembershipStatus))
    throw new AppError('CARD_UNAVAILABLE', undefined, '您当前没有有效会籍，电子会员卡已停用。如有疑问请联系原所在工会');
  const now = deps.now();
  const { token, expiresAt } = signCardToken(cardTokenKey(deps.config.keys), current.m.id, now);
  return {
    name: current.p.name,
    idNumberMasked: maskIdNumber(deps.crypto.decrypt(current.p.idNumberEnc)),
    orgName: current.orgName,
    memberNo: current.m.memberNo,
    status: current.m.status as MembershipStatus,
    token,
    issuedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

type CardCheck = z.infer<typeof cardVerifyResultSchema>;

/** Checks a scanned card: a valid signature, not expired, and the membership and verification still standing. */
export async function verifyCard(deps: Deps, token: string): Promise<CardCheck> {
  const checked = checkCardToken(cardTokenKey(deps.config.keys), token, deps.now());
  if (checked.result === 'expired') return { result: 'expired', message: '二维码已过期，请会员刷新会员卡后重新扫描', member: null };
  const invalid: CardCheck = { result: 'invalid', message: '无效的会员卡二维码', member: null };
  if (checked.result === 'invalid') return invalid;
  const m = await repo.membershipWithPerson(deps.db, checked.membershipId);
  if (!m || !verifiableStatuses.includes(m.m.status as MembershipStatus)) return { ...invalid, message: '该会员卡已失效：会籍已转出或变更' };
  const v = await repo.liveVerificationOfPerson(deps.db, m.p.id);
  if (v?.status !== 'approved') return { ...invalid, message: '该会员卡已失效：会员认证已解除' };
  const status = m.m.status as MembershipStatus;
  return { result: 'valid', message: `有效会员（${membershipStatusLabels[status]}）`, member: { nameMasked: maskName(m.p.name), orgName: m.orgName, status } };
}
