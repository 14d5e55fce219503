import {
  claimBodySchema,
  couponTokenSchema,
  idParamsSchema,
  memberActivityDetailSchema,
  memberActivityListSchema,
  myCouponPageSchema,
  myCouponSchema,
  myCouponsQuerySchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { idempotencyOf } from '../../platform/idempotency.js';
import * as claims from './claims.service.js';

const tags = ['会员端·普惠活动'];

/**
 * The member app's welfare API (seed 001 二(四)): a verified member's activities, claiming an
 * e-coupon, 我的券 and a coupon's QR token. Every route acts on the caller's own account.
 */
export function memberBenefitsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/me/activities', {
    config: { access: 'session' },
    schema: { tags, summary: '我可以参加的活动（已开启、在本人工会范围内、未结束）', response: { 200: memberActivityListSchema } },
    handler: async (req) => claims.listMyActivities(deps, sessionOf(req)),
  });

  r.get('/api/me/activities/:id', {
    config: { access: 'session' },
    schema: { tags, summary: '活动详情与奖品（是否可领、已领次数）', params: idParamsSchema, response: { 200: memberActivityDetailSchema } },
    handler: async (req) => claims.myActivity(deps, sessionOf(req), req.params.id),
  });

  r.get('/api/me/activities/:id/cover', {
    config: { access: 'session' },
    schema: { tags, summary: '活动封面图片', params: idParamsSchema },
    handler: async (req, reply) => {
      const cover = await claims.myActivityCover(deps, sessionOf(req), req.params.id);
      return reply.header('content-type', cover.mime).header('cache-control', 'private, max-age=300').send(cover.stream);
    },
  });

  r.post('/api/me/activities/:id/claims', {
    config: { access: 'session' },
    schema: {
      tags,
      summary: '领取电子券（可带 Idempotency-Key 请求头：重试时返回第一次的结果）',
      params: idParamsSchema,
      body: claimBodySchema,
      response: { 201: myCouponSchema },
    },
    handler: async (req, reply) => {
      const auth = sessionOf(req);
      const answer = await claims.claim(deps, auth, actorOf(req), req.params.id, req.body.prizeId, idempotencyOf(req, auth.accountId));
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(answer.body);
    },
  });

  r.get('/api/me/coupons', {
    config: { access: 'session' },
    schema: { tags, summary: '我的券（可按状态筛选）', querystring: myCouponsQuerySchema, response: { 200: myCouponPageSchema } },
    handler: async (req) => claims.listMyCoupons(deps, sessionOf(req), req.query),
  });

  r.get('/api/me/coupons/:id', {
    config: { access: 'session' },
    schema: { tags, summary: '我的一张券', params: idParamsSchema, response: { 200: myCouponSchema } },
    handler: async (req) => claims.getMyCoupon(deps, sessionOf(req), req.params.id),
  });

  r.post('/api/me/coupons/:id/token', {
    config: { access: 'session' },
    schema: { tags, summary: '券二维码令牌（2分钟内有效，打开券页面时定时刷新）', params: idParamsSchema, response: { 200: couponTokenSchema } },
    handler: async (req) => claims.myCouponToken(deps, sessionOf(req), req.params.id),
  });
}
