import { applicationBodySchema, applicationListSchema, applicationSchema, idParamsSchema, reviewResubmitBodySchema } from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './applications.service.js';

const tags = ['入会转会申请'];

/**
 * A person's own applications (seed 000 §2.4). The member app will call these; the console
 * reviews them in the inbox. Any logged-in account may apply, for itself only.
 */
export function applicationsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/me/applications', {
    config: { access: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '申请入会或转会（由申请加入的工会审核）', body: applicationBodySchema, response: { 201: applicationSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.apply(deps, sessionOf(req), actorOf(req), req.body)),
  });

  r.get('/api/me/applications', {
    config: { access: 'session' },
    schema: { tags, summary: '我的申请（含正在审核的工会）', response: { 200: applicationListSchema } },
    handler: async (req) => svc.myApplications(deps, sessionOf(req)),
  });

  r.post('/api/me/applications/:id/withdraw', {
    config: { access: 'session' },
    schema: { tags, summary: '撤回申请（工会处理前）', params: idParamsSchema, response: { 200: applicationSchema } },
    handler: async (req) => svc.withdrawApplication(deps, sessionOf(req), actorOf(req), req.params.id),
  });

  r.post('/api/me/applications/:id/resubmit', {
    config: { access: 'session' },
    schema: { tags, summary: '修改后重新提交被退回的申请', params: idParamsSchema, body: reviewResubmitBodySchema.pick({ payload: true }), response: { 200: applicationSchema } },
    handler: async (req) => svc.resubmitApplication(deps, sessionOf(req), actorOf(req), req.params.id, req.body.payload),
  });
}
