import {
  idParamsSchema,
  importRowPageSchema,
  importRowQuerySchema,
  importSubmittedSchema,
  importTaskPageSchema,
  importTaskQuerySchema,
  importTaskSchema,
  orgCodeImportBodySchema,
} from '@gonghui/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, callerOf } from '../../../platform/auth-context.js';
import type { Deps } from '../../../platform/deps.js';
import { AppError } from '../../../platform/errors.js';
import { sendXlsx } from '../../../platform/files/xlsx-reply.js';
import * as svc from './member-imports.service.js';

const tags = ['会员采集任务'];

export function memberImportsRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Uploads of both templates take the same path: the union is found in scope first, then the
  // single file part is read, one byte over the cap so the store can refuse it (multipart alone
  // would truncate silently).
  const upload = (kind: 'template' | 'transfer_in') => async (req: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const result = await svc.submitUpload(
      deps,
      callerOf(req),
      actorOf(req),
      req.params.id,
      async () => {
        if (!req.isMultipart()) throw new AppError('FILE_MISSING', undefined, '请以表单文件（multipart/form-data）上传 .xlsx 文件');
        const part = await req.file({ limits: { fileSize: svc.MAX_UPLOAD_BYTES + 1 } }).catch(() => undefined);
        if (!part) throw new AppError('FILE_MISSING');
        return { filename: part.filename, stream: part.file };
      },
      kind,
    );
    return reply.code(202).send(result);
  };

  r.post('/api/orgs/:id/member-imports', {
    config: { access: 'member.write', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '上传填好的会员信息采集表（multipart/form-data，字段 file，.xlsx，不超过 20 MB），生成采集任务',
      consumes: ['multipart/form-data'],
      params: idParamsSchema,
      response: { 202: importSubmittedSchema },
    },
    handler: upload('template'),
  });

  r.post('/api/orgs/:id/transfer-imports', {
    config: { access: 'member.write', rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: '上传转入会员表（姓名+证件号码，最多1000行；本工会同一时间只能有一批），预览后确认提交转会审核',
      consumes: ['multipart/form-data'],
      params: idParamsSchema,
      response: { 202: importSubmittedSchema },
    },
    handler: upload('transfer_in'),
  });

  r.get('/api/orgs/:id/transfer-template', {
    config: { access: 'member.write' },
    schema: { tags, summary: '下载本工会的转入会员表（Excel 模板）', params: idParamsSchema },
    handler: async (req, reply) => {
      const file = await svc.transferTemplate(deps, callerOf(req), req.params.id);
      return sendXlsx(reply, file.filename, file.buffer);
    },
  });

  r.post('/api/orgs/:id/member-imports/org-code', {
    config: { access: 'member.write' },
    schema: { tags, summary: '按组织机构代码导入会员：查找绑定该代码、尚未加入本工会的人员，预览后确认', params: idParamsSchema, body: orgCodeImportBodySchema, response: { 202: importSubmittedSchema } },
    handler: async (req, reply) => reply.code(202).send(await svc.submitOrgCode(deps, callerOf(req), actorOf(req), req.params.id, req.body.orgCode)),
  });

  r.get('/api/member-imports', {
    config: { access: 'member.read' },
    schema: { tags, summary: '本级及下级工会的采集任务', querystring: importTaskQuerySchema, response: { 200: importTaskPageSchema } },
    handler: async (req) => svc.listImports(deps, callerOf(req), req.query),
  });

  r.get('/api/member-imports/:id', {
    config: { access: 'member.read' },
    schema: { tags, summary: '采集任务的状态、进度和各类行数', params: idParamsSchema, response: { 200: importTaskSchema } },
    handler: async (req) => svc.getImport(deps, callerOf(req), req.params.id),
  });

  r.get('/api/member-imports/:id/rows', {
    config: { access: 'member.read' },
    schema: { tags, summary: '逐行预览：新增 / 更新 / 冲突 / 错误及原因（证件号脱敏）', params: idParamsSchema, querystring: importRowQuerySchema, response: { 200: importRowPageSchema } },
    handler: async (req) => svc.listImportRows(deps, callerOf(req), req.params.id, req.query),
  });

  r.post('/api/member-imports/:id/commit', {
    config: { access: 'member.write' },
    schema: { tags, summary: '确认导入：一次写入全部新增和更新行（冲突和错误行不导入）', params: idParamsSchema, response: { 202: importTaskSchema } },
    handler: async (req, reply) => reply.code(202).send(await svc.commitImport(deps, callerOf(req), actorOf(req), req.params.id)),
  });

  r.post('/api/member-imports/:id/cancel', {
    config: { access: 'member.write' },
    schema: { tags, summary: '取消待确认的采集任务（删除预览数据和上传的文件）', params: idParamsSchema, response: { 200: importTaskSchema } },
    handler: async (req) => svc.cancelImport(deps, callerOf(req), actorOf(req), req.params.id),
  });

  r.get('/api/member-imports/:id/result', {
    config: { access: 'member.read' },
    schema: { tags, summary: '下载结果文件：上传的工作簿加一列，逐行说明校验或导入结果', params: idParamsSchema },
    handler: async (req, reply) => {
      const file = await svc.resultWorkbook(deps, callerOf(req), req.params.id);
      return sendXlsx(reply, file.filename, file.stream);
    },
  });
}
