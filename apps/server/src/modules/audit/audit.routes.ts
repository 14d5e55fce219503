import { auditPageSchema, auditQuerySchema, auditVerifySchema } from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { verifyAuditChain } from '../../platform/audit/audit.js';
import { callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { searchAudit } from './audit.repository.js';

const tags = ['审计日志'];

export function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: { tags, summary: '查询审计日志（本级及下级组织）', querystring: auditQuerySchema, response: { 200: auditPageSchema } },
    handler: async (req) => {
      const res = await searchAudit(deps.db, callerOf(req).scopePath, req.query);
      return { ...res, page: req.query.page, pageSize: req.query.pageSize };
    },
  });

  r.get('/api/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags, summary: '校验审计日志哈希链', response: { 200: auditVerifySchema } },
    handler: async () => verifyAuditChain(deps.db, deps.config.keys.auditKey),
  });
}
