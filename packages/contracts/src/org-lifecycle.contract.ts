import { z } from 'zod';
import { captchaSchema, sessionInfoSchema } from './auth.contract.js';
import { isoDateSchema, optionalText, textField, uuidSchema } from './common.js';
import { baseUnionTypes, contactPhoneSchema, economicTypes, industries, orgDatesRule, orgFieldsSchema, orgKinds, unitNatures } from './org.contract.js';
import { reviewStatuses } from './reviews.contract.js';
import { checkOrgCode, checkUscc } from './rules/index.js';

/**
 * The organisation lifecycle (seed 002 §1–2, seed 000 §1.2): an enterprise registers by e-mail,
 * files its base union (基层工会资料上报), and later modifies (修改), transfers (转移), revokes
 * (撤销) it or has its affiliation changed (变更隶属关系). Filing, modification, transfer and a
 * cross-district affiliation change go through the shared review mechanism.
 */

// ---- statistics database (大统计库) ----

/** A unit as the statistics database knows it, used to prefill registration and filing. */
export const statisticsUnitSchema = z.object({
  name: z.string(),
  uscc: z.string(),
  economicType: z.string(),
  industry: z.string(),
  address: z.string(),
  districtName: z.string(),
  streetName: z.string(),
  /** The matching organisations on this platform, when the names resolve. */
  districtOrgId: z.uuid().nullable(),
  streetOrgId: z.uuid().nullable(),
});
export type StatisticsUnit = z.infer<typeof statisticsUnitSchema>;
export const statisticsLookupQuerySchema = z.object({ name: textField('单位名称', 100) });
/** `found: false` with no unit means the database answered and does not know the name. */
export const statisticsLookupSchema = z.object({ found: z.boolean(), unit: statisticsUnitSchema.nullable() });

// ---- registration by e-mail (seed 002 §1) ----

export const enterpriseEmailSchema = z
  .string({ message: '请填写企业邮箱' })
  .trim()
  .toLowerCase()
  .max(64, { message: '邮箱不能超过64个字符' })
  .pipe(z.email({ message: '请填写正确的企业邮箱，它将作为登录账号' }));

export const registerEnterpriseBodySchema = z
  .object({
    email: enterpriseEmailSchema,
    password: z.string().min(1, { message: '请输入密码' }).max(128, { message: '密码不能超过128位' }),
    unitName: textField('单位名称', 100),
  })
  .extend(captchaSchema.shape);
/** The new session (as login answers it) and what the statistics database holds under the unit name, for prefilling the filing form. */
export const registerEnterpriseResultSchema = sessionInfoSchema.extend({
  statistics: statisticsLookupSchema.extend({ unavailable: z.boolean() }),
});

// ---- the parents a base union can be filed under or moved to ----

/** Upper unions (districts, industry unions, streets) by name: the filing form's drop-downs. */
export const parentDirectoryRowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(orgKinds),
  /** The district federation or industry union it belongs to (itself for those). */
  districtId: z.uuid(),
  districtName: z.string(),
});
export type ParentDirectoryRow = z.infer<typeof parentDirectoryRowSchema>;

// ---- filing (基层工会资料上报) ----

/** 18 characters: a USCC (bad check digit flagged, not refused); 9: an organisation code. */
export const unitCodeSchema = z
  .string({ message: '请填写统一社会信用代码或组织机构代码' })
  .trim()
  .min(1, { message: '请填写统一社会信用代码或组织机构代码' })
  .max(64, { message: '代码过长' })
  .transform((v, ctx) => {
    const compact = v.replace(/[\s-]/g, '');
    const r = compact.length === 9 ? checkOrgCode(v) : checkUscc(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.reason });
      return z.NEVER;
    }
    return r.value;
  });

export const orgFilingBodySchema = z
  .object({
    unitName: textField('单位名称', 100),
    unitCode: unitCodeSchema,
    unitNature: z.enum(unitNatures, { message: '请选择单位性质类别' }).default('企业'),
    economicType: z.enum(economicTypes, { message: '请选择经济类型' }),
    districtId: uuidSchema,
    /** The street (or industry) union that reviews the filing and becomes the parent. */
    parentId: uuidSchema,
    unitAddress: textField('单位地址', 200),
    industry: z.enum(industries, { message: '请选择单位所属行业' }),
    unionName: textField('工会名称', 100),
    foundedOn: isoDateSchema,
    baseUnionType: z.enum(baseUnionTypes, { message: '请选择基层工会类型' }),
    termRenewalOn: isoDateSchema.optional().nullable(),
    chairName: optionalText('工会负责人', 32),
    phone: contactPhoneSchema,
    headcount: z.coerce.number().int().min(0, { message: '职工人数不能为负数' }).max(10_000_000).optional().nullable(),
  })
  .superRefine(orgDatesRule);
export type OrgFilingBody = z.infer<typeof orgFilingBodySchema>;

export const orgChangeKinds = ['filing', 'modification', 'transfer', 'affiliation', 'revoke'] as const;
export type OrgChangeKind = (typeof orgChangeKinds)[number];
export const orgChangeKindLabels: Record<OrgChangeKind, string> = {
  filing: '基层工会资料上报',
  modification: '修改',
  transfer: '转移',
  affiliation: '变更隶属关系',
  revoke: '撤销',
};
/** A change takes the state of its review; direct changes (revoke, in-district affiliation) are `done`. */
export const orgChangeStatuses = [...reviewStatuses, 'done'] as const;
export type OrgChangeStatus = (typeof orgChangeStatuses)[number];

/** A submitted change as its submitter sees it: who reviews it, and how it went. */
export const orgChangeSchema = z.object({
  id: z.uuid(),
  kind: z.enum(orgChangeKinds),
  status: z.enum(orgChangeStatuses),
  orgId: z.uuid().nullable(),
  title: z.string(),
  targetParentName: z.string().nullable(),
  reviewId: z.uuid().nullable(),
  /** The organisations whose review is awaited now. */
  waitingFor: z.array(z.string()),
  returnReason: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
});
export type OrgChange = z.infer<typeof orgChangeSchema>;

// ---- modification (修改) ----

/** The fields the union's own operator may change, reviewed by its upper union. */
export const orgModificationBodySchema = orgFieldsSchema
  .omit({ orgCode: true, uscc: true })
  .partial()
  .extend({ version: z.number({ message: '缺少版本号，请刷新后重试' }).int().min(1) })
  .superRefine(orgDatesRule);
export type OrgModificationBody = z.infer<typeof orgModificationBodySchema>;

// ---- transfer (转移) and affiliation change (变更隶属关系) ----

/** 区区（局局）转移 or 区局（局区）转移 (seed 002 §2). */
export const orgTransferModes = ['same_kind', 'cross_kind'] as const;
export const orgTransferModeLabels = { same_kind: '区区（局局）转移', cross_kind: '区局（局区）转移' } as const;
export const orgTransferBodySchema = z.object({
  targetParentId: uuidSchema,
  mode: z.enum(orgTransferModes, { message: '请选择转移方式' }),
  note: optionalText('转移说明', 200),
});
export type OrgTransferBody = z.infer<typeof orgTransferBodySchema>;

/** Within one district the district federation moves the union itself. */
export const orgAffiliationBodySchema = z.object({ targetParentId: uuidSchema, note: optionalText('说明', 200) });
/** Across districts: the multipart form's text fields beside the explanation file (情况说明). */
export const orgAffiliationRequestFieldsSchema = z.object({ targetParentId: uuidSchema, note: optionalText('说明', 200) });

// ---- revoke (撤销) ----

export const orgRevokeReasons = ['merged', 'moved_out', 'closed'] as const;
export type OrgRevokeReason = (typeof orgRevokeReasons)[number];
export const orgRevokeReasonLabels: Record<OrgRevokeReason, string> = { merged: '合并', moved_out: '转出本市', closed: '关闭' };
export const orgRevokeBodySchema = z.object({
  reason: z.enum(orgRevokeReasons, { message: '请选择撤销原因：合并、转出本市或关闭' }),
  on: isoDateSchema,
  note: optionalText('撤销说明', 200),
  version: z.number({ message: '缺少版本号，请刷新后重试' }).int().min(1),
});
export type OrgRevokeBody = z.infer<typeof orgRevokeBodySchema>;

/** An organisation's lifecycle at a glance: its change under review and, once revoked, why. */
export const orgLifecycleSchema = z.object({
  pending: orgChangeSchema.nullable(),
  revoked: z.object({ reason: z.enum(orgRevokeReasons), on: z.string(), note: z.string().nullable() }).nullable(),
  /** Why a transfer cannot be submitted now, if it cannot. */
  transferBlockedReason: z.string().nullable(),
  history: z.array(orgChangeSchema),
});
export type OrgLifecycle = z.infer<typeof orgLifecycleSchema>;

/** Explanation files: PDF, images or .docx, at most this size. */
export const MAX_AFFILIATION_FILE_BYTES = 5 * 1024 * 1024;
