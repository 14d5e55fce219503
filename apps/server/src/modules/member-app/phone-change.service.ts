import { maskIdNumber, maskPhone, normalizeIdNumber } from '@gonghui/contracts';
import type { z } from 'zod';
import type { phoneChangeRequestBodySchema, phoneChangeRequestSchema } from '@gonghui/contracts';
import { recordAudit, type Actor } from '../../platform/audit/audit.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { isUniqueViolation } from '../../platform/pg-errors.js';
import * as accountsRepo from '../accounts/index.js';
import { accountOf, type RequestMeta } from '../auth/auth.service.js';
import { consumeCaptcha } from '../auth/captcha.service.js';
import * as sessionsRepo from '../auth/sessions.repository.js';
import { consumeSmsCode } from '../auth/sms-codes.service.js';
import { openReview, type SubjectContext } from '../reviews/index.js';
import * as repo from './member-app.repository.js';
import { assertPhoneFree, normalizedPhone } from './my-account.service.js';

/**
 * The old phone is lost (seed 000 FAQ 5.2: "电话联系…解绑"): someone who cannot log in names the
 * account, proves the new phone with a code, and gives the verified name and document; the
 * member's base union checks and decides in its review inbox. Public (the caller cannot log in),
 * so a captcha, a route rate limit, and one answer for every mismatch that says nothing of which part.
 */
export async function requestPhoneChange(deps: Deps, body: z.infer<typeof phoneChangeRequestBodySchema>, meta: RequestMeta): Promise<z.infer<typeof phoneChangeRequestSchema>> {
  await consumeCaptcha(deps, body.captchaId, body.captchaAnswer);
  const phone = normalizedPhone(body.newPhone);
  const acc = await accountOf(deps, body.account);
  const v = acc ? await repo.approvedVerificationOf(deps.db, acc.id) : undefined;
  const current = v ? await repo.currentMembershipOfPerson(deps.db, v.personId) : undefined;
  const matches =
    !!acc &&
    acc.status === 'active' &&
    !!current &&
    current.p.name === body.name &&
    current.p.idType === body.idType &&
    current.p.idIndex === deps.crypto.blindIndex('id', normalizeIdNumber(body.idNumber));
  if (!matches || !acc || !current) throw new AppError('PHONE_CHANGE_REFUSED');
  await consumeSmsCode(deps, phone, 'change_phone', body.smsCode);
  const phoneIndex = deps.crypto.blindIndex('phone', phone);
  await assertPhoneFree(deps, phoneIndex, acc.id);
  const actor: Actor = { accountId: acc.id, username: acc.username, name: acc.name, orgId: null, ip: meta.ip };
  const masked = maskIdNumber(deps.crypto.decrypt(current.p.idNumberEnc));
  const id = await deps.db.transaction(async (tx) => {
    let req: repo.PhoneChangeRow;
    try {
      req = await repo.insertPhoneChange(tx, { accountId: acc.id, personId: current.p.id, orgId: current.m.orgId, newPhoneEnc: deps.crypto.encrypt(phone), newPhoneIndex: phoneIndex, status: 'pending', submittedAt: deps.now() });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('APPLICATION_EXISTS', undefined, '您已有一份更换手机号申请在审核中，请等待工会处理');
      throw e;
    }
    await openReview(tx, deps, actor, { accountId: acc.id, name: current.p.name, orgId: null, scopePath: null }, {
      subjectType: 'member_phone_change',
      subjectId: req.id,
      submitterOrgId: null,
      submittedBy: acc.id,
      title: `${current.p.name}（${masked}）原手机号丢失，申请更换手机号`,
      changes: [
        { label: '姓名', before: null, after: current.p.name },
        { label: '证件号码', before: null, after: masked },
        { label: '会员编号', before: null, after: current.m.memberNo },
        { label: '手机号', before: acc.phoneEnc ? maskPhone(deps.crypto.decrypt(acc.phoneEnc)) : null, after: maskPhone(phone) },
      ],
      payload: {},
      plan: [{ stage: 1, label: '基层工会核实身份', reviewer: { org: current.m.orgId } }],
    });
    await recordAudit(tx, deps.config.keys.auditKey, actor, {
      action: 'phone_change.requested',
      objectType: 'phone_change_request',
      objectId: req.id,
      orgId: current.m.orgId,
      after: { newPhone: maskPhone(phone) },
    });
    return req.id;
  });
  return { id, status: 'pending', reviewingOrgName: current.orgName, newPhoneMasked: maskPhone(phone) };
}

// ---- what the base union decides ----

/** Approved: the account logs in with the new phone from now on; every session it had ends (the lost phone may hold one). */
async function approved(ctx: SubjectContext) {
  const { tx, deps } = ctx;
  const req = await repo.lockPhoneChange(tx, ctx.review.subjectId);
  if (!req || req.status !== 'pending') throw new AppError('REVIEW_TAKEN');
  const holders = await accountsRepo.findAccountsByPhoneIndex(tx, req.newPhoneIndex);
  if (holders.some((a) => a.id !== req.accountId)) throw new AppError('CONFLICT', undefined, '新手机号已被其他账号绑定，不能通过；请退回并说明原因');
  const acc = (await accountsRepo.findAccount(tx, req.accountId))!;
  await accountsRepo.updateAccount(tx, acc.id, { phoneEnc: req.newPhoneEnc, phoneIndex: req.newPhoneIndex, failedLogins: 0, lockedUntil: null });
  await sessionsRepo.revokeSessionsOfAccount(tx, acc.id);
  await repo.setPhoneChangeStatus(tx, req.id, 'approved', deps.now());
  await recordAudit(tx, deps.config.keys.auditKey, ctx.actor, {
    action: 'account.phone_changed',
    objectType: 'account',
    objectId: acc.id,
    orgId: req.orgId,
    before: { phone: acc.phoneEnc ? maskPhone(deps.crypto.decrypt(acc.phoneEnc)) : null },
    after: { phone: maskPhone(deps.crypto.decrypt(req.newPhoneEnc)), via: 'union_review' },
  });
}

const ended = (status: 'returned' | 'withdrawn') => async (ctx: SubjectContext) => {
  const req = await repo.lockPhoneChange(ctx.tx, ctx.review.subjectId);
  if (req) await repo.setPhoneChangeStatus(ctx.tx, req.id, status, ctx.deps.now());
};

export const phoneChangeSubject = {
  approved,
  returned: ended('returned'),
  withdrawn: ended('withdrawn'),
  resubmitted: async (): Promise<never> => {
    throw new AppError('REVIEW_CANNOT_RESUBMIT', undefined, '更换手机号申请被退回后请重新提交');
  },
};
