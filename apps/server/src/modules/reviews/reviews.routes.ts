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

  // The four actions share one shape: act, then answer the review as the caller now sees it.
  const actions = [
    ['approve', '同意', reviewApproveBodySchema, svc.approveReview],
    ['return', '退回（须填写原因）', reviewReturnBodySchema, svc.returnReview],
    ['withdraw', '撤回（审核单位处理前）', reviewWithdrawBodySchema, svc.withdrawReview],
    ['resubmit', '修改后重新提交（被退回的申请）', reviewResubmitBodySchema, svc.resubmitReview],
  ] as const;
  for (const [action, summary, body, act] of actions) {
    r.post(`/api/reviews/:id/${action}`, {
      config: { access: 'review.act' },
      schema: { tags, summary, params: idParamsSchema, body, response: { 200: reviewDetailSchema } },
      handler: async (req) => {
        await act(deps, svc.reviewerOf(callerOf(req)), actorOf(req), req.params.id, req.body as never);
        return detail(req, req.params.id);
      },
    });
  }
}
