import { z } from 'zod';
import { isoDateSchema, optionalText, pageOf, pageQuerySchema, textField } from './common.js';
import { checkIdNumber, checkPhone, chinaToday, idTypes, type IdType } from './rules/index.js';

/** Membership status (会籍状态, DOMAIN.md). */
export const membershipStatuses = ['joined', 'transferred_in', 'transferred_out', 'retained', 'transferring', 'pending'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];
export const membershipStatusLabels: Record<MembershipStatus, string> = {
  joined: '入会',
  transferred_in: '转入',
  transferred_out: '转出',
  retained: '保留',
  transferring: '转会中',
  pending: '待审核',
};
/** Active for mutual aid and coupons (seed 000). */
export const activeStatuses: readonly MembershipStatus[] = ['joined', 'transferred_in'];
/** What an operator may set directly on an active member (seed 000 2.2, 2.3); the rest come from flows. */
export const operatorStatusChanges = ['transferred_out', 'retained'] as const;
/** From which statuses an operator may set each of them: 转出 from active or retained, 保留 from active. */
export const operatorStatusTransitions: Record<(typeof operatorStatusChanges)[number], readonly MembershipStatus[]> = {
  transferred_out: ['joined', 'transferred_in', 'retained'],
  retained: ['joined', 'transferred_in'],
};

export const sexes = ['male', 'female'] as const;
export const sexLabels = { male: '男', female: '女' } as const;
export const educations = ['小学及以下', '初中', '高中/中专/技校', '大专', '本科', '硕士研究生', '博士研究生'] as const;
export const householdTypes = ['agricultural', 'non_agricultural'] as const;
export const householdTypeLabels = { agricultural: '农业', non_agricultural: '非农业' } as const;
export const skillLevels = ['无', '初级工', '中级工', '高级工', '技师', '高级技师'] as const;

const optionalDate = isoDateSchema.optional().nullable().or(z.literal('').transform(() => null));

/** The person and membership fields of seeds 001/002's member forms. */
const memberFields = {
  name: textField('姓名', 50),
  phone: z
    .string()
    .trim()
    .max(32, { message: '手机号格式不正确' })
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (!v) return null;
      const r = checkPhone(v);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.reason });
        return z.NEVER;
      }
      return r.value;
    }),
  sex: z.enum(sexes, { message: '请选择性别' }).optional().nullable(),
  birthDate: optionalDate,
  education: z.enum(educations, { message: '请选择学历' }).optional().nullable(),
  householdType: z.enum(householdTypes, { message: '请选择户籍类型' }).optional().nullable(),
  migrantWorker: z.boolean({ message: '请选择是否农民工' }).optional().nullable(),
  skillLevel: z.enum(skillLevels, { message: '请选择技术等级' }).optional().nullable(),
  address: optionalText('联系地址', 100),
  idExpiresOn: optionalDate,
  unionPost: optionalText('工会职务', 50),
  workUnitId: z.uuid({ message: '所在单位不正确' }).optional().nullable(),
  joinedOn: optionalDate,
  remark: optionalText('备注', 500),
};

/**
 * A new member: the document number is checked by its type's rule; for resident IDs sex and
 * birth date come from the number (seed 001: shown automatically), otherwise they must be given.
 */
export const createMemberBodySchema = z
  .object({
    idType: z.enum(idTypes, { message: '请选择证件类型' }),
    idNumber: z.string({ message: '请填写证件号码' }).trim().min(1, { message: '请填写证件号码' }).max(64, { message: '证件号码过长' }),
    ...memberFields,
  })
  .transform((v, ctx) => {
    const r = checkIdNumber(v.idNumber, v.idType as IdType);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.reason });
      return z.NEVER;
    }
    const sex = r.sex ?? v.sex;
    const birthDate = r.birthDate ?? v.birthDate;
    if (!sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: '请选择性别' });
    if (!birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '请选择出生日期' });
    if (birthDate && birthDate > chinaToday()) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '出生日期不能晚于今天' });
    if (v.joinedOn && v.joinedOn > chinaToday()) ctx.addIssue({ code: 'custom', path: ['joinedOn'], message: '入会日期不能晚于今天' });
    if (!sex || !birthDate) return z.NEVER;
    return { ...v, idNumber: r.value, sex, birthDate };
  });
export type CreateMemberBody = z.infer<typeof createMemberBodySchema>;

/** Edits: the document stays (a different document is a different person); the rest may change. */
export const updateMemberBodySchema = z
  .object(memberFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine((v, ctx) => {
    if (v.joinedOn && v.joinedOn > chinaToday()) ctx.addIssue({ code: 'custom', path: ['joinedOn'], message: '入会日期不能晚于今天' });
  });
export type UpdateMemberBody = z.infer<typeof updateMemberBodySchema>;

export const memberStatusBodySchema = z.object({
  status: z.enum(operatorStatusChanges, { message: '只能设为转出或保留' }),
  on: isoDateSchema,
  reason: textField('原因', 200),
  version: z.number().int().min(1),
});

export const revealBodySchema = z.object({
  field: z.enum(['idNumber', 'phone'], { message: '请选择要查看的字段' }),
  reason: textField('查看原因', 200),
});
export const revealResponseSchema = z.object({ value: z.string() });

export const memberSortFields = ['memberNo', 'name', 'joinedOn', 'updatedAt'] as const;
export const memberSearchQuerySchema = pageQuerySchema.extend({
  name: z.string().trim().max(50, { message: '姓名过长' }).optional(),
  memberNo: z.string().trim().max(20, { message: '会员编号过长' }).optional(),
  idNumber: z.string().trim().max(64, { message: '证件号码过长' }).optional(),
  phone: z.string().trim().max(32, { message: '手机号过长' }).optional(),
  status: z.enum(membershipStatuses).optional(),
  workUnitId: z.uuid({ message: '所在单位不正确' }).optional(),
  orgId: z.uuid({ message: '组织编号不正确' }).optional(),
  sort: z.enum(memberSortFields).default('memberNo'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

/** A member as every list shows it: numbers masked by the server. */
export const memberRowSchema = z.object({
  id: z.uuid(),
  memberNo: z.string(),
  name: z.string(),
  sex: z.enum(sexes),
  idType: z.enum(idTypes),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  address: z.string().nullable(),
  orgId: z.uuid(),
  orgName: z.string(),
  workUnitName: z.string().nullable(),
  status: z.enum(membershipStatuses),
  joinedOn: z.string().nullable(),
});
export const memberPageSchema = pageOf(memberRowSchema);

export const memberDetailSchema = memberRowSchema.extend({
  personId: z.uuid(),
  birthDate: z.string(),
  education: z.string().nullable(),
  householdType: z.enum(householdTypes).nullable(),
  migrantWorker: z.boolean().nullable(),
  skillLevel: z.string().nullable(),
  idExpiresOn: z.string().nullable(),
  unionPost: z.string().nullable(),
  workUnitId: z.uuid().nullable(),
  remark: z.string().nullable(),
  version: z.number().int(),
  history: z.array(
    z.object({ fromStatus: z.enum(membershipStatuses).nullable(), toStatus: z.enum(membershipStatuses), on: z.string(), reason: z.string().nullable(), at: z.string() }),
  ),
});
export type MemberDetail = z.infer<typeof memberDetailSchema>;

/** Export the current search: masked unless `full`, which needs the reveal permission and a reason. */
export const memberExportBodySchema = memberSearchQuerySchema
  .omit({ page: true, pageSize: true })
  .extend({
    full: z.boolean().default(false),
    reason: z.string().trim().max(200, { message: '原因不能超过200个字符' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.full && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '导出完整号码须填写原因' });
  });
