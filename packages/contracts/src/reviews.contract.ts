import { z } from 'zod';
import { pageOf, pageQuerySchema, textField } from './common.js';

/**
 * Reviews (审核): one mechanism for every submission one organisation makes and another reviews.
 * A review has steps; steps of the same stage run in parallel (an organisation transfer needs
 * both sides' upper unions), stages run in sequence. Each step's reviewing organisation is
 * resolved from the tree when its stage starts.
 */
export const reviewSubjectTypes = ['member_transfer', 'member_application', 'org_filing', 'org_modification', 'org_transfer', 'org_affiliation', 'member_verification', 'member_phone_change', 'mutual_aid_enrolment', 'benefit_activity'] as const;
export type ReviewSubjectType = (typeof reviewSubjectTypes)[number];
export const reviewSubjectTypeLabels: Record<ReviewSubjectType, string> = {
  member_transfer: '会员转会',
  member_application: '入会/转会申请',
  org_filing: '基层工会资料上报',
  org_modification: '组织信息修改',
  org_transfer: '组织转移',
  org_affiliation: '跨区变更隶属关系',
  member_verification: '会员认证',
  member_phone_change: '更换手机号',
  mutual_aid_enrolment: '职工互助保障入会',
  benefit_activity: '普惠活动',
};

/** pending → approved | returned | withdrawn; a returned review may be resubmitted (pending again). */
export const reviewStatuses = ['pending', 'approved', 'returned', 'withdrawn'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusLabels: Record<ReviewStatus, string> = { pending: '审核中', approved: '已通过', returned: '已退回', withdrawn: '已撤回' };

/** waiting (a later stage) → pending → approved | returned; cancelled when another step returned or the submitter withdrew. */
export const reviewStepStatuses = ['waiting', 'pending', 'approved', 'returned', 'cancelled'] as const;
export type ReviewStepStatus = (typeof reviewStepStatuses)[number];
export const reviewStepStatusLabels: Record<ReviewStepStatus, string> = {
  waiting: '未开始',
  pending: '待审核',
  approved: '已同意',
  returned: '已退回',
  cancelled: '已终止',
};

/** What the trail (处理轨迹) records. */
export const reviewActions = ['submitted', 'approved', 'returned', 'withdrawn', 'resubmitted', 'flagged_overdue'] as const;
export type ReviewAction = (typeof reviewActions)[number];
export const reviewActionLabels: Record<ReviewAction, string> = {
  submitted: '提交',
  approved: '同意',
  returned: '退回',
  withdrawn: '撤回',
  resubmitted: '修改后重新提交',
  flagged_overdue: '逾期未审，已提醒上级工会',
};

/** Which reviews a list shows, from the caller's organisation. */
export const reviewBoxes = ['todo', 'overdue', 'submitted', 'done', 'all'] as const;
export type ReviewBox = (typeof reviewBoxes)[number];
export const reviewBoxLabels: Record<ReviewBox, string> = {
  todo: '待我审核',
  overdue: '下级逾期未审',
  submitted: '我提交的',
  done: '我已处理',
  all: '辖区全部',
};

export const reviewStepSchema = z.object({
  id: z.uuid(),
  stage: z.number().int(),
  label: z.string(),
  status: z.enum(reviewStepStatuses),
  reviewerOrgId: z.uuid().nullable(),
  reviewerOrgName: z.string().nullable(),
  startedAt: z.string().nullable(),
  actedAt: z.string().nullable(),
  actedBy: z.string().nullable(),
  reason: z.string().nullable(),
  overdue: z.boolean(),
  /** Whether the caller may approve or return this step now. */
  canAct: z.boolean(),
});
export type ReviewStep = z.infer<typeof reviewStepSchema>;

export const reviewTrailEntrySchema = z.object({
  action: z.enum(reviewActions),
  actorName: z.string().nullable(),
  actorOrgName: z.string().nullable(),
  stepLabel: z.string().nullable(),
  reason: z.string().nullable(),
  round: z.number().int(),
  at: z.string(),
});
export type ReviewTrailEntry = z.infer<typeof reviewTrailEntrySchema>;

/** One field of the subject as it was and as it would be, in the words a reviewer reads. */
export const reviewChangeSchema = z.object({ label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type ReviewChange = z.infer<typeof reviewChangeSchema>;

export const reviewRowSchema = z.object({
  id: z.uuid(),
  subjectType: z.enum(reviewSubjectTypes),
  subjectId: z.uuid(),
  title: z.string(),
  status: z.enum(reviewStatuses),
  /** Null for a person's own application. */
  submitterOrgId: z.uuid().nullable(),
  submitterOrgName: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string(),
  updatedAt: z.string(),
  /** The organisations whose review is awaited now (names), for "who is reviewing this". */
  waitingFor: z.array(z.string()),
  overdue: z.boolean(),
  round: z.number().int(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;
export const reviewPageSchema = pageOf(reviewRowSchema);

export const reviewDetailSchema = reviewRowSchema.extend({
  changes: z.array(reviewChangeSchema),
  steps: z.array(reviewStepSchema),
  trail: z.array(reviewTrailEntrySchema),
  version: z.number().int(),
  /** Whether the caller's organisation submitted it and nobody has acted in this round yet. */
  canWithdraw: z.boolean(),
  /** Whether the caller's organisation may correct and resubmit it (returned reviews). */
  canResubmit: z.boolean(),
  /** What was submitted, for correcting a returned submission without retyping it. */
  payload: z.record(z.string(), z.unknown()),
});
export type ReviewDetail = z.infer<typeof reviewDetailSchema>;

export const reviewQuerySchema = pageQuerySchema.extend({
  box: z.enum(reviewBoxes).default('todo'),
  subjectType: z.enum(reviewSubjectTypes).optional(),
  status: z.enum(reviewStatuses).optional(),
  /** Title contains (a member's or organisation's name). */
  q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional(),
});

export const reviewCountsSchema = z.object({ todo: z.number().int(), overdue: z.number().int(), returned: z.number().int() });
export type ReviewCounts = z.infer<typeof reviewCountsSchema>;

const versionSchema = z.coerce.number({ message: '缺少版本号，请刷新后重试' }).int().min(1);
export const reviewApproveBodySchema = z.object({
  version: versionSchema,
  /** An optional remark (审批意见). */
  reason: z.string().trim().max(200, { message: '审批意见不能超过200个字符' }).optional(),
});
export const reviewReturnBodySchema = z.object({ version: versionSchema, reason: textField('退回原因', 200) });
export const reviewWithdrawBodySchema = z.object({ version: versionSchema, reason: z.string().trim().max(200, { message: '撤回说明不能超过200个字符' }).optional() });
/** A corrected payload; what it may hold depends on the subject (each module checks its own). */
export const reviewResubmitBodySchema = z.object({ version: versionSchema, payload: z.record(z.string(), z.unknown()).optional() });
