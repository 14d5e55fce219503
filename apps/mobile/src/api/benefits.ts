import type { z } from 'zod';
import { IDEMPOTENCY_HEADER, type CouponToken, type ECouponStatus, type MemberActivityDetail, type MemberActivitySummary, type MyCoupon, type myCouponPageSchema } from '@gonghui/contracts';
import { api } from './client';

export type MyCouponPage = z.infer<typeof myCouponPageSchema>;
export type { CouponToken, MemberActivityDetail, MemberActivitySummary, MyCoupon };

/** 普惠活动 in the member app: open activities of the member's union, claiming, 我的券. */
export const benefitsApi = {
  activities: () => api.get<{ items: MemberActivitySummary[] }>('/api/me/activities'),
  activity: (id: string) => api.get<MemberActivityDetail>(`/api/me/activities/${id}`),
  /** 领取: the key makes a retried tap replay the first answer instead of claiming again. */
  claim: (activityId: string, prizeId: string, idempotencyKey: string) =>
    api.post<MyCoupon>(`/api/me/activities/${activityId}/claims`, { prizeId }, { [IDEMPOTENCY_HEADER]: idempotencyKey }),
  coupons: (status: ECouponStatus, page = 1) => api.get<MyCouponPage>('/api/me/coupons', { status, page, pageSize: 50 }),
  coupon: (id: string) => api.get<MyCoupon>(`/api/me/coupons/${id}`),
  /** A fresh signed token for the coupon's QR code. */
  couponToken: (id: string) => api.post<CouponToken>(`/api/me/coupons/${id}/token`),
};

/** Query keys, shared so a claim refreshes the lists. */
export const activitiesKey = ['benefit-activities'] as const;
export const couponsKey = ['my-coupons'] as const;
