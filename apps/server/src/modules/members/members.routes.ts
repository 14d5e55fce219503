import {
  createMemberBodySchema,
  idParamsSchema,
  memberDetailSchema,
  memberExportBodySchema,
  memberPageSchema,
  memberSearchQuerySchema,
  memberStatusBodySchema,
  revealBodySchema,
  revealResponseSchema,
  updateMemberBodySchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { sendXlsx } from '../../platform/files/xlsx-reply.js';
import { exportMembers } from './export/members-export.service.js';
import * as svc from './members.service.js';

const tags = ['会员管理'];

export function membersRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/members', {
    config: { access: 'member.read' },
    schema: { tags, summary: '查询本级及下级工会的会员（证件号、手机号精确匹配）', querystring: memberSearchQuerySchema, response: { 200: memberPageSchema } },
    handler: async (req) => svc.searchMembers(deps, callerOf(req), req.query),
  });

  // The same search with its filters in the body: document numbers and phones stay out of URLs
  // (and so out of proxies' and browsers' histories). The console searches this way.
  r.post('/api/members/search', {
    config: { access: 'member.read' },
    schema: { tags, summary: '查询会员（条件放在请求体中，证件号、手机号不进入网址）', body: memberSearchQuerySchema, response: { 200: memberPageSchema } },
    handler: async (req) => svc.searchMembers(deps, callerOf(req), req.body),
  });

  r.post('/api/orgs/:id/members', {
    config: { access: 'member.write' },
    schema: { tags, summary: '新增会员', params: idParamsSchema, body: createMemberBodySchema, response: { 201: memberDetailSchema } },
    handler: async (req, reply) => reply.code(201).send(await svc.createMember(deps, callerOf(req), actorOf(req), req.params.id, req.body)),
  });

  r.get('/api/members/:id', {
    config: { access: 'member.read' },
    schema: { tags, summary: '会员详情（含会籍变更记录）', params: idParamsSchema, response: { 200: memberDetailSchema } },
    handler: async (req) => svc.getMember(deps, callerOf(req), req.params.id),
  });

  r.patch('/api/members/:id', {
    config: { access: 'member.write' },
    schema: { tags, summary: '修改会员信息（带版本号）', params: idParamsSchema, body: updateMemberBodySchema, response: { 200: memberDetailSchema } },
    handler: async (req) => svc.updateMember(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.post('/api/members/:id/status', {
    config: { access: 'member.write' },
    schema: { tags, summary: '设为转出（离职）或保留（退休）', params: idParamsSchema, body: memberStatusBodySchema, response: { 200: memberDetailSchema } },
    handler: async (req) => svc.changeMemberStatus(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.post('/api/members/:id/reveal', {
    config: { access: 'member.reveal', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '查看完整证件号或手机号（需说明原因，留痕）', params: idParamsSchema, body: revealBodySchema, response: { 200: revealResponseSchema } },
    handler: async (req) => svc.revealMemberValue(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  // POST, not GET: an export is an audited act, and its filters may hold personal numbers (never in URLs).
  r.post('/api/members/export', {
    config: { access: 'member.read', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '导出当前查询为 Excel（默认脱敏；完整号码需权限和原因，留痕并带水印）', body: memberExportBodySchema },
    handler: async (req, reply) => {
      const file = await exportMembers(deps, callerOf(req), actorOf(req), req.body);
      return sendXlsx(reply, file.filename, file.stream);
    },
  });

  r.get('/api/orgs/:id/members/template', {
    config: { access: 'member.write' },
    schema: { tags, summary: '下载本工会的会员信息采集表（含填写说明、下拉列表和示例）', params: idParamsSchema },
    handler: async (req, reply) => {
      const file = await svc.memberTemplate(deps, callerOf(req), req.params.id);
      return sendXlsx(reply, file.filename, file.buffer);
    },
  });
}
