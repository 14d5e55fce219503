import {
  createOrgBodySchema,
  createWorkUnitBodySchema,
  idParamsSchema,
  orgDetailSchema,
  orgNodeSchema,
  orgPageSchema,
  orgSearchQuerySchema,
  orgTreeQuerySchema,
  updateOrgBodySchema,
  updateWorkUnitBodySchema,
  workUnitSchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './organisations.service.js';

const tags = ['组织管理'];

export function organisationsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/orgs/tree', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织树（按需加载下级）', querystring: orgTreeQuerySchema, response: { 200: z.array(orgNodeSchema) } },
    handler: async (req) => (await svc.listTree(deps, callerOf(req), req.query.parentId)) as z.infer<typeof orgNodeSchema>[],
  });

  r.get('/api/orgs', {
    config: { access: 'org.read' },
    schema: { tags, summary: '按名称或组织机构代码搜索本级及下级组织', querystring: orgSearchQuerySchema, response: { 200: orgPageSchema } },
    handler: async (req) => (await svc.searchOrgs(deps, callerOf(req), req.query)) as z.infer<typeof orgPageSchema>,
  });

  r.get('/api/orgs/:id', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织详情', params: idParamsSchema, response: { 200: orgDetailSchema } },
    handler: async (req) => svc.getOrgDetail(deps, callerOf(req), req.params.id),
  });

  r.patch('/api/orgs/:id', {
    config: { access: 'org.write' },
    schema: { tags, summary: '修改组织信息（带版本号）', params: idParamsSchema, body: updateOrgBodySchema, response: { 200: orgDetailSchema } },
    handler: async (req) => svc.updateOrg(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.post('/api/orgs/:id/children', {
    config: { access: 'org.write' },
    schema: { tags, summary: '新建下级组织', params: idParamsSchema, body: createOrgBodySchema, response: { 201: orgDetailSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.createChildOrg(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.get('/api/orgs/:id/work-units', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织下的单位（关联企业）', params: idParamsSchema, response: { 200: z.array(workUnitSchema) } },
    handler: async (req) => svc.listWorkUnits(deps, callerOf(req), req.params.id),
  });

  r.post('/api/orgs/:id/work-units', {
    config: { access: 'org.write' },
    schema: { tags, summary: '新增单位', params: idParamsSchema, body: createWorkUnitBodySchema, response: { 201: workUnitSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.createWorkUnit(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.patch('/api/work-units/:id', {
    config: { access: 'org.write' },
    schema: { tags, summary: '修改单位（带版本号）', params: idParamsSchema, body: updateWorkUnitBodySchema, response: { 200: workUnitSchema } },
    handler: async (req) => svc.updateWorkUnit(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });
}
