import { z } from 'zod';
import { isoDateSchema, pageOf, pageQuerySchema, textField, uuidSchema } from './common.js';
import { membershipStatuses, sexes } from './members.contract.js';
import { reviewStatuses } from './reviews.contract.js';
import { checkIdNumber, idTypes, type IdType } from './rules/index.js';

/**
 * Member transfers (转会, seed 002 §4.2, seed 000 §2): a member moves from one base union (the
 * releasing side) to another (the receiving side). While the transfer is reviewed the member
 * is `transferring`; approval closes the old membership as transferred_out and opens a new one
 * as transferred_in; a return or withdrawal puts the old status back.
 */
export const transferSources = ['single', 'import', 'transfer_out', 'application'] as const;
export type TransferSource = (typeof transferSources)[number];
export const transferSourceLabels: Record<TransferSource, string> = {
  single: '单个转入',
  import: 'Excel 批量转入',
  transfer_out: '转出',
  application: '会员申请',
};

/** A transfer takes the state of its review. */
export const transferStatuses = reviewStatuses;
export type TransferStatus = (typeof transferStatuses)[number];

/** At most this many rows in one transfer-in workbook (seed 002 §4.2). */
export const MAX_TRANSFER_IMPORT_ROWS = 1000;

/** A person named by document and name; both must match the registry. */
const personRefShape = {
  name: textField('姓名', 50),
  idType: z.enum(idTypes, { message: '请选择证件类型' }).default('resident_id'),
  idNumber: z.string({ message: '请填写证件号码' }).trim().min(1, { message: '请填写证件号码' }).max(64, { message: '证件号码过长' }),
};
const checkDocument = <T extends { idType: string; idNumber: string }>(v: T, ctx: z.RefinementCtx) => {
  const r = checkIdNumber(v.idNumber, v.idType as IdType);
  if (!r.ok) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.reason });
};

/** Transfer one person in from whichever union they belong to now. */
export const transferInBodySchema = z
  .object({ ...personRefShape, reason: textField('转入原因', 200) })
  .superRefine(checkDocument);
export type TransferInBody = z.infer<typeof transferInBodySchema>;

/** Transfer a member of this union out to another base union. */
export const transferOutBodySchema = z.object({
  targetOrgId: uuidSchema,
  reason: textField('转出原因', 200),
  version: z.coerce.number({ message: '缺少版本号，请刷新后重试' }).int().min(1),
});
export type TransferOutBody = z.infer<typeof transferOutBodySchema>;

export const transferSchema = z.object({
  id: z.uuid(),
  source: z.enum(transferSources),
  status: z.enum(transferStatuses),
  name: z.string(),
  idNumberMasked: z.string(),
  fromOrgId: z.uuid(),
  fromOrgName: z.string(),
  toOrgId: z.uuid(),
  toOrgName: z.string(),
  /** The status the member had before the transfer, restored on return or withdrawal. */
  previousStatus: z.enum(membershipStatuses),
  reason: z.string(),
  reviewId: z.uuid(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  newMemberNo: z.string().nullable(),
});
export type Transfer = z.infer<typeof transferSchema>;
export const transferPageSchema = pageOf(transferSchema);

export const transferQuerySchema = pageQuerySchema.extend({
  /** in: to the caller's subtree; out: from it. */
  direction: z.enum(['in', 'out', 'all']).default('all'),
  status: z.enum(transferStatuses).optional(),
  orgId: z.uuid({ message: '组织编号不正确' }).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});

/** A union to join or transfer into, found by name anywhere in the city (seed 000 FAQ 3). */
export const unionSearchQuerySchema = z.object({
  q: z.string({ message: '请输入工会名称' }).trim().min(2, { message: '请至少输入2个字' }).max(50, { message: '工会名称不能超过50个字符' }),
});
export const unionHitSchema = z.object({ id: z.uuid(), name: z.string(), path: z.array(z.string()) });
export const unionHitsSchema = z.object({ items: z.array(unionHitSchema) });
export type UnionHit = z.infer<typeof unionHitSchema>;

/** Applications (seed 000 §2.4): a person asks to join a union, or to transfer into one. */
export const applicationKinds = ['join', 'transfer'] as const;
export type ApplicationKind = (typeof applicationKinds)[number];
export const applicationKindLabels: Record<ApplicationKind, string> = { join: '入会申请', transfer: '转会申请' };

export const applicationBodySchema = z
  .object({
    kind: z.enum(applicationKinds, { message: '请选择申请类型' }),
    targetOrgId: uuidSchema,
    ...personRefShape,
    phone: z.string().trim().regex(/^1[3-9]\d{9}$/, { message: '手机号应为11位数字' }),
    workUnitName: textField('工作单位', 100),
    reason: z.string().trim().max(200, { message: '申请说明不能超过200个字符' }).optional(),
    /** Only for documents that do not encode them (a resident ID or residence permit does). */
    sex: z.enum(sexes, { message: '请选择性别' }).optional(),
    birthDate: isoDateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const r = checkIdNumber(v.idNumber, v.idType as IdType);
    if (!r.ok) return void ctx.addIssue({ code: 'custom', path: ['idNumber'], message: r.reason });
    // Resident IDs and residence permits carry sex and birth date; other documents do not.
    if (!('sex' in r && r.sex)) {
      if (!v.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: '请选择性别' });
      if (!v.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '请填写出生日期' });
    }
  });
export type ApplicationBody = z.infer<typeof applicationBodySchema>;

export const applicationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(applicationKinds),
  status: z.enum(reviewStatuses),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  workUnitName: z.string(),
  targetOrgId: z.uuid(),
  targetOrgName: z.string(),
  /** Which union is reviewing it now (seed 000 FAQ 4: "查看哪个单位正在审核"). */
  reviewingOrgName: z.string().nullable(),
  returnReason: z.string().nullable(),
  reviewId: z.uuid(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  memberNo: z.string().nullable(),
});
export type Application = z.infer<typeof applicationSchema>;
export const applicationListSchema = z.object({ items: z.array(applicationSchema) });
