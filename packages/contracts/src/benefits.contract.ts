import { z } from 'zod';
import { isoDateSchema, mobileSchema, optionalRule, optionalText, pageOf, pageQuerySchema, textField, uuidSchema } from './common.js';
import { checkLandline } from './rules/index.js';

/**
 * 普惠活动 on the console (seed 001 附件1 三): merchants (商家管理), union activity coupons
 * (优惠券), coupon-claim activities (活动管理) audited by the upper union, and the settlement export
 * (结算入帐). Claiming and redeeming are in `benefits-claims.contract.ts`.
 *
 * Money is always an integer number of fen (分); the console shows yuan.
 */

const versionSchema = z.coerce.number({ message: '缺少版本号，请刷新后重试' }).int().min(1);
export const benefitVersionBodySchema = z.object({ version: versionSchema });
export type BenefitVersionBody = z.infer<typeof benefitVersionBodySchema>;

/** A date-time with its offset, as the browser sends it (`2026-09-24T00:00:00+08:00`). */
const dateTimeSchema = (label: string) => z.iso.datetime({ offset: true, message: `${label}格式不正确` });

// ---------------------------------------------------------------- images

/** Licence, logo and cover images: PNG or JPEG (checked by their first bytes), at most this size. */
export const MAX_BENEFIT_IMAGE_BYTES = 5 * 1024 * 1024;
export const benefitImageMimes = ['image/png', 'image/jpeg'] as const;
export type BenefitImageMime = (typeof benefitImageMimes)[number];
export const storedImageInfoSchema = z.object({ mime: z.enum(benefitImageMimes), size: z.number().int() });
export type StoredImageInfo = z.infer<typeof storedImageInfoSchema>;

// ---------------------------------------------------------------- merchants (商家, figs. 22–24)

/** 商家类型: a union that hands out its own welfare is its own merchant (seed 001: "可选择商家类型为工会"). */
export const merchantKinds = ['merchant', 'union'] as const;
export type MerchantKind = (typeof merchantKinds)[number];
export const merchantKindLabels: Record<MerchantKind, string> = { merchant: '商家', union: '工会' };

/** 服务类型. */
export const merchantServiceTypes = ['ordinary', 'designated'] as const;
export type MerchantServiceType = (typeof merchantServiceTypes)[number];
export const merchantServiceTypeLabels: Record<MerchantServiceType, string> = { ordinary: '普通商家', designated: '定点服务商家' };

/** 上线 / 下线: an offline merchant redeems nothing. */
export const merchantStatuses = ['online', 'offline'] as const;
export type MerchantStatus = (typeof merchantStatuses)[number];
export const merchantStatusLabels: Record<MerchantStatus, string> = { online: '已上线', offline: '已下线' };

export const merchantImageKinds = ['licence', 'logo'] as const;
export type MerchantImageKind = (typeof merchantImageKinds)[number];
export const merchantImageKindLabels: Record<MerchantImageKind, string> = { licence: '营业执照', logo: '商家Logo' };
export const merchantImageParamsSchema = z.object({ id: uuidSchema, kind: z.enum(merchantImageKinds, { message: '图片类型只能是营业执照或商家Logo' }) });

const landlineSchema = optionalRule('固定电话', checkLandline);
const tagSchema = z
  .string()
  .trim()
  .min(1, { message: '商家标签不能为空' })
  .max(20, { message: '每个商家标签不能超过20个字符' });
const coordinate = (label: string, limit: number) =>
  z.coerce
    .number({ message: `${label}应为数字` })
    .min(-limit, { message: `${label}应在 -${limit} 到 ${limit} 之间` })
    .max(limit, { message: `${label}应在 -${limit} 到 ${limit} 之间` })
    .optional()
    .nullable();

const merchantShape = {
  name: textField('商家名称', 100),
  contactName: textField('联系人', 32),
  phone: mobileSchema('手机号码'),
  landline: landlineSchema,
  kind: z.enum(merchantKinds, { message: '请选择商家类型' }),
  serviceType: z.enum(merchantServiceTypes, { message: '请选择服务类型' }),
  tags: z
    .array(tagSchema, { message: '商家标签格式不正确' })
    .max(10, { message: '商家标签最多10个' })
    .transform((tags) => [...new Set(tags)]),
  address: textField('地址', 200),
  intro: optionalText('商家简介', 2000),
  settledOn: isoDateSchema.optional().nullable().or(z.literal('').transform(() => null)),
  longitude: coordinate('经度', 180),
  latitude: coordinate('纬度', 90),
};
const bothOrNeitherCoordinate = (v: { longitude?: number | null; latitude?: number | null }, ctx: z.RefinementCtx) => {
  const hasLng = v.longitude !== undefined && v.longitude !== null;
  const hasLat = v.latitude !== undefined && v.latitude !== null;
  if (hasLng !== hasLat) ctx.addIssue({ code: 'custom', path: [hasLng ? 'latitude' : 'longitude'], message: '商家位置请同时填写经度和纬度' });
};

export const merchantCreateBodySchema = z.object({ ...merchantShape, tags: merchantShape.tags.default([]) }).superRefine(bothOrNeitherCoordinate);
export type MerchantCreateBody = z.infer<typeof merchantCreateBodySchema>;

/** Edit: any subset of the fields (absent ones stay as they are), with the version the editor saw. */
export const merchantUpdateBodySchema = z
  .object(merchantShape)
  .partial()
  .extend({ version: versionSchema })
  .superRefine(bothOrNeitherCoordinate);
export type MerchantUpdateBody = z.infer<typeof merchantUpdateBodySchema>;

export const merchantSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  name: z.string(),
  contactName: z.string(),
  /** Masked by the server (`186****2881`). */
  phoneMasked: z.string(),
  landline: z.string().nullable(),
  kind: z.enum(merchantKinds),
  serviceType: z.enum(merchantServiceTypes),
  tags: z.array(z.string()),
  address: z.string(),
  intro: z.string().nullable(),
  settledOn: z.string().nullable(),
  longitude: z.number().nullable(),
  latitude: z.number().nullable(),
  licenceImage: storedImageInfoSchema.nullable(),
  logoImage: storedImageInfoSchema.nullable(),
  status: z.enum(merchantStatuses),
  /** Live (not revoked) staff accounts. */
  staffCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Merchant = z.infer<typeof merchantSchema>;
export const merchantPageSchema = pageOf(merchantSchema);

export const merchantQuerySchema = pageQuerySchema.extend({
  /** Name contains. */
  q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional(),
  status: z.enum(merchantStatuses).optional(),
  kind: z.enum(merchantKinds).optional(),
});
export type MerchantQuery = z.infer<typeof merchantQuerySchema>;

// ---------------------------------------------------------------- merchant staff (商家端账号)

/** What the console says beside a new staff login's initial password (seed 001: changed at first login). */
export const MERCHANT_STAFF_DEFAULT_PASSWORD_HINT = '初始密码仅显示一次，请转告商家；首次登录须修改密码';

export const merchantStaffCreateBodySchema = z.object({ name: textField('姓名', 32), phone: mobileSchema('手机号码') });
export type MerchantStaffCreateBody = z.infer<typeof merchantStaffCreateBodySchema>;
export const merchantStaffParamsSchema = z.object({ id: uuidSchema, staffId: uuidSchema });

export const merchantStaffSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  name: z.string(),
  username: z.string(),
  phoneMasked: z.string().nullable(),
  /** Still has to replace the initial password. */
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type MerchantStaff = z.infer<typeof merchantStaffSchema>;
export const merchantStaffListSchema = z.object({ items: z.array(merchantStaffSchema) });

/**
 * A new staff login. A phone with no account gets a new one and its initial password (shown once);
 * a phone that already has an account (e.g. a member's) keeps its own password: `initialPassword` is null.
 */
export const merchantStaffCreatedSchema = z.object({ staff: merchantStaffSchema, initialPassword: z.string().nullable() });
export type MerchantStaffCreated = z.infer<typeof merchantStaffCreatedSchema>;

/** `GET /api/merchant/me`: which merchant the logged-in staff account serves. */
export const merchantMeSchema = z.object({
  staffId: z.uuid(),
  account: z.object({ id: z.uuid(), name: z.string(), phoneMasked: z.string().nullable() }),
  merchant: z.object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(merchantKinds),
    status: z.enum(merchantStatuses),
    address: z.string(),
    orgName: z.string(),
    hasLogo: z.boolean(),
  }),
});
export type MerchantMe = z.infer<typeof merchantMeSchema>;

// ---------------------------------------------------------------- coupons (优惠券, figs. 25–27)

export const couponKinds = ['union_activity'] as const;
export type CouponKind = (typeof couponKinds)[number];
export const couponKindLabels: Record<CouponKind, string> = { union_activity: '工会活动券' };

/** 开启 / 关闭: only an enabled coupon can be put in an activity's prize list. */
export const couponStates = ['enabled', 'disabled'] as const;
export type CouponState = (typeof couponStates)[number];
export const couponStateLabels: Record<CouponState, string> = { enabled: '已开启', disabled: '未开启' };

/** At most 1,000,000 coupons of one kind, at most 100,000 yuan each. */
export const MAX_COUPON_QUANTITY = 1_000_000;
export const MAX_FACE_VALUE_FEN = 10_000_000;

const couponShape = {
  kind: z.enum(couponKinds, { message: '请选择优惠券类型' }),
  /** The merchant that honours it (others may be authorised, 授权). */
  merchantId: uuidSchema,
  title: textField('优惠券标题', 50),
  name: textField('优惠券名称', 50),
  quantity: z.coerce
    .number({ message: '优惠券数量应为数字' })
    .int({ message: '优惠券数量应为整数' })
    .min(1, { message: '优惠券数量至少为1' })
    .max(MAX_COUPON_QUANTITY, { message: `优惠券数量不能超过${MAX_COUPON_QUANTITY}` }),
  validFrom: dateTimeSchema('有效期开始时间'),
  validTo: dateTimeSchema('有效期结束时间'),
  faceValueFen: z.coerce
    .number({ message: '优惠金额应为数字' })
    .int({ message: '优惠金额以分为单位，应为整数' })
    .min(0, { message: '优惠金额不能为负数' })
    .max(MAX_FACE_VALUE_FEN, { message: '优惠金额不能超过100000元' }),
  conditions: optionalText('使用条件', 200),
  description: optionalText('简介', 500),
};
const validityOrder = (v: { validFrom?: string; validTo?: string }, ctx: z.RefinementCtx) => {
  if (v.validFrom && v.validTo && Date.parse(v.validTo) <= Date.parse(v.validFrom)) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: '有效期结束时间应晚于开始时间' });
  }
};

export const couponCreateBodySchema = z.object({ ...couponShape, kind: couponShape.kind.default('union_activity') }).superRefine(validityOrder);
export type CouponCreateBody = z.infer<typeof couponCreateBodySchema>;
export const couponUpdateBodySchema = z
  .object(couponShape)
  .partial()
  .extend({ version: versionSchema })
  .superRefine(validityOrder);
export type CouponUpdateBody = z.infer<typeof couponUpdateBodySchema>;

export const couponSchema = z.object({
  id: z.uuid(),
  orgId: z.uuid(),
  orgName: z.string(),
  kind: z.enum(couponKinds),
  merchantId: z.uuid().nullable(),
  merchantName: z.string().nullable(),
  title: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  /** Put in activities' prize lists so far; `quantity - allocated` is what is left to allocate. */
  allocated: z.number().int(),
  unallocated: z.number().int(),
  validFrom: z.string(),
  validTo: z.string(),
  faceValueFen: z.number().int(),
  conditions: z.string().nullable(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Coupon = z.infer<typeof couponSchema>;
export const couponPageSchema = pageOf(couponSchema);

export const couponQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional(),
  state: z.enum(couponStates).optional(),
  merchantId: uuidSchema.optional(),
});
export type CouponQuery = z.infer<typeof couponQuerySchema>;

/** 授权 (seed 001 fig. 27 注): another merchant, or a person's account found by its phone. */
export const couponAuthorisationKinds = ['merchant', 'account'] as const;
export type CouponAuthorisationKind = (typeof couponAuthorisationKinds)[number];
export const couponAuthorisationKindLabels: Record<CouponAuthorisationKind, string> = { merchant: '商家', account: '个人' };

export const couponAuthorisationBodySchema = z.union(
  [z.object({ merchantId: uuidSchema }).strict(), z.object({ phone: mobileSchema('被授权人手机号') }).strict()],
  { message: '请选择要授权的商家，或填写被授权人的手机号' },
);
export type CouponAuthorisationBody = z.infer<typeof couponAuthorisationBodySchema>;
export const couponAuthorisationParamsSchema = z.object({ id: uuidSchema, authId: uuidSchema });

export const couponAuthorisationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(couponAuthorisationKinds),
  merchantId: z.uuid().nullable(),
  merchantName: z.string().nullable(),
  accountId: z.uuid().nullable(),
  accountName: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  createdAt: z.string(),
});
export type CouponAuthorisation = z.infer<typeof couponAuthorisationSchema>;
export const couponAuthorisationListSchema = z.object({ items: z.array(couponAuthorisationSchema) });

// ---------------------------------------------------------------- activities (活动管理, figs. 28–30)

export const activityKinds = ['coupon_claim'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = { coupon_claim: '领券活动' };

/**
 * 审核状态: draft → pending (submitted to the upper union) → approved | returned; returned → pending
 * on resubmission; a withdrawn submission goes back to draft. Editable only as draft or returned.
 */
export const activityStatuses = ['draft', 'pending', 'approved', 'returned'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];
export const activityStatusLabels: Record<ActivityStatus, string> = { draft: '未提交', pending: '审核中', approved: '审核通过', returned: '已退回' };

/** 状态: 开启 (shown in the member app) / 关闭 (hidden); only an approved activity is ever opened. */
export const activityOpenLabels = { open: '开启', closed: '关闭' } as const;

/** 领券次数: only once, or N times a day (China time). */
export const claimLimitKinds = ['once', 'daily'] as const;
export type ClaimLimitKind = (typeof claimLimitKinds)[number];
export const claimLimitKindLabels: Record<ClaimLimitKind, string> = { once: '只能一次', daily: '每天限制次数' };
export const MAX_CLAIMS_PER_DAY = 100;

/** 适用范围: members of this union only, or of this union and the unions below it. */
export const activityScopes = ['own', 'subtree'] as const;
export type ActivityScope = (typeof activityScopes)[number];
export const activityScopeLabels: Record<ActivityScope, string> = { own: '仅本工会会员', subtree: '本工会及下级工会会员' };

/** Rich text as typed; the server keeps a sanitised copy (no scripts, handlers or foreign frames). */
export const MAX_ACTIVITY_CONTENT_CHARS = 100_000;
export const MAX_ACTIVITY_PRIZES = 20;

export const activityPrizeInputSchema = z.object({
  couponId: uuidSchema,
  quantity: z.coerce
    .number({ message: '奖品数量应为数字' })
    .int({ message: '奖品数量应为整数' })
    .min(1, { message: '奖品数量至少为1' })
    .max(MAX_COUPON_QUANTITY, { message: `奖品数量不能超过${MAX_COUPON_QUANTITY}` }),
});
export type ActivityPrizeInput = z.infer<typeof activityPrizeInputSchema>;

const prizesSchema = z
  .array(activityPrizeInputSchema, { message: '奖品列表格式不正确' })
  .max(MAX_ACTIVITY_PRIZES, { message: `奖品最多${MAX_ACTIVITY_PRIZES}种` })
  .refine((list) => new Set(list.map((p) => p.couponId)).size === list.length, { message: '同一张优惠券只能添加一次' });

const activityShape = {
  kind: z.enum(activityKinds, { message: '请选择活动类型' }),
  title: textField('活动标题', 100),
  claimLimitKind: z.enum(claimLimitKinds, { message: '请选择领券次数' }),
  /** Only for `daily`. */
  claimLimitPerDay: z.coerce
    .number({ message: '每天限制次数应为数字' })
    .int({ message: '每天限制次数应为整数' })
    .min(1, { message: '每天限制次数至少为1' })
    .max(MAX_CLAIMS_PER_DAY, { message: `每天限制次数不能超过${MAX_CLAIMS_PER_DAY}` })
    .optional()
    .nullable(),
  scope: z.enum(activityScopes, { message: '请选择适用范围' }),
  /** Must be later than now (checked by the server against its own clock). */
  startsAt: dateTimeSchema('活动开始时间'),
  endsAt: dateTimeSchema('活动结束时间'),
  contentHtml: z.string({ message: '活动内容格式不正确' }).max(MAX_ACTIVITY_CONTENT_CHARS, { message: `活动内容不能超过${MAX_ACTIVITY_CONTENT_CHARS}个字符` }),
  /** 奖品列表: coupons and how many of each; may be added after the basic information (seed 001 step 7–8). */
  prizes: prizesSchema,
};
const activityRules = (
  v: { startsAt?: string; endsAt?: string; claimLimitKind?: ClaimLimitKind; claimLimitPerDay?: number | null },
  ctx: z.RefinementCtx,
) => {
  if (v.startsAt && v.endsAt && Date.parse(v.endsAt) <= Date.parse(v.startsAt)) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '活动结束时间应晚于开始时间' });
  }
  if (v.claimLimitKind === 'daily' && (v.claimLimitPerDay === undefined || v.claimLimitPerDay === null)) {
    ctx.addIssue({ code: 'custom', path: ['claimLimitPerDay'], message: '请填写每天限制次数' });
  }
};

export const activityCreateBodySchema = z
  .object({
    ...activityShape,
    kind: activityShape.kind.default('coupon_claim'),
    contentHtml: activityShape.contentHtml.default(''),
    prizes: activityShape.prizes.default([]),
  })
  .superRefine(activityRules);
export type ActivityCreateBody = z.infer<typeof activityCreateBodySchema>;
/** Edit while draft or returned: any subset; `prizes`, when given, replaces the whole list. */
export const activityUpdateBodySchema = z
  .object(activityShape)
  .partial()
  .extend({ version: versionSchema })
  // A daily limit's N may be left out (the stored one stays); only clearing it is refused here.
  .superRefine((v, ctx) => activityRules({ ...v, claimLimitPerDay: v.claimLimitPerDay === undefined ? 1 : v.claimLimitPerDay }, ctx));
export type ActivityUpdateBody = z.infer<typeof activityUpdateBodySchema>;

export const activityPrizeSchema = z.object({
  id: z.uuid(),
  couponId: z.uuid(),
  couponTitle: z.string(),
  couponName: z.string(),
  merchantName: z.string().nullable(),
  faceValueFen: z.number().int(),
  validFrom: z.string(),
  validTo: z.string(),
  quantity: z.number().int(),
  /** Not yet claimed (the stock), once approved; before approval equal to `quantity`. */
  remaining: z.number().int(),
});
export type ActivityPrize = z.infer<typeof activityPrizeSchema>;

/**
 * The fig. 29 counts. 报名人数 (`registered`): people who claimed at least one coupon; 参与人数
 * (`participants`): people who redeemed at least one; 核销 (`redeemed`): e-coupons redeemed.
 */
export const activityCountsSchema = z.object({ registered: z.number().int(), participants: z.number().int(), redeemed: z.number().int() });
export type ActivityCounts = z.infer<typeof activityCountsSchema>;

/** One row of the fig. 29 list. */
export const activityRowSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** 发布工会. */
  orgId: z.uuid(),
  orgName: z.string(),
  /** 商家名称: the merchants of the prize coupons. */
  merchantNames: z.array(z.string()),
  kind: z.enum(activityKinds),
  status: z.enum(activityStatuses),
  isOpen: z.boolean(),
  startsAt: z.string(),
  endsAt: z.string(),
  counts: activityCountsSchema,
  reviewId: z.uuid().nullable(),
  /** When the upper union approved or returned it (审核时间). */
  reviewedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ActivityRow = z.infer<typeof activityRowSchema>;
/** The list, with the 合计 row over everything the filters match (not just this page). */
export const activityListSchema = pageOf(activityRowSchema).extend({ totals: activityCountsSchema });
export type ActivityList = z.infer<typeof activityListSchema>;

export const activityQuerySchema = pageQuerySchema.extend({
  /** 活动名称 contains. */
  q: z.string().trim().max(50, { message: '搜索内容不能超过50个字符' }).optional(),
  /** 活动状态. */
  open: z.enum(['open', 'closed']).optional(),
  /** 审核. */
  status: z.enum(activityStatuses).optional(),
  /** 商家: activities with a prize coupon of this merchant. */
  merchantId: uuidSchema.optional(),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activitySchema = activityRowSchema.extend({
  claimLimitKind: z.enum(claimLimitKinds),
  claimLimitPerDay: z.number().int().nullable(),
  scope: z.enum(activityScopes),
  contentHtml: z.string(),
  coverImage: storedImageInfoSchema.nullable(),
  prizes: z.array(activityPrizeSchema),
  submittedAt: z.string().nullable(),
  /** Why the upper union returned it, while returned. */
  returnReason: z.string().nullable(),
  /** Editable now (draft or returned). */
  canEdit: z.boolean(),
  /** The settlement export is available (the claim window and every prize coupon's validity are over). */
  settlementReady: z.boolean(),
  /** When settlement becomes available (the latest of the window's end and the coupons' validity end). */
  deadline: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Activity = z.infer<typeof activitySchema>;

// ---------------------------------------------------------------- settlement (结算入帐, seed 001 二(六))

export const activityRedemptionQuerySchema = pageQuerySchema.extend({ merchantId: uuidSchema.optional() });
export const activityRedemptionRowSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  /** Masked: `张*三`. */
  memberName: z.string(),
  phoneMasked: z.string().nullable(),
  memberOrgName: z.string(),
  couponName: z.string(),
  faceValueFen: z.number().int(),
  merchantId: z.uuid(),
  merchantName: z.string(),
  redeemedBy: z.string(),
  redeemedAt: z.string(),
});
export type ActivityRedemptionRow = z.infer<typeof activityRedemptionRowSchema>;
export const activityRedemptionPageSchema = pageOf(activityRedemptionRowSchema);

/** claimed = redeemed + expired + still held; stock = claimed + unclaimed. */
export const settlementSummarySchema = z.object({
  stock: z.number().int(),
  claimed: z.number().int(),
  redeemed: z.number().int(),
  /** 视为放弃: claimed but not redeemed within the validity. */
  forfeited: z.number().int(),
  /** Claimed and still redeemable (only before the deadline). */
  outstanding: z.number().int(),
  unclaimed: z.number().int(),
  redeemedValueFen: z.number().int(),
  ready: z.boolean(),
  deadline: z.string(),
});
export type SettlementSummary = z.infer<typeof settlementSummarySchema>;

export const activitySettlementQuerySchema = z.object({ merchantId: uuidSchema.optional() });
export const merchantSettlementQuerySchema = z.object({ activityId: uuidSchema });
