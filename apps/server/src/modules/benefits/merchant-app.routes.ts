import { merchantRedemptionsQuerySchema, redemptionInputSchema, redemptionPageSchema, redemptionPreviewSchema, redemptionSchema } from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { idempotencyOf } from '../../platform/idempotency.js';
import * as redemptions from './redemptions.service.js';

const tags = ['商家端·核销'];

/**
 * The merchant app's redemption API (seed 001 "活动核销"): a staff account of an online merchant
 * (or a person a coupon was authorised to) previews a scanned QR or a typed code, confirms, and
 * reads its history. Typed codes can be guessed at, so these are rate-limited per address like logins.
 */
export function merchantAppRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = { access: 'session' as const, rateLimit: { max: deps.config.rateLimits.login * 4, timeWindow: '1 minute' } };

  r.post('/api/merchant/redemptions/preview', {
    config: limited,
    schema: { tags, summary: '核销前预览：扫码或输入券码，查看券的内容及能否核销', body: redemptionInputSchema, response: { 200: redemptionPreviewSchema } },
    handler: async (req) => redemptions.previewRedemption(deps, sessionOf(req), req.body),
  });

  r.post('/api/merchant/redemptions', {
    config: limited,
    schema: {
      tags,
      summary: '确认核销（每张券只能核销一次；可带 Idempotency-Key 请求头）',
      body: redemptionInputSchema,
      response: { 201: redemptionSchema },
    },
    handler: async (req, reply) => {
      const auth = sessionOf(req);
      const answer = await redemptions.redeem(deps, auth, actorOf(req), req.body, idempotencyOf(req, auth.accountId));
      if (answer.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(answer.body);
    },
  });

  r.get('/api/merchant/redemptions', {
    config: { access: 'session' },
    schema: { tags, summary: '核销记录（本商家）', querystring: merchantRedemptionsQuerySchema, response: { 200: redemptionPageSchema } },
    handler: async (req) => redemptions.redemptionHistory(deps, sessionOf(req), req.query),
  });
}
