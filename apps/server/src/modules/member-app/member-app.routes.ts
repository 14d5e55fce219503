import {
  cardVerifyBodySchema,
  cardVerifyResultSchema,
  changePhoneBodySchema,
  consentListSchema,
  idParamsSchema,
  memberCardSchema,
  myProfileSchema,
  okSchema,
  phoneChangeRequestBodySchema,
  phoneChangeRequestSchema,
  revokeVerificationBodySchema,
  updateMyProfileBodySchema,
  verificationBodySchema,
  verificationSchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { reviewOfSubject, withdrawReview } from '../reviews/index.js';
import { myCard, verifyCard } from './card.service.js';
import * as repo from './member-app.repository.js';
import { changePhone, myConsents, myProfile, updateMyProfile } from './my-account.service.js';
import { requestPhoneChange } from './phone-change.service.js';
import * as verification from './verification.service.js';

const tags = ['会员端'];

/**
 * The member app's API: a person acting on their own account ('session': no post needed), plus
 * the union's two verification actions on a member and the public card check.
 */
export function memberAppRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = (ip: string) => ({ ip, userAgent: null });

  r.get('/api/me/verification', {
    config: { access: 'session' },
    schema: { tags, summary: '我的会员认证状态（审核中的工会、退回原因）', response: { 200: verificationSchema } },
    handler: async (req) => verification.myVerification(deps, sessionOf(req)),
  });

  r.post('/api/me/verification', {
    config: { access: 'session', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '提交工会会员认证（姓名 + 证件号码，由所在基层工会审核）', body: verificationBodySchema, response: { 201: verificationSchema } },
    handler: async (req, reply) => reply.code(201).send(await verification.submitVerification(deps, sessionOf(req), actorOf(req), req.body)),
  });

  r.post('/api/me/verification/withdraw', {
    config: { access: 'session' },
    schema: { tags, summary: '撤回审核中的会员认证', response: { 200: verificationSchema } },
    handler: async (req) => {
      const auth = sessionOf(req);
      const v = await repo.liveVerificationOfAccount(deps.db, auth.accountId);
      if (v?.status !== 'pending') throw new AppError('REVIEW_CANNOT_WITHDRAW', undefined, '没有审核中的会员认证');
      const rv = (await reviewOfSubject(deps, 'member_verification', v.id))!;
      await withdrawReview(deps, { accountId: auth.accountId, name: auth.name, orgId: null, scopePath: null }, actorOf(req), rv.review.id, { version: rv.review.version });
      return verification.myVerification(deps, auth);
    },
  });

  r.get('/api/me/card', {
    config: { access: 'session', rateLimit: { max: deps.config.rateLimits.login * 2, timeWindow: '1 minute' } },
    schema: { tags, summary: '电子会员卡（含2分钟内有效的二维码令牌）', response: { 200: memberCardSchema } },
    handler: async (req) => myCard(deps, sessionOf(req)),
  });

  // Public on purpose: whoever the member shows the QR code to (an activity's door, a union
  // office) checks it without an account. The token is a 2-minute HMAC-signed bearer proof the
  // member chose to show, it cannot be guessed, and the answer says no more than the card face
  // (masked name, union, status); the rate limit stops anyone from grinding at it.
  r.post('/api/cards/verify', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '核验电子会员卡二维码（有效 / 已过期 / 无效）', body: cardVerifyBodySchema, response: { 200: cardVerifyResultSchema } },
    handler: async (req) => verifyCard(deps, req.body.token),
  });

  r.post('/api/me/phone', {
    config: { access: 'session', rateLimit: { max: deps.config.rateLimits.sms, timeWindow: '1 minute' } },
    schema: { tags, summary: '修改手机号（登录密码 + 新手机号短信验证码）', body: changePhoneBodySchema, response: { 200: okSchema } },
    handler: async (req) => {
      await changePhone(deps, sessionOf(req), actorOf(req), req.body);
      return { ok: true as const };
    },
  });

  r.post('/api/phone-change-requests', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.sms, timeWindow: '1 minute' } },
    schema: { tags, summary: '原手机号丢失：申请由所在工会核实后更换手机号', body: phoneChangeRequestBodySchema, response: { 201: phoneChangeRequestSchema } },
    handler: async (req, reply) => reply.code(201).send(await requestPhoneChange(deps, req.body, meta(req.ip))),
  });

  r.get('/api/me/profile', {
    config: { access: 'session' },
    schema: { tags, summary: '我的会员信息（已认证会员）', response: { 200: myProfileSchema } },
    handler: async (req) => myProfile(deps, sessionOf(req)),
  });

  r.patch('/api/me/profile', {
    config: { access: 'session', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '修改本人信息（地址、学历等；姓名与证件号码不能自行修改）', body: updateMyProfileBodySchema, response: { 200: myProfileSchema } },
    handler: async (req) => updateMyProfile(deps, sessionOf(req), actorOf(req), req.body),
  });

  r.get('/api/me/consents', {
    config: { access: 'session' },
    schema: { tags, summary: '我的授权记录（向谁共享、范围、时间）', response: { 200: consentListSchema } },
    handler: async (req) => myConsents(deps, sessionOf(req)),
  });

  r.get('/api/members/:id/verification', {
    config: { access: 'member.read' },
    schema: { tags: ['会员管理'], summary: '会员的会员认证状态', params: idParamsSchema, response: { 200: verificationSchema } },
    handler: async (req) => verification.verificationOfMember(deps, callerOf(req), req.params.id),
  });

  r.post('/api/members/:id/verification/revoke', {
    config: { access: 'member.write' },
    schema: { tags: ['会员管理'], summary: '解除会员认证（如被他人冒认）', params: idParamsSchema, body: revokeVerificationBodySchema, response: { 200: verificationSchema } },
    handler: async (req) => verification.revokeVerification(deps, callerOf(req), actorOf(req), req.params.id, req.body.reason),
  });
}
