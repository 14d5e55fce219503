import { z } from 'zod';
import { isoDateSchema, pageOf, pageQuerySchema } from './common.js';
import { checkOrgCode } from './rules/index.js';

/**
 * Member collection tasks (采集任务, seeds 001 §采集任务 and 002 §4.1): a filled template or an
 * organisation code becomes a task that is checked in the background, previewed row by row,
 * and committed in one go.
 */
export const importKinds = ['template', 'org_code', 'transfer_in'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importKindLabels: Record<ImportKind, string> = { template: '模板导入会员', org_code: '组织机构代码导入会员', transfer_in: '从其他工会转入会员' };

/**
 * queued → checking → ready (preview, waits for the operator) → committing → done.
 * A file that cannot be read at all ends in failed; an operator may cancel a task that is ready.
 */
export const importStatuses = ['queued', 'checking', 'ready', 'committing', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importStatusLabels: Record<ImportStatus, string> = {
  queued: '排队中',
  checking: '校验中',
  ready: '待确认导入',
  committing: '导入中',
  done: '执行成功',
  failed: '执行失败',
  cancelled: '已取消',
};

/** What a row will do (preview) or did (after commit). */
export const importVerdicts = ['new', 'update', 'conflict', 'error'] as const;
export type ImportVerdict = (typeof importVerdicts)[number];
export const importVerdictLabels: Record<ImportVerdict, string> = { new: '新增', update: '更新', conflict: '冲突', error: '错误' };

export const importCountsSchema = z.object({
  total: z.number().int(),
  new: z.number().int(),
  update: z.number().int(),
  conflict: z.number().int(),
  error: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importTaskSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(importKinds),
  fileName: z.string(),
  status: z.enum(importStatuses),
  /** Rows looked at so far while checking (progress), and the counts per verdict once ready. */
  processed: z.number().int(),
  counts: importCountsSchema,
  /** Why a task failed as a whole (wrong template, not an Excel file, ...), in Chinese. */
  error: z.string().nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  committedAt: z.string().nullable(),
  /** Whether a result workbook can be downloaded (uploaded files only). */
  hasResultFile: z.boolean(),
});
export type ImportTask = z.infer<typeof importTaskSchema>;

/** An upload answers with its task; `duplicate` says the same file was already submitted here. */
export const importSubmittedSchema = z.object({ task: importTaskSchema, duplicate: z.boolean() });

export const importTaskQuerySchema = pageQuerySchema.extend({
  status: z.enum(importStatuses).optional(),
  kind: z.enum(importKinds).optional(),
  orgId: z.uuid({ message: '组织编号不正确' }).optional(),
  /** Submitted on or after / on or before (China dates). */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export const importTaskPageSchema = pageOf(importTaskSchema);

export const importRowQuerySchema = pageQuerySchema.extend({ verdict: z.enum(importVerdicts).optional() });
export const importRowSchema = z.object({
  /** The row's number in the uploaded sheet (1 is the header), or its position in an org-code preview. */
  rowNo: z.number().int(),
  verdict: z.enum(importVerdicts),
  name: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  message: z.string(),
  /** The member number given when the row was committed. */
  memberNo: z.string().nullable(),
});
export const importRowPageSchema = pageOf(importRowSchema);

export const orgCodeImportBodySchema = z.object({
  orgCode: z
    .string({ message: '请填写组织机构代码' })
    .trim()
    .transform((v, ctx) => {
      const r = checkOrgCode(v);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.reason });
        return z.NEVER;
      }
      return r.value;
    }),
});
