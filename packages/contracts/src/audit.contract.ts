import { z } from 'zod';
import { pageOf, pageQuerySchema } from './common.js';

/** Audit actions and their Chinese names for the viewer. */
export const auditActionLabels = {
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.locked': '账号锁定',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'auth.password_reset_sms': '短信重置密码',
  'auth.switch_post': '切换岗位',
  'auth.totp_enabled': '启用双因素认证',
  'auth.totp_disabled': '停用双因素认证',
  'account.registered': '注册账号',
  'account.password_reset': '上级重置密码',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.unlocked': '解除锁定',
  'post.bound': '绑定岗位',
  'post.revoked': '撤销岗位',
  'activation_code.issued': '签发岗位激活码',
  'activation_code.revoked': '撤销岗位激活码',
  'org.created': '新建组织',
  'org.updated': '修改组织',
  'org.moved': '组织转移/变更隶属关系',
  'org.revoked': '撤销组织',
  'org.filed': '基层工会资料上报通过',
  'work_unit.created': '新增单位',
  'work_unit.updated': '修改单位',
  'member.created': '新增会员',
  'member.updated': '修改会员',
  'member.status_changed': '变更会籍状态',
  'member.revealed': '查看完整证件号/手机号',
  'member.exported': '导出会员',
  'member.import_submitted': '提交会员采集任务',
  'member.imported': '确认导入会员',
  'member.import_cancelled': '取消会员采集任务',
  'review.submitted': '提交审核',
  'review.approved': '审核同意',
  'review.returned': '审核退回',
  'review.withdrawn': '撤回申请',
  'review.resubmitted': '修改后重新提交',
  'transfer.requested': '发起会员转会',
  'transfer.completed': '会员转会完成',
  'application.submitted': '提交入会/转会申请',
  'account.phone_changed': '修改手机号',
  'member.self_updated': '会员修改本人信息',
  'verification.submitted': '提交会员认证',
  'verification.revoked': '解除会员认证',
  'phone_change.requested': '申请工会协助更换手机号',
  'inspection.opened': '开启年检',
  'inspection.confirmed': '确认年检已完成更新',
  'inspection.reminded': '催办年检',
  'mutual_aid.plan_saved': '设定职工互助保障年度计划',
  'mutual_aid.submitted': '提交职工互助保障入会',
  'mutual_aid.approved': '职工互助保障入会审核通过（生成合同）',
  'mutual_aid.exported': '导出职工互助保障入会汇总',
} as const;
export type AuditAction = keyof typeof auditActionLabels;

export const auditQuerySchema = pageQuerySchema.extend({
  actor: z.string().trim().max(64).optional(),
  orgId: z.uuid({ message: '组织编号不正确' }).optional(),
  /** Organisation name contains this (the audit admin has no organisation picker: it may not read the tree). */
  orgName: z.string().trim().max(100, { message: '组织名称过长' }).optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }).optional(),
  to: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }).optional(),
});

export const auditRowSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  orgId: z.uuid().nullable(),
  orgName: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  ip: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export const auditPageSchema = pageOf(auditRowSchema);

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAtSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
