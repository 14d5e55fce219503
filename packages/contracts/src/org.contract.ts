import { z } from 'zod';
import { isoDateSchema, optionalRule, optionalText, pageOf, pageQuerySchema, textField } from './common.js';
import { chinaToday, checkLandline, checkOrgCode, checkPhone, checkUscc } from './rules/index.js';

/** Organisation kinds, top to bottom (DOMAIN.md). */
export const orgKinds = [
  'city_federation',
  'district_federation',
  'industry_union',
  'street_union',
  'joint_union',
  'base_union',
  'sub_union',
] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Record<OrgKind, string> = {
  city_federation: '市总工会',
  district_federation: '区(县)总工会',
  industry_union: '产业(局)工会',
  street_union: '街道/乡镇(开发区)总工会',
  joint_union: '联合工会',
  base_union: '基层工会',
  sub_union: '分工会/工会小组',
};

/** Which kinds may sit directly under which. */
export const allowedChildKinds: Record<OrgKind, readonly OrgKind[]> = {
  city_federation: ['district_federation', 'industry_union'],
  district_federation: ['street_union', 'joint_union', 'base_union'],
  industry_union: ['joint_union', 'base_union'],
  street_union: ['joint_union', 'base_union'],
  joint_union: ['sub_union'],
  base_union: ['sub_union'],
  sub_union: [],
};

/** Base-level unions: they serve work units (单位/关联企业), hold members and confirm inspections. */
export const baseUnionKinds: readonly OrgKind[] = ['base_union', 'joint_union'];
export const isBaseUnionKind = (kind: string): boolean => (baseUnionKinds as readonly string[]).includes(kind);
/** Kinds that serve work units. */
export const workUnitHostKinds = baseUnionKinds;

export const orgStatuses = ['active', 'revoked'] as const;
export const orgStatusLabels = { active: '正常', revoked: '已撤销' } as const;

export const baseUnionTypes = ['single', 'joint'] as const;
export const baseUnionTypeLabels = { single: '单独基层工会', joint: '联合基层工会' } as const;

export const unitNatures = ['企业', '事业单位', '机关', '社会团体', '民办非企业单位', '其他'] as const;
export const economicTypes = [
  '国有企业', '集体企业', '股份合作企业', '联营企业', '有限责任公司', '股份有限公司', '私营企业',
  '港澳台商投资企业', '外商投资企业', '个体经营', '事业单位', '机关', '社会团体', '其他',
] as const;
/** GB/T 4754-2017 sections (国民经济行业门类). */
export const industries = [
  '农、林、牧、渔业', '采矿业', '制造业', '电力、热力、燃气及水生产和供应业', '建筑业', '批发和零售业',
  '交通运输、仓储和邮政业', '住宿和餐饮业', '信息传输、软件和信息技术服务业', '金融业', '房地产业',
  '租赁和商务服务业', '科学研究和技术服务业', '水利、环境和公共设施管理业', '居民服务、修理和其他服务业',
  '教育', '卫生和社会工作', '文化、体育和娱乐业', '公共管理、社会保障和社会组织', '国际组织',
] as const;

/** A union's contact phone may be a mobile or a landline. */
export const contactPhoneSchema = optionalRule('联系电话', (v) => {
  const m = checkPhone(v);
  if (m.ok) return m;
  const l = checkLandline(v);
  return l.ok ? l : { ok: false, reason: '联系电话应为11位手机号或带区号的固定电话，如 0531-81285015' };
});
export const usccInputSchema = optionalRule('统一社会信用代码', checkUscc);
export const orgCodeInputSchema = optionalRule('组织机构代码', checkOrgCode);
const count = (label: string) =>
  z.coerce
    .number({ message: `${label}应为数字` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(10_000_000, { message: `${label}过大` })
    .optional()
    .nullable();
const optionalDate = isoDateSchema.optional().nullable().or(z.literal('').transform(() => null));

/** The union's own fields (seed 002 filing form). */
export const orgFieldsSchema = z.object({
  name: textField('工会名称', 100),
  orgCode: orgCodeInputSchema,
  uscc: usccInputSchema,
  foundedOn: optionalDate,
  baseUnionType: z.enum(baseUnionTypes, { message: '请选择基层工会类型' }).optional().nullable(),
  termRenewalOn: optionalDate,
  chairName: optionalText('工会负责人', 32),
  phone: contactPhoneSchema,
  headcount: count('职工人数'),
  mergedUnion: z.boolean().optional().nullable(),
  address: optionalText('地址', 200),
});

/** Dates a union cannot have: founded in the future (Beijing time), renewed before it was founded. */
export function orgDatesRule(v: { foundedOn?: string | null; termRenewalOn?: string | null }, ctx: z.RefinementCtx) {
  if (v.foundedOn && v.foundedOn > chinaToday()) ctx.addIssue({ code: 'custom', path: ['foundedOn'], message: '建会日期不能晚于今天' });
  if (v.foundedOn && v.termRenewalOn && v.termRenewalOn < v.foundedOn)
    ctx.addIssue({ code: 'custom', path: ['termRenewalOn'], message: '换届日期不能早于建会日期' });
}

export const createOrgBodySchema = orgFieldsSchema
  .extend({ kind: z.enum(orgKinds, { message: '请选择组织类型' }) })
  .superRefine(orgDatesRule);
export type CreateOrgBody = z.infer<typeof createOrgBodySchema>;

export const updateOrgBodySchema = orgFieldsSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(orgDatesRule);
export type UpdateOrgBody = z.infer<typeof updateOrgBodySchema>;

export const orgNodeSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(orgKinds),
  status: z.enum(orgStatuses),
  orgCode: z.string(),
  childCount: z.number().int(),
});
export type OrgNode = z.infer<typeof orgNodeSchema>;

export const orgDetailSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  kind: z.enum(orgKinds),
  name: z.string(),
  orgCode: z.string(),
  orgCodeVirtual: z.boolean(),
  uscc: z.string().nullable(),
  usccCheckFailed: z.boolean(),
  foundedOn: z.string().nullable(),
  baseUnionType: z.enum(baseUnionTypes).nullable(),
  termRenewalOn: z.string().nullable(),
  chairName: z.string().nullable(),
  phone: z.string().nullable(),
  headcount: z.number().int().nullable(),
  mergedUnion: z.boolean().nullable(),
  address: z.string().nullable(),
  status: z.enum(orgStatuses),
  version: z.number().int(),
  breadcrumb: z.array(z.object({ id: z.uuid(), name: z.string() })),
  childCount: z.number().int(),
  workUnitCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrgDetail = z.infer<typeof orgDetailSchema>;

export const orgTreeQuerySchema = z.object({ parentId: z.uuid({ message: '上级组织编号不正确' }).optional() });
export const orgSearchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100, { message: '搜索内容过长' }).optional(),
  kind: z.enum(orgKinds).optional(),
  status: z.enum(orgStatuses).optional(),
});
export const orgSearchRowSchema = orgNodeSchema.extend({ parentName: z.string().nullable(), chairName: z.string().nullable(), phone: z.string().nullable() });
export const orgPageSchema = pageOf(orgSearchRowSchema);

/** Work unit (单位/关联企业) fields, seed 001 fig. 20 and the seed 002 filing form. */
export const workUnitFieldsSchema = z.object({
  name: textField('单位名称', 100),
  uscc: usccInputSchema,
  orgCode: orgCodeInputSchema,
  nature: z.enum(unitNatures, { message: '请选择单位性质类别' }),
  economicType: z.enum(economicTypes, { message: '请选择经济类型' }),
  industry: z.enum(industries, { message: '请选择所属行业' }).optional().nullable(),
  chairName: optionalText('负责人', 32),
  phone: contactPhoneSchema,
  address: optionalText('地址', 200),
  collectiveBargaining: z.boolean().optional().nullable(),
  contractExpiresOn: optionalDate,
  headcount: count('职工人数'),
  migrantHeadcount: count('农民工人数'),
  remark: optionalText('备注', 500),
});
const headcountRule = (v: { headcount?: number | null; migrantHeadcount?: number | null }, ctx: z.RefinementCtx) => {
  if (v.headcount != null && v.migrantHeadcount != null && v.migrantHeadcount > v.headcount)
    ctx.addIssue({ code: 'custom', path: ['migrantHeadcount'], message: '农民工人数不能超过职工人数' });
};
export const createWorkUnitBodySchema = workUnitFieldsSchema.superRefine(headcountRule);
export const updateWorkUnitBodySchema = workUnitFieldsSchema
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(headcountRule);

export const workUnitSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  name: z.string(),
  uscc: z.string().nullable(),
  usccCheckFailed: z.boolean(),
  orgCode: z.string().nullable(),
  nature: z.string(),
  economicType: z.string(),
  industry: z.string().nullable(),
  chairName: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  collectiveBargaining: z.boolean().nullable(),
  contractExpiresOn: z.string().nullable(),
  headcount: z.number().int().nullable(),
  migrantHeadcount: z.number().int().nullable(),
  remark: z.string().nullable(),
  version: z.number().int(),
});
export type WorkUnit = z.infer<typeof workUnitSchema>;
