import type { z } from 'zod';
import { IDEMPOTENCY_HEADER, type MerchantMe, type Redemption, type RedemptionInput, type RedemptionPreview, type redemptionPageSchema } from '@gonghui/contracts';
import { api } from '../api/client';

export type RedemptionPage = z.infer<typeof redemptionPageSchema>;
export type { MerchantMe, Redemption, RedemptionInput, RedemptionPreview };

/** The merchant app's calls: who I serve, preview → redeem, and my history. */
export const merchantApi = {
  me: () => api.get<MerchantMe>('/api/merchant/me'),
  preview: (input: RedemptionInput) => api.post<RedemptionPreview>('/api/merchant/redemptions/preview', input),
  /** 确认核销: the key makes a retried tap replay the first answer instead of redeeming again. */
  redeem: (input: RedemptionInput, idempotencyKey: string) => api.post<Redemption>('/api/merchant/redemptions', input, { [IDEMPOTENCY_HEADER]: idempotencyKey }),
  history: (page: number) => api.get<RedemptionPage>('/api/merchant/redemptions', { page, pageSize: 20 }),
};
