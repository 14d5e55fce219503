import {
  accountPageSchema,
  accountRowSchema,
  accountSearchQuerySchema,
  activationCodePageSchema,
  activationCodeRowSchema,
  idParamsSchema,
  issueActivationCodeBodySchema,
  issuedActivationCodeSchema,
  okSchema,
  orgPostRowSchema,
  pageQuerySchema,
  temporaryPasswordSchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import * as svc from './accounts.service.js';
import * as codes from './activation-codes.service.js';

const tags = ['账号与岗位'];

export function accountsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/accounts', {
    config: { access: 'account.manage' },
    schema: { tags, summary: '本级及下级组织的账号', querystring: accountSearchQuerySchema, response: { 200: accountPageSchema } },
    handler: async (req) => svc.searchAccounts(deps, callerOf(req), req.query),
  });

  r.post('/api/accounts/:id/reset-password', {
    config: { access: 'account.manage' },
    schema: { tags, summary: '上级重置密码（临时密码仅显示一次）', params: idParamsSchema, response: { 200: temporaryPasswordSchema } },
    handler: async (req) => svc.resetPasswordByUpper(deps, callerOf(req), actorOf(req), req.params.id),
  });

  for (const action of ['disable', 'enable', 'unlock'] as const) {
    r.post(`/api/accounts/:id/${action}`, {
      config: { access: 'account.manage' },
      schema: { tags, summary: { disable: '停用账号', enable: '启用账号', unlock: '解除锁定' }[action], params: idParamsSchema, response: { 200: accountRowSchema } },
      handler: async (req) => svc.changeAccountState(deps, callerOf(req), actorOf(req), req.params.id, action),
    });
  }

  r.get('/api/orgs/:id/posts', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织的岗位及持有人', params: idParamsSchema, response: { 200: z.array(orgPostRowSchema) } },
    handler: async (req) => svc.listOrgPosts(deps, callerOf(req), req.params.id),
  });

  r.post('/api/posts/:id/revoke', {
    config: { access: 'activationCode.manage' },
    schema: { tags, summary: '撤销岗位', params: idParamsSchema, response: { 200: okSchema } },
    handler: async (req) => svc.revokePost(deps, callerOf(req), actorOf(req), req.params.id),
  });

  r.get('/api/orgs/:id/activation-codes', {
    config: { access: 'activationCode.manage' },
    schema: { tags, summary: '组织的岗位激活码', params: idParamsSchema, querystring: pageQuerySchema, response: { 200: activationCodePageSchema } },
    handler: async (req) => codes.listActivationCodes(deps, callerOf(req), req.params.id, req.query.page, req.query.pageSize),
  });

  r.post('/api/orgs/:id/activation-codes', {
    config: { access: 'activationCode.manage' },
    schema: { tags, summary: '签发岗位激活码（明文仅返回一次）', params: idParamsSchema, body: issueActivationCodeBodySchema, response: { 201: issuedActivationCodeSchema } },
    handler: async (req, reply) => reply.code(201).send(await codes.issueActivationCode(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.post('/api/activation-codes/:id/revoke', {
    config: { access: 'activationCode.manage' },
    schema: { tags, summary: '撤销岗位激活码', params: idParamsSchema, response: { 200: activationCodeRowSchema } },
    handler: async (req) => codes.revokeActivationCode(deps, callerOf(req), actorOf(req), req.params.id),
  });
}
