import {
  idParamsSchema,
  transferInBodySchema,
  transferOutBodySchema,
  transferPageSchema,
  transferQuerySchema,
  transferSchema,
  unionHitsSchema,
  unionSearchQuerySchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './transfers.service.js';

const tags = ['会员转会'];

export function transfersRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/orgs/:id/transfers-in', {
    config: { access: 'member.write' },
    schema: { tags, summary: '从其他工会转入一名会员（姓名与证件号码须与会员库一致；转出单位审核）', params: idParamsSchema, body: transferInBodySchema, response: { 201: transferSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.transferIn(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.post('/api/members/:id/transfer-out', {
    config: { access: 'member.write' },
    schema: { tags, summary: '将本工会会员转出到其他工会（上级工会审核）', params: idParamsSchema, body: transferOutBodySchema, response: { 201: transferSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.transferOut(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.get('/api/transfers', {
    config: { access: 'member.read' },
    schema: { tags, summary: '转会记录（转入、转出）', querystring: transferQuerySchema, response: { 200: transferPageSchema } },
    handler: async (req) => svc.listTransfers(deps, callerOf(req), req.query),
  });

  // Any logged-in person: members applying to join search too (seed 000 FAQ 3: no district needed).
  r.get('/api/unions/search', {
    config: { access: 'session', rateLimit: { max: 60, timeWindow: '1 minute' } },
    schema: { tags, summary: '按名称查找全市的基层工会（入会、转会时选择工会）', querystring: unionSearchQuerySchema, response: { 200: unionHitsSchema } },
    handler: async (req) => svc.searchUnions(deps, req.query.q),
  });
}
