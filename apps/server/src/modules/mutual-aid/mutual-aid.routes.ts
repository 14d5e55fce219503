import { idempotencyOf } from '../../platform/idempotency.js';
import {
  idParamsSchema,
  mutualAidEnrolmentDetailSchema,
  mutualAidEnrolmentMemberPageSchema,
  mutualAidEnrolmentMembersQuerySchema,
  mutualAidEnrolmentPageSchema,
  mutualAidEnrolmentQuerySchema,
  mutualAidExportQuerySchema,
  mutualAidPlanBodySchema,
  mutualAidPlanListSchema,
  mutualAidPlanSchema,
  mutualAidPlanUpdateBodySchema,
  mutualAidPolicyListSchema,
  mutualAidResubmitBodySchema,
  mutualAidRosterQuerySchema,
  mutualAidRosterSchema,
  mutualAidSubmitBodySchema,
  mutualAidWithdrawBodySchema,
} from '@gonghui/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf, sessionOf } from '../../platform/auth-context.js';
import type { Deps } from '../../platform/deps.js';
import { sendXlsx } from '../../platform/files/xlsx-reply.js';
import { renderContract } from './contract-pdf.js';
import * as enrolments from './enrolments.service.js';
import { exportEnrolments } from './enrolments-export.service.js';
import * as plans from './plans.service.js';
import { myPolicies } from './policies.service.js';

const tags = ['职工互助保障'];
const contractQuerySchema = z.object({ download: z.enum(['1']).optional() });

export function mutualAidRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/mutual-aid/plans', {
    config: { access: 'mutualAid.read' },
    schema: { tags, summary: '互助保障年度计划（保障内容、每人缴费、入会开放时间）', response: { 200: mutualAidPlanListSchema } },
    handler: async () => plans.listPlans(deps),
  });

  r.post('/api/mutual-aid/plans', {
    config: { access: 'mutualAid.write' },
    schema: { tags, summary: '发布年度计划（市总工会 / 职工互助互济会）', body: mutualAidPlanBodySchema, response: { 201: mutualAidPlanSchema } },
    handler: async (req, reply) => reply.code(201).send(await plans.createPlan(deps, callerOf(req), actorOf(req), req.body)),
  });

  r.patch('/api/mutual-aid/plans/:id', {
    config: { access: 'mutualAid.write' },
    schema: { tags, summary: '修改年度计划（已有单位入会后，年度和每人缴费不可改）', params: idParamsSchema, body: mutualAidPlanUpdateBodySchema, response: { 200: mutualAidPlanSchema } },
    handler: async (req) => plans.updatePlan(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/api/mutual-aid/units/:id/roster', {
    config: { access: 'mutualAid.read' },
    schema: { tags, summary: '单位入会名单（实时读取会员库：入会、转入的在职会员），含人数、金额及能否提交', params: idParamsSchema, querystring: mutualAidRosterQuerySchema, response: { 200: mutualAidRosterSchema } },
    handler: async (req) => enrolments.getRoster(deps, callerOf(req), req.params.id, req.query),
  });

  r.post('/api/mutual-aid/units/:id/enrolments', {
    config: { access: 'mutualAid.write' },
    schema: {
      tags,
      summary: '一键提交单位入会 / 补充入会（名单在提交时冻结，上级工会审核；可带 Idempotency-Key 请求头：重试时返回第一次提交的申请）',
      params: idParamsSchema,
      body: mutualAidSubmitBodySchema,
      response: { 201: mutualAidEnrolmentDetailSchema },
    },
    handler: async (req, reply) => {
      const caller = callerOf(req);
      return reply.code(201).send(await enrolments.submitEnrolment(deps, caller, actorOf(req), req.params.id, req.body, idempotencyOf(req, caller.accountId)));
    },
  });

  r.get('/api/mutual-aid/enrolments', {
    config: { access: 'mutualAid.read' },
    schema: { tags, summary: '入会申请（本单位及下级单位），含人数、金额合计', querystring: mutualAidEnrolmentQuerySchema, response: { 200: mutualAidEnrolmentPageSchema } },
    handler: async (req) => enrolments.listEnrolments(deps, callerOf(req), req.query),
  });

  // POST, not GET: an export is an audited act.
  r.post('/api/mutual-aid/enrolments/export', {
    config: { access: 'mutualAid.read', rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: { tags, summary: '导出入会汇总（Excel，手机号脱敏，留痕）', body: mutualAidExportQuerySchema },
    handler: async (req, reply) => {
      const file = await exportEnrolments(deps, callerOf(req), actorOf(req), req.body);
      return sendXlsx(reply, file.filename, file.buffer);
    },
  });

  r.get('/api/mutual-aid/enrolments/:id', {
    config: { access: 'mutualAid.read' },
    schema: { tags, summary: '入会申请详情：审核状态、处理轨迹', params: idParamsSchema, response: { 200: mutualAidEnrolmentDetailSchema } },
    handler: async (req) => enrolments.getEnrolment(deps, callerOf(req), req.params.id),
  });

  r.get('/api/mutual-aid/enrolments/:id/members', {
    config: { access: 'mutualAid.read' },
    schema: { tags, summary: '提交时冻结的入会名单', params: idParamsSchema, querystring: mutualAidEnrolmentMembersQuerySchema, response: { 200: mutualAidEnrolmentMemberPageSchema } },
    handler: async (req) => enrolments.listEnrolledMembers(deps, callerOf(req), req.params.id, req.query),
  });

  r.post('/api/mutual-aid/enrolments/:id/withdraw', {
    config: { access: 'mutualAid.write' },
    schema: { tags, summary: '撤回（上级工会审核通过前）', params: idParamsSchema, body: mutualAidWithdrawBodySchema, response: { 200: mutualAidEnrolmentDetailSchema } },
    handler: async (req) => enrolments.withdrawEnrolment(deps, callerOf(req), actorOf(req), req.params.id, req.body.reason),
  });

  r.post('/api/mutual-aid/enrolments/:id/resubmit', {
    config: { access: 'mutualAid.write' },
    schema: { tags, summary: '被退回的申请重新提交（名单重新读取会员库并冻结）', params: idParamsSchema, body: mutualAidResubmitBodySchema, response: { 200: mutualAidEnrolmentDetailSchema } },
    handler: async (req) => enrolments.resubmitEnrolment(deps, callerOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/api/mutual-aid/enrolments/:id/contract.pdf', {
    config: { access: 'mutualAid.read', rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '线上合同（PDF，审核通过后）；download=1 时作为附件下载', params: idParamsSchema, querystring: contractQuerySchema },
    handler: async (req, reply) => {
      const { enrolment: e, plan, members } = await enrolments.contractSource(deps, callerOf(req), req.params.id);
      const pdf = await renderContract({
        contractNo: e.contractNo!,
        year: e.year,
        kind: e.kind as 'annual' | 'supplementary',
        planTitle: plan.title,
        coverage: plan.coverage,
        orgName: e.orgName,
        parentOrgName: e.parentOrgName,
        memberCount: e.memberCount,
        contributionFen: e.contributionFen,
        amountFen: e.amountFen,
        coverFrom: e.coverFrom!,
        coverTo: e.coverTo!,
        approvedOn: new Date(e.decidedAt!.getTime() + 8 * 3600_000).toISOString().slice(0, 10),
        operatorName: e.operatorName,
        members,
      });
      const name = `职工互助保障合同_${e.contractNo}.pdf`;
      return reply
        .header('Content-Type', 'application/pdf')
        .header('Content-Disposition', `${req.query.download ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(pdf);
    },
  });

  r.get('/api/me/mutual-aid/policies', {
    config: { access: 'session' },
    schema: { tags: ['会员端'], summary: '我的保障（职工互助保障保单）', response: { 200: mutualAidPolicyListSchema } },
    handler: async (req) => myPolicies(deps, sessionOf(req)),
  });
}
