import {
  idParamsSchema,
  reviewApproveBodySchema,
  reviewCountsSchema,
  reviewDetailSchema,
  reviewPageSchema,
  reviewQuerySchema,
  reviewResubmitBodySchema,
  reviewReturnBodySchema,
  reviewWithdrawBodySchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './reviews.service.js';

const tags = ['审核'];

export function reviewsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = (req: Parameters<typeof callerOf>[0], id: string) => svc.getReview(deps, svc.reviewerOf(callerOf(req)), id);

  r.get('/api/reviews', {
    config: { access: 'review.act' },
    schema: { tags, summary: '审核待办与记录（待我审核、下级逾期、我提交的、我已处理、辖区全部）', querystring: reviewQuerySchema, response: { 200: reviewPageSchema } },
    handler: async (req) => svc.listReviews(deps, callerOf(req), req.query),
  });

  r.get('/api/reviews/counts', {
    config: { access: 'review.act' },
    schema: { tags, summary: '待办数量（菜单角标）', response: { 200: reviewCountsSchema } },
    handler: async (req) => svc.reviewCounts(deps, callerOf(req)),
  });

  r.get('/api/reviews/:id', {
    config: { access: 'review.act' },
    schema: { tags, summary: '审核详情：变更前后、审核步骤、处理轨迹', params: idParamsSchema, response: { 200: reviewDetailSchema } },
    handler: async (req) => detail(req, req.params.id),
  });

  r.post('/api/reviews/:id/approve', {
    config: { access: 'review.act' },
    schema: { tags, summary: '同意', params: idParamsSchema, body: reviewApproveBodySchema, response: { 200: reviewDetailSchema } },
    handler: async (req) => {
      await svc.approveReview(deps, svc.reviewerOf(callerOf(req)), actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  r.post('/api/reviews/:id/return', {
    config: { access: 'review.act' },
    schema: { tags, summary: '退回（须填写原因）', params: idParamsSchema, body: reviewReturnBodySchema, response: { 200: reviewDetailSchema } },
    handler: async (req) => {
      await svc.returnReview(deps, svc.reviewerOf(callerOf(req)), actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  r.post('/api/reviews/:id/withdraw', {
    config: { access: 'review.act' },
    schema: { tags, summary: '撤回（审核单位处理前）', params: idParamsSchema, body: reviewWithdrawBodySchema, response: { 200: reviewDetailSchema } },
    handler: async (req) => {
      await svc.withdrawReview(deps, svc.reviewerOf(callerOf(req)), actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });

  r.post('/api/reviews/:id/resubmit', {
    config: { access: 'review.act' },
    schema: { tags, summary: '修改后重新提交（被退回的申请）', params: idParamsSchema, body: reviewResubmitBodySchema, response: { 200: reviewDetailSchema } },
    handler: async (req) => {
      await svc.resubmitReview(deps, svc.reviewerOf(callerOf(req)), actorOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  });
}
