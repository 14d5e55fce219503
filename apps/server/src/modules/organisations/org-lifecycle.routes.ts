import {
  idParamsSchema,
  reviewResubmitBodySchema,
  orgAffiliationBodySchema,
  orgAffiliationRequestFieldsSchema,
  orgChangeSchema,
  orgFilingBodySchema,
  orgLifecycleSchema,
  orgModificationBodySchema,
  orgRevokeBodySchema,
  orgTransferBodySchema,
  parentDirectoryRowSchema,
  registerEnterpriseBodySchema,
  registerEnterpriseResultSchema,
  statisticsLookupQuerySchema,
  statisticsLookupSchema,
} from '@gonghui/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, callerOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { AppError } from '../../platform/errors.js';
import { sessionCookieName } from '../auth/auth.routes.js';
import { registerByEmail, resolveSession, sessionInfo } from '../auth/auth.service.js';
import { changeAffiliation, openExplanation, requestAffiliation } from './org-affiliation.service.js';
import { listMyFilings, resubmitFiling, submitFiling, withdrawFiling } from './org-filing.service.js';
import { getLifecycle, parentDirectory } from './org-lifecycle.service.js';
import { submitModification } from './org-modification.service.js';
import { revokeOrg } from './org-revoke.service.js';
import { lookupStatisticsUnit } from './org-statistics.service.js';
import { submitTransfer } from './org-transfer.service.js';

const tags = ['组织变更（上报、修改、转移、撤销、变更隶属）'];

/** The multipart form of a cross-district affiliation request: text fields first, then the file. */
async function readAffiliationForm(req: FastifyRequest) {
  if (!req.isMultipart()) throw new AppError('FILE_MISSING', undefined, '请上传加盖公章并由经办人签字的情况说明（PDF、图片或 Word）');
  // One byte over the cap reaches the vault, which refuses it (multipart alone would truncate silently).
  const part = await req.file({ limits: { fileSize: 5 * 1024 * 1024 + 1 } }).catch(() => undefined);
  if (!part) throw new AppError('FILE_MISSING', undefined, '请上传情况说明');
  const value = (name: string) => {
    const f = part.fields[name] as { type?: string; value?: unknown } | undefined;
    return f && f.type === 'field' ? f.value : undefined;
  };
  const parsed = orgAffiliationRequestFieldsSchema.safeParse({ targetParentId: value('targetParentId'), note: value('note') });
  if (!parsed.success) {
    part.file.resume();
    throw new AppError('VALIDATION_FAILED', parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })), '请选择变更后的隶属工会');
  }
  return { fields: parsed.data, file: { filename: part.filename, stream: part.file } };
}

export function orgLifecycleRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookie = sessionCookieName(deps);

  r.post('/api/auth/register-enterprise', {
    config: { access: 'public', rateLimit: { max: deps.config.rateLimits.login, timeWindow: '1 minute' } },
    schema: { tags, summary: '企业用邮箱注册账号（需图形验证码），并按单位名称比对大统计库', body: registerEnterpriseBodySchema, response: { 201: registerEnterpriseResultSchema } },
    handler: async (req, reply) => {
      const token = await registerByEmail(deps, req.body, { ip: req.ip ?? null, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(cookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: deps.config.cookieSecure });
      const auth = await resolveSession(deps, token);
      if (!auth) throw new AppError('INTERNAL');
      // The account exists either way: a statistics outage only means the form is filled by hand.
      const statistics = await lookupStatisticsUnit(deps, req.body.unitName).then(
        (s) => ({ ...s, unavailable: false }),
        (e) => {
          if (e instanceof AppError && e.code === 'STATISTICS_UNAVAILABLE') return { found: false, unit: null, unavailable: true };
          throw e;
        },
      );
      return reply.code(201).send({ ...(await sessionInfo(deps, auth)), statistics });
    },
  });

  r.get('/api/statistics/units', {
    config: { access: 'session', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '按单位名称查询大统计库（用于预填单位信息）', querystring: statisticsLookupQuerySchema, response: { 200: statisticsLookupSchema } },
    handler: async (req) => lookupStatisticsUnit(deps, req.query.name),
  });

  r.get('/api/org-directory', {
    config: { access: 'session' },
    schema: { tags, summary: '可隶属的上级工会（区县总工会、产业工会、街镇工会）', response: { 200: z.array(parentDirectoryRowSchema) } },
    handler: async () => parentDirectory(deps),
  });

  r.post('/api/org-filings', {
    config: { access: 'session', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '基层工会资料上报（由所选街镇/产业工会审核）', body: orgFilingBodySchema, response: { 201: orgChangeSchema } },
    handler: async (req, reply) => reply.code(201).send(await submitFiling(deps, sessionOf(req), actorOf(req), req.body)),
  });

  r.post('/api/org-filings/:id/withdraw', {
    config: { access: 'session' },
    schema: { tags, summary: '撤回资料上报（审核单位处理前）', params: idParamsSchema, response: { 200: orgChangeSchema } },
    handler: async (req) => withdrawFiling(deps, sessionOf(req), actorOf(req), req.params.id),
  });

  r.post('/api/org-filings/:id/resubmit', {
    config: { access: 'session' },
    schema: { tags, summary: '修改后重新提交被退回的资料上报', params: idParamsSchema, body: reviewResubmitBodySchema.pick({ payload: true }), response: { 200: orgChangeSchema } },
    handler: async (req) => resubmitFiling(deps, sessionOf(req), actorOf(req), req.params.id, req.body.payload),
  });

  r.get('/api/org-filings/mine', {
    config: { access: 'session' },
    schema: { tags, summary: '我的基层工会资料上报及审核进度', response: { 200: z.array(orgChangeSchema) } },
    handler: async (req) => listMyFilings(deps, sessionOf(req)),
  });

  r.get('/api/orgs/:id/lifecycle', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织的待审核变更、撤销情况与变更记录', params: idParamsSchema, response: { 200: orgLifecycleSchema } },
    handler: async (req) => getLifecycle(deps, callerOf(req), req.params.id),
  });

  r.post('/api/orgs/:id/modifications', {
    config: { access: 'org.write' },
    schema: { tags, summary: '提交组织信息修改（上级工会审核后生效，带版本号）', params: idParamsSchema, body: orgModificationBodySchema, response: { 201: orgChangeSchema } },
    handler: async (req, reply) => reply.code(201).send(await submitModification(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.post('/api/orgs/:id/org-transfers', {
    config: { access: 'org.write' },
    schema: { tags, summary: '提交组织转移（转出方和转入方上级工会共同审核）', params: idParamsSchema, body: orgTransferBodySchema, response: { 201: orgChangeSchema } },
    handler: async (req, reply) => reply.code(201).send(await submitTransfer(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.post('/api/orgs/:id/revoke', {
    config: { access: 'org.write' },
    schema: { tags, summary: '撤销组织（合并、转出本市、关闭；无需审核）', params: idParamsSchema, body: orgRevokeBodySchema, response: { 200: orgChangeSchema } },
    handler: async (req) => revokeOrg(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.post('/api/orgs/:id/affiliation', {
    config: { access: 'org.write' },
    schema: { tags, summary: '本区县内变更隶属关系（区县总工会直接办理）', params: idParamsSchema, body: orgAffiliationBodySchema, response: { 200: orgChangeSchema } },
    handler: async (req) => changeAffiliation(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.post('/api/orgs/:id/affiliation-requests', {
    config: { access: 'org.write', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '跨区变更隶属关系：上传情况说明（multipart：先 targetParentId、note，后 file；PDF/图片/.docx，不超过 5 MB），由市总工会审核',
      consumes: ['multipart/form-data'],
      params: idParamsSchema,
      response: { 201: orgChangeSchema },
    },
    handler: async (req, reply) => reply.code(201).send(await requestAffiliation(deps, callerOf(req), actorOf(req), req.params.id, () => readAffiliationForm(req))),
  });

  r.get('/api/org-changes/:id/attachment', {
    config: { access: 'org.read' },
    schema: { tags, summary: '下载跨区变更隶属关系的情况说明', params: idParamsSchema },
    handler: async (req, reply) => {
      const f = await openExplanation(deps, callerOf(req), req.params.id);
      return reply
        .header('Content-Type', f.mime)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(f.stream);
    },
  });
}
