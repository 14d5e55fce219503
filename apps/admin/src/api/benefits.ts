import type { z } from 'zod';
import type {
  Activity,
  ActivityList,
  ActivityQuery,
  Coupon,
  CouponAuthorisation,
  CouponQuery,
  Merchant,
  MerchantImageKind,
  MerchantQuery,
  MerchantStaff,
  MerchantStaffCreated,
  SettlementSummary,
  activityCreateBodySchema,
  activityRedemptionPageSchema,
  activityUpdateBodySchema,
  couponCreateBodySchema,
  couponPageSchema,
  couponUpdateBodySchema,
  merchantCreateBodySchema,
  merchantPageSchema,
  merchantUpdateBodySchema,
} from '@gonghui/contracts';
import { api } from './client';

export type MerchantPage = z.infer<typeof merchantPageSchema>;
export type CouponPage = z.infer<typeof couponPageSchema>;
export type ActivityRedemptionPage = z.infer<typeof activityRedemptionPageSchema>;
export type MerchantCreateInput = z.input<typeof merchantCreateBodySchema>;
export type MerchantUpdateInput = z.input<typeof merchantUpdateBodySchema>;
export type CouponCreateInput = z.input<typeof couponCreateBodySchema>;
export type CouponUpdateInput = z.input<typeof couponUpdateBodySchema>;
export type ActivityCreateInput = z.input<typeof activityCreateBodySchema>;
export type ActivityUpdateInput = z.input<typeof activityUpdateBodySchema>;
export type { Activity, ActivityList, SettlementSummary, Coupon, CouponAuthorisation, Merchant, MerchantStaff, MerchantStaffCreated };

type Query<T> = Partial<T>;

/** 商家管理 (seed 001 figs. 22–24) and its staff logins (店员). */
export const merchantsApi = {
  list: (query: Query<MerchantQuery>) => api.get<MerchantPage>('/api/merchants', query),
  get: (id: string) => api.get<Merchant>(`/api/merchants/${id}`),
  create: (body: MerchantCreateInput) => api.post<Merchant>('/api/merchants', body),
  update: (id: string, body: MerchantUpdateInput) => api.patch<Merchant>(`/api/merchants/${id}`, body),
  online: (id: string, version: number) => api.post<Merchant>(`/api/merchants/${id}/online`, { version }),
  offline: (id: string, version: number) => api.post<Merchant>(`/api/merchants/${id}/offline`, { version }),
  uploadImage: (id: string, kind: MerchantImageKind, file: File) => api.upload<Merchant>(`/api/merchants/${id}/images/${kind}`, file, file.name, 'file', 'PUT'),
  /** An image as the browser shows it (same-origin, with the session cookie); `v` busts the cache after a change. */
  imageUrl: (id: string, kind: MerchantImageKind, v: number | string) => `/api/merchants/${id}/images/${kind}?v=${v}`,
  staff: (id: string) => api.get<{ items: MerchantStaff[] }>(`/api/merchants/${id}/staff`),
  addStaff: (id: string, body: { name: string; phone: string }) => api.post<MerchantStaffCreated>(`/api/merchants/${id}/staff`, body),
  removeStaff: (id: string, staffId: string) => api.delete<unknown>(`/api/merchants/${id}/staff/${staffId}`),
  /** The merchant's redemptions in one activity (.xlsx): a plain link, downloaded with the session cookie. */
  settlementUrl: (id: string, activityId: string) => `/api/merchants/${id}/settlement.xlsx?activityId=${activityId}`,
};

/** 优惠券 (figs. 25–27) and 授权. */
export const couponsApi = {
  list: (query: Query<CouponQuery>) => api.get<CouponPage>('/api/coupons', query),
  get: (id: string) => api.get<Coupon>(`/api/coupons/${id}`),
  create: (body: CouponCreateInput) => api.post<Coupon>('/api/coupons', body),
  update: (id: string, body: CouponUpdateInput) => api.patch<Coupon>(`/api/coupons/${id}`, body),
  enable: (id: string, version: number) => api.post<Coupon>(`/api/coupons/${id}/enable`, { version }),
  disable: (id: string, version: number) => api.post<Coupon>(`/api/coupons/${id}/disable`, { version }),
  authorisations: (id: string) => api.get<{ items: CouponAuthorisation[] }>(`/api/coupons/${id}/authorisations`),
  authorise: (id: string, body: { merchantId: string } | { phone: string }) => api.post<CouponAuthorisation>(`/api/coupons/${id}/authorisations`, body),
  revoke: (id: string, authId: string) => api.delete<unknown>(`/api/coupons/${id}/authorisations/${authId}`),
};

/** 活动管理 (figs. 28–30), its review, and settlement (seed 001 二(六)). */
export const activitiesApi = {
  list: (query: Query<ActivityQuery>) => api.get<ActivityList>('/api/activities', query),
  get: (id: string) => api.get<Activity>(`/api/activities/${id}`),
  create: (body: ActivityCreateInput) => api.post<Activity>('/api/activities', body),
  update: (id: string, body: ActivityUpdateInput) => api.patch<Activity>(`/api/activities/${id}`, body),
  uploadCover: (id: string, file: File) => api.upload<Activity>(`/api/activities/${id}/cover`, file, file.name, 'file', 'PUT'),
  coverUrl: (id: string, v: number | string) => `/api/activities/${id}/cover?v=${v}`,
  submit: (id: string, version: number) => api.post<Activity>(`/api/activities/${id}/submit`, { version }),
  open: (id: string, version: number) => api.post<Activity>(`/api/activities/${id}/open`, { version }),
  close: (id: string, version: number) => api.post<Activity>(`/api/activities/${id}/close`, { version }),
  /** 对账: stock, claimed, redeemed, forfeited, unclaimed, and whether the export is open yet. */
  settlement: (id: string) => api.get<SettlementSummary>(`/api/activities/${id}/settlement`),
  redemptions: (id: string, query: { page: number; pageSize: number; merchantId?: string }) => api.get<ActivityRedemptionPage>(`/api/activities/${id}/redemptions`, query),
  /** The settlement workbook (.xlsx), for all merchants or one: a plain link. */
  settlementUrl: (id: string, merchantId?: string) => `/api/activities/${id}/settlement.xlsx${merchantId ? `?merchantId=${merchantId}` : ''}`,
};

export const activityKey = (id: string) => ['activity', id] as const;
