import { z } from 'zod';
import { optionalText, pageOf, pageQuerySchema } from './common.js';
import { roles } from './auth.contract.js';

export const accountStatuses = ['active', 'disabled'] as const;
export const accountStatusLabels = { active: '正常', disabled: '已停用' } as const;

export const accountRowSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(accountStatuses),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  posts: z.array(z.object({ id: z.uuid(), orgId: z.uuid(), orgName: z.string(), role: z.enum(roles) })),
});
export type AccountRow = z.infer<typeof accountRowSchema>;
export const accountPageSchema = pageOf(accountRowSchema);
export const accountSearchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64, { message: '搜索内容过长' }).optional(),
  status: z.enum(accountStatuses).optional(),
});
export const temporaryPasswordSchema = z.object({ temporaryPassword: z.string() });

export const activationCodeStatuses = ['unused', 'used', 'revoked', 'expired'] as const;
export const activationCodeStatusLabels = { unused: '未使用', used: '已使用', revoked: '已撤销', expired: '已过期' } as const;

export const issueActivationCodeBodySchema = z.object({
  role: z.enum(roles, { message: '请选择岗位角色' }).default('operator'),
  validDays: z.coerce
    .number({ message: '有效天数应为数字' })
    .int({ message: '有效天数应为整数' })
    .min(1, { message: '有效天数至少1天' })
    .max(30, { message: '有效天数最多30天' })
    .default(7),
  note: optionalText('备注', 200),
});

export const activationCodeRowSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  role: z.enum(roles),
  codeHint: z.string(),
  status: z.enum(activationCodeStatuses),
  expiresAt: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  usedAt: z.string().nullable(),
  usedByName: z.string().nullable(),
  note: z.string().nullable(),
});
export const activationCodePageSchema = pageOf(activationCodeRowSchema);
/** Issued once: the plain code is shown only in this answer. */
export const issuedActivationCodeSchema = activationCodeRowSchema.extend({ code: z.string() });

export const orgPostRowSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(roles),
  createdAt: z.string(),
});
