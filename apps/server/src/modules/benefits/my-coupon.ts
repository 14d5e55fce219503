import type { ECouponStatus, MyCoupon } from '@gonghui/contracts';
import type { MyCouponRow } from './claims.repository.js';
import { formatCouponCode } from './coupon-code.js';

/** An e-coupon as 我的券 and a claim's answer show it. */
export function toMyCoupon(r: MyCouponRow): MyCoupon {
  const e = r.e;
  return {
    id: e.id,
    code: formatCouponCode(e.code),
    status: e.status as ECouponStatus,
    couponTitle: r.couponTitle,
    couponName: r.couponName,
    faceValueFen: e.faceValueFen,
    conditions: r.conditions,
    description: r.description,
    validFrom: e.validFrom.toISOString(),
    validTo: e.validTo.toISOString(),
    activityId: e.activityId,
    activityTitle: r.activityTitle,
    orgName: r.orgName,
    merchantName: r.merchantName,
    claimedAt: e.claimedAt.toISOString(),
    redeemedAt: e.redeemedAt?.toISOString() ?? null,
    redeemedMerchantName: r.redeemedMerchantName,
    expiredAt: e.expiredAt?.toISOString() ?? null,
  };
}
