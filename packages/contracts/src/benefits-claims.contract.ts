import { z } from 'zod';
import { pageQuerySchema, uuidSchema } from './common.js';

/**
 * 普惠活动 as members and merchants use them (seed 001 二(四)–(五)): the member app's activity list
 * and detail, claiming an e-coupon (电子券), "my coupons" with a signed short-lived QR token, and
 * the merchant app's preview → redeem (核销) → history. The console side (merchants, coupons,
 * activities, settlement) is in benefits.contract.ts. Money is in fen.
 */

/** The header a client sends so that a retried claim or redemption replays the first answer. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A key is 8–128 visible ASCII characters (a UUID is the usual choice). */
export const idempotencyKeySchema = z
  .string({ message: '请求编号（Idempotency-Key）格式不正确' })
  .regex(/^[\x21-\x7e]{8,128}$/, { message: '请求编号（Idempotency-Key）格式不正确' });

/**
 * A fresh key (a random UUID v4) for one user intent. crypto.randomUUID exists only on HTTPS pages
 * (and localhost); getRandomValues everywhere, in browsers and in Node.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 电子券 status: claimed → redeemed | expired. */
export const eCouponStatuses = ['claimed', 'redeemed', 'expired'] as const;
export type ECouponStatus = (typeof eCouponStatuses)[number];
export const eCouponStatusLabels: Record<ECouponStatus, string> = {
  claimed: '待使用',
  redeemed: '已核销',
  expired: '已过期',
};

/** Where an activity stands for a member: not started yet, or claimable now. Ended ones are not listed. */
export const memberActivityPhases = ['upcoming', 'ongoing'] as const;
export type MemberActivityPhase = (typeof memberActivityPhases)[number];
export const memberActivityPhaseLabels: Record<MemberActivityPhase, string> = { upcoming: '未开始', ongoing: '进行中' };

/** Why a member cannot claim a prize right now (null when they can). */
export const claimBlockers = ['upcoming', 'sold_out', 'limit_reached', 'coupon_disabled'] as const;
export type ClaimBlocker = (typeof claimBlockers)[number];
export const claimBlockerLabels: Record<ClaimBlocker, string> = {
  upcoming: '活动未开始',
  sold_out: '已领完',
  limit_reached: '已达领取上限',
  coupon_disabled: '暂停领取',
};

/** One line of an activity's prize list as the member sees it. */
export const memberPrizeSchema = z.object({
  prizeId: z.uuid(),
  couponTitle: z.string(),
  couponName: z.string(),
  faceValueFen: z.number().int(),
  validFrom: z.string(),
  validTo: z.string(),
  conditions: z.string().nullable(),
  description: z.string().nullable(),
  merchantName: z.string().nullable(),
  /** Whether any stock is left (the exact count is the union's business). */
  soldOut: z.boolean(),
  blocker: z.enum(claimBlockers).nullable(),
});
export type MemberPrize = z.infer<typeof memberPrizeSchema>;

export const memberActivitySummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  /** The union that runs it. */
  orgName: z.string(),
  coverUrl: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  phase: z.enum(memberActivityPhases),
  /** 每人限领1次 / 每人每天限领N次. */
  claimLimitText: z.string(),
  /** Whether every prize is gone. */
  soldOut: z.boolean(),
});
export type MemberActivitySummary = z.infer<typeof memberActivitySummarySchema>;
export const memberActivityListSchema = z.object({ items: z.array(memberActivitySummarySchema) });

export const memberActivityDetailSchema = memberActivitySummarySchema.extend({
  /** Sanitised rich text, as the union wrote it. */
  contentHtml: z.string(),
  /** What the member already claimed in the current period (all time for 仅一次, today in China time for 每天). */
  claimedInPeriod: z.number().int(),
  claimLimit: z.number().int(),
  prizes: z.array(memberPrizeSchema),
});
export type MemberActivityDetail = z.infer<typeof memberActivityDetailSchema>;

export const claimBodySchema = z.strictObject({ prizeId: uuidSchema });
export type ClaimBody = z.infer<typeof claimBodySchema>;

/** An e-coupon in 我的券. `code` is what the merchant types when the QR cannot be scanned. */
export const myCouponSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(eCouponStatuses),
  couponTitle: z.string(),
  couponName: z.string(),
  faceValueFen: z.number().int(),
  conditions: z.string().nullable(),
  description: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  activityId: z.uuid(),
  activityTitle: z.string(),
  orgName: z.string(),
  merchantName: z.string().nullable(),
  claimedAt: z.string(),
  redeemedAt: z.string().nullable(),
  /** Where it was redeemed. */
  redeemedMerchantName: z.string().nullable(),
  expiredAt: z.string().nullable(),
});
export type MyCoupon = z.infer<typeof myCouponSchema>;

export const myCouponsQuerySchema = pageQuerySchema.extend({ status: z.enum(eCouponStatuses, { message: '状态不正确' }).optional() });
export const myCouponPageSchema = z.object({ items: z.array(myCouponSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** The QR of an e-coupon: an opaque, signed, encrypted token valid for a few minutes (no code or ID in clear). */
export const couponTokenSchema = z.object({
  token: z.string(),
  /** The server's signing time: with `expiresAt`, the token's lifetime whatever the phone's clock says. */
  issuedAt: z.string(),
  expiresAt: z.string(),
});
export type CouponToken = z.infer<typeof couponTokenSchema>;

/**
 * A typed coupon code: letters and digits, case and separators ignored (the server normalises
 * them; O/I/L are read as 0/1 as people mistype them).
 */
export const couponCodeSchema = z
  .string({ message: '请输入券码' })
  .trim()
  .min(1, { message: '请输入券码' })
  .max(32, { message: '券码不正确，请核对后重新输入' })
  .regex(/^[0-9A-Za-z\s-]+$/, { message: '券码只包含字母和数字，请核对后重新输入' });

/** What the merchant app sends after a scan (`token`) or a typed code (`code`): exactly one of them. */
export const redemptionInputSchema = z
  .strictObject({
    token: z.string().trim().min(1, { message: '请扫描券二维码' }).max(512, { message: '无效的券二维码' }).optional(),
    code: couponCodeSchema.optional(),
  })
  .refine((v) => (v.token === undefined) !== (v.code === undefined), { message: '请扫描券二维码或输入券码（二选一）', path: ['token'] });
export type RedemptionInput = z.infer<typeof redemptionInputSchema>;

/** A redemption (核销记录), as the merchant app and a refused second scan show it. */
export const redemptionSchema = z.object({
  id: z.uuid(),
  couponTitle: z.string(),
  couponName: z.string(),
  faceValueFen: z.number().int(),
  activityTitle: z.string(),
  /** The member, masked (张*三). */
  holderNameMasked: z.string(),
  /** The e-coupon's code with its middle hidden. */
  codeMasked: z.string(),
  merchantName: z.string(),
  /** The staff member who confirmed it. */
  redeemedByName: z.string(),
  redeemedAt: z.string(),
});
export type Redemption = z.infer<typeof redemptionSchema>;

/** Why this merchant may not redeem a coupon right now (null when it may). */
export const redemptionBlockers = ['already_redeemed', 'expired', 'not_yet_valid', 'not_authorised'] as const;
export type RedemptionBlocker = (typeof redemptionBlockers)[number];
export const redemptionBlockerLabels: Record<RedemptionBlocker, string> = {
  already_redeemed: '该券已核销',
  expired: '该券已过期',
  not_yet_valid: '未到使用时间',
  not_authorised: '本商家无权核销该券',
};

/** 核销前预览: what the coupon is and whether this merchant may redeem it now. */
export const redemptionPreviewSchema = z.object({
  couponTitle: z.string(),
  couponName: z.string(),
  faceValueFen: z.number().int(),
  conditions: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string(),
  activityTitle: z.string(),
  orgName: z.string(),
  holderNameMasked: z.string(),
  codeMasked: z.string(),
  status: z.enum(eCouponStatuses),
  canRedeem: z.boolean(),
  blocker: z.enum(redemptionBlockers).nullable(),
  /** The Chinese reason when it cannot be redeemed. */
  blockerMessage: z.string().nullable(),
  /** When already redeemed: the first (and only) redemption. */
  redemption: redemptionSchema.nullable(),
});
export type RedemptionPreview = z.infer<typeof redemptionPreviewSchema>;

export const merchantRedemptionsQuerySchema = pageQuerySchema;
export const redemptionPageSchema = z.object({
  items: z.array(redemptionSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Face value of everything this merchant redeemed, in fen. */
  totalFaceValueFen: z.number().int(),
});
