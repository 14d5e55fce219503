import { z } from 'zod';
import { isoDateSchema } from './common.js';
import { chinaToday } from './rules/index.js';
import { orgKinds } from './org.contract.js';

/** Yearly annual inspections (seed 002 §3, §6). */
export const inspectionKinds = ['org', 'member'] as const;
export const inspectionKindLabels = { org: '组织年检', member: '会员年检' } as const;

export const openInspectionBodySchema = z
  .object({
    year: z.number({ message: '请填写年度' }).int().min(2000, { message: '年度不正确' }).max(2100, { message: '年度不正确' }),
    kind: z.enum(inspectionKinds, { message: '请选择年检类型' }),
    deadline: isoDateSchema,
  })
  .superRefine((v, ctx) => {
    if (v.deadline < chinaToday()) ctx.addIssue({ code: 'custom', path: ['deadline'], message: '截止日期不能早于今天' });
  });

export const inspectionRowSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  kind: z.enum(inspectionKinds),
  deadline: z.string(),
  createdAt: z.string(),
  /** For a base union: whether it has confirmed, and when it was last reminded. */
  mine: z.object({ applicable: z.boolean(), confirmedAt: z.string().nullable(), remindedAt: z.string().nullable() }),
});

export const inspectionProgressQuerySchema = z.object({ parentId: z.uuid({ message: '组织编号不正确' }).optional() });
export const inspectionProgressRowSchema = z.object({
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(orgKinds),
  /** Base and joint unions in this organisation's subtree (itself included). */
  baseUnions: z.number().int(),
  confirmed: z.number().int(),
  confirmedAt: z.string().nullable(),
  lastRemindedAt: z.string().nullable(),
});
export const inspectionProgressSchema = z.object({
  parentId: z.uuid(),
  parentName: z.string(),
  totals: z.object({ baseUnions: z.number().int(), confirmed: z.number().int() }),
  rows: z.array(inspectionProgressRowSchema),
});

export const remindBodySchema = z.object({ orgId: z.uuid({ message: '组织编号不正确' }).optional() });
export const remindResultSchema = z.object({ reminded: z.number().int() });
