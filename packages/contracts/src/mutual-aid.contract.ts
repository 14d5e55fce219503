import { z } from 'zod';
import { isoDateSchema, mobileSchema, optionalText, pageOf, pageQuerySchema, textField } from './common.js';
import { membershipStatuses } from './members.contract.js';
import { reviewStatuses, reviewStepSchema, reviewTrailEntrySchema } from './reviews.contract.js';

/**
 * Workers' mutual aid (职工互助互济, seed 000 second half): the city's mutual-aid association
 * (济南市职工互助互济会, run by the city federation) sets a yearly plan; each unit enrols its
 * active employed members once a year (单位入会), its upper union reviews, and an approved
 * enrolment yields the association's online contract (线上合同) and each member's policy.
 */

/** Who the association is, in the words of its contracts. */
export const MUTUAL_AID_ASSOCIATION = '济南市职工互助互济会';

/** Membership statuses that are enrolled (seed 000 第二步: “入会、转入”; never 转出 or 保留). */
export const mutualAidEligibleStatuses = ['joined', 'transferred_in'] as const;

const yearSchema = z.coerce.number({ message: '请填写年度' }).int({ message: '年度应为整数' }).min(2020, { message: '年度不能早于2020年' }).max(2100, { message: '年度不正确' });

/** A yearly plan (互助保障年度计划). Amounts are in fen (分). */
export const mutualAidPlanBodySchema = z
  .object({
    year: yearSchema,
    title: textField('计划名称', 60),
    /** 保障内容: what the members are covered for, as the contract states it. */
    coverage: textField('保障内容', 500),
    contributionFen: z.coerce
      .number({ message: '请填写每人缴费金额' })
      .int({ message: '缴费金额以分计，应为整数' })
      .min(1, { message: '每人缴费金额应大于0' })
      .max(1_000_000, { message: '每人缴费金额不能超过10000元' }),
    /** 单位入会开放时间 (the annual enrolment window). */
    enrolFrom: isoDateSchema,
    enrolTo: isoDateSchema,
  })
  .superRefine((v, ctx) => {
    if (v.enrolTo < v.enrolFrom) ctx.addIssue({ code: 'custom', path: ['enrolTo'], message: '入会截止日期不能早于开始日期' });
    if (v.enrolTo > `${v.year}-12-31`) ctx.addIssue({ code: 'custom', path: ['enrolTo'], message: `入会截止日期不能晚于${v.year}年12月31日` });
    if (v.enrolFrom < `${v.year - 1}-10-01`) ctx.addIssue({ code: 'custom', path: ['enrolFrom'], message: `入会开始日期不能早于${v.year - 1}年10月1日` });
  });
export type MutualAidPlanBody = z.infer<typeof mutualAidPlanBodySchema>;
export const mutualAidPlanUpdateBodySchema = mutualAidPlanBodySchema.safeExtend({ version: z.coerce.number({ message: '缺少版本号，请刷新后重试' }).int().min(1) });

export const mutualAidPlanSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  title: z.string(),
  coverage: z.string(),
  contributionFen: z.number().int(),
  enrolFrom: z.string(),
  enrolTo: z.string(),
  /** Cover never runs past the plan year: what was paid is paid to 31 December. */
  coverTo: z.string(),
  version: z.number().int(),
  /** Enrolments submitted under it (its year and amount are fixed once there is one). */
  enrolmentCount: z.number().int(),
  updatedAt: z.string(),
});
export type MutualAidPlan = z.infer<typeof mutualAidPlanSchema>;
export const mutualAidPlanListSchema = z.object({ items: z.array(mutualAidPlanSchema) });

/** annual: 单位入会 (once a year); supplementary: 补充入会 (members who joined or arrived since). */
export const mutualAidEnrolmentKinds = ['annual', 'supplementary'] as const;
export type MutualAidEnrolmentKind = (typeof mutualAidEnrolmentKinds)[number];
export const mutualAidEnrolmentKindLabels: Record<MutualAidEnrolmentKind, string> = { annual: '单位入会', supplementary: '补充入会' };

/** pending → approved | returned | withdrawn; returned → pending (resubmitted with the list taken again). */
export const mutualAidEnrolmentStatuses = reviewStatuses;
export type MutualAidEnrolmentStatus = (typeof mutualAidEnrolmentStatuses)[number];
export const mutualAidEnrolmentStatusLabels: Record<MutualAidEnrolmentStatus, string> = { pending: '审核中', approved: '审核通过', returned: '已退回', withdrawn: '已撤回' };

const operatorShape = {
  operatorName: textField('操作人', 30),
  operatorPhone: mobileSchema('手机号'),
  note: optionalText('申请备注', 200),
  /** The count the operator checked: a list that changed since is refused, not silently submitted. */
  expectedCount: z.coerce.number({ message: '请先核对入会名单' }).int().min(0).max(1_000_000),
};

/** 立即申请: the list is not sent; the server takes it live from the member registry and freezes it. */
export const mutualAidSubmitBodySchema = z.object({
  year: yearSchema,
  kind: z.enum(mutualAidEnrolmentKinds, { message: '请选择入会类型' }).default('annual'),
  ...operatorShape,
});
export type MutualAidSubmitBody = z.infer<typeof mutualAidSubmitBodySchema>;

/** A returned enrolment sent again: the list is taken again from the registry. */
export const mutualAidResubmitBodySchema = z.object(operatorShape);
export type MutualAidResubmitBody = z.infer<typeof mutualAidResubmitBodySchema>;

export const mutualAidWithdrawBodySchema = z.object({ reason: optionalText('撤回说明', 200) });

/** One member of a unit's list: live (from the registry) or frozen (in a submitted enrolment). */
export const mutualAidMemberSchema = z.object({
  membershipId: z.uuid(),
  memberNo: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  /** The membership's status now (a frozen member may have left since). */
  status: z.enum(membershipStatuses),
  joinedOn: z.string().nullable(),
});
export type MutualAidMember = z.infer<typeof mutualAidMemberSchema>;

export const mutualAidRosterQuerySchema = pageQuerySchema.extend({
  year: yearSchema,
  kind: z.enum(mutualAidEnrolmentKinds).default('annual'),
  q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional(),
});

/** The live list a unit would submit now, with its totals and whether it may be submitted. */
export const mutualAidRosterSchema = pageOf(mutualAidMemberSchema).extend({
  orgId: z.uuid(),
  orgName: z.string(),
  year: z.number().int(),
  kind: z.enum(mutualAidEnrolmentKinds),
  plan: mutualAidPlanSchema.nullable(),
  /** Members the submission would freeze (all pages). */
  count: z.number().int(),
  amountFen: z.number().int(),
  /** Why it cannot be submitted now, in the operator's words; null when it can. */
  refusal: z.string().nullable(),
});
export type MutualAidRoster = z.infer<typeof mutualAidRosterSchema>;

export const mutualAidEnrolmentRowSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  kind: z.enum(mutualAidEnrolmentKinds),
  status: z.enum(mutualAidEnrolmentStatuses),
  orgId: z.uuid(),
  orgName: z.string(),
  /** The upper union that reviews. */
  parentOrgName: z.string().nullable(),
  memberCount: z.number().int(),
  contributionFen: z.number().int(),
  amountFen: z.number().int(),
  operatorName: z.string(),
  operatorPhoneMasked: z.string(),
  note: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  contractNo: z.string().nullable(),
  coverFrom: z.string().nullable(),
  coverTo: z.string().nullable(),
  version: z.number().int(),
});
export type MutualAidEnrolmentRow = z.infer<typeof mutualAidEnrolmentRowSchema>;

export const mutualAidEnrolmentQuerySchema = pageQuerySchema.extend({
  year: yearSchema.optional(),
  status: z.enum(mutualAidEnrolmentStatuses).optional(),
  kind: z.enum(mutualAidEnrolmentKinds).optional(),
  /** Only this unit (a base union in scope). */
  orgId: z.uuid({ message: '组织编号不正确' }).optional(),
  /** Unit name contains. */
  q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional(),
});
export type MutualAidEnrolmentQuery = z.infer<typeof mutualAidEnrolmentQuerySchema>;

/** The association's view: enrolments in scope, with totals over every page. */
export const mutualAidEnrolmentPageSchema = pageOf(mutualAidEnrolmentRowSchema).extend({
  totals: z.object({ units: z.number().int(), members: z.number().int(), amountFen: z.number().int(), approvedMembers: z.number().int(), approvedAmountFen: z.number().int() }),
});

export const mutualAidEnrolmentDetailSchema = mutualAidEnrolmentRowSchema.extend({
  reviewId: z.uuid(),
  reviewVersion: z.number().int(),
  steps: z.array(reviewStepSchema),
  trail: z.array(reviewTrailEntrySchema),
  returnReason: z.string().nullable(),
  canWithdraw: z.boolean(),
  canResubmit: z.boolean(),
  plan: mutualAidPlanSchema,
});
export type MutualAidEnrolmentDetail = z.infer<typeof mutualAidEnrolmentDetailSchema>;

export const mutualAidEnrolmentMembersQuerySchema = pageQuerySchema.extend({ q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional() });
export const mutualAidEnrolmentMemberPageSchema = pageOf(mutualAidMemberSchema);

/** A member's own policy (我的保障) in the member app. */
export const mutualAidPolicyStates = ['in_force', 'not_started', 'expired'] as const;
export const mutualAidPolicyStateLabels: Record<(typeof mutualAidPolicyStates)[number], string> = { in_force: '保障中', not_started: '待生效', expired: '已到期' };
export const mutualAidPolicySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  planTitle: z.string(),
  coverage: z.string(),
  association: z.string(),
  /** The union (unit) that enrolled the member. */
  orgName: z.string(),
  memberNo: z.string(),
  kind: z.enum(mutualAidEnrolmentKinds),
  contractNo: z.string(),
  coverFrom: z.string(),
  coverTo: z.string(),
  contributionFen: z.number().int(),
  state: z.enum(mutualAidPolicyStates),
  /** Set when the member has left that unit since: cover still runs to the end of what was paid. */
  leftNote: z.string().nullable(),
});
export type MutualAidPolicy = z.infer<typeof mutualAidPolicySchema>;
export const mutualAidPolicyListSchema = z.object({ items: z.array(mutualAidPolicySchema) });

export const mutualAidExportQuerySchema = mutualAidEnrolmentQuerySchema.omit({ page: true, pageSize: true });
