import {
  idParamsSchema,
  inspectionProgressQuerySchema,
  inspectionProgressSchema,
  inspectionRowSchema,
  openInspectionBodySchema,
  remindBodySchema,
  remindResultSchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './inspections.service.js';

const tags = ['年检'];

export function inspectionsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/inspections', {
    config: { access: 'org.read' },
    schema: { tags, summary: '与本组织有关的年检（含本组织确认情况）', response: { 200: z.array(inspectionRowSchema) } },
    handler: async (req) => svc.listInspections(deps, callerOf(req)),
  });

  r.post('/api/inspections', {
    config: { access: 'org.write' },
    schema: { tags, summary: '市总工会开启年度组织年检或会员年检', body: openInspectionBodySchema, response: { 201: inspectionRowSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.openInspection(deps, callerOf(req), actorOf(req), req.body)),
  });

  r.post('/api/inspections/:id/confirm', {
    config: { access: 'org.write' },
    schema: { tags, summary: '基层工会确认“已完成更新”', params: idParamsSchema, response: { 200: inspectionRowSchema } },
    handler: async (req) => svc.confirmInspection(deps, callerOf(req), actorOf(req), req.params.id),
  });

  r.get('/api/inspections/:id/progress', {
    config: { access: 'org.read' },
    schema: { tags, summary: '下级组织的年检确认进度', params: idParamsSchema, querystring: inspectionProgressQuerySchema, response: { 200: inspectionProgressSchema } },
    handler: async (req) => svc.inspectionProgress(deps, callerOf(req), req.params.id, req.query.parentId),
  });

  r.post('/api/inspections/:id/remind', {
    config: { access: 'org.write', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: { tags, summary: '催办未确认的基层工会', params: idParamsSchema, body: remindBodySchema, response: { 200: remindResultSchema } },
    handler: async (req) => svc.remindInspection(deps, callerOf(req), actorOf(req), req.params.id, req.body.orgId),
  });
}
