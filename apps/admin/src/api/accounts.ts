import type { z } from 'zod';
import type { AccountRow, accountPageSchema, accountSearchQuerySchema, temporaryPasswordSchema } from '@gonghui/contracts';
import { api } from './client';

export type AccountPage = z.infer<typeof accountPageSchema>;
export type AccountSearchQuery = z.infer<typeof accountSearchQuerySchema>;
export type TemporaryPassword = z.infer<typeof temporaryPasswordSchema>;

export const accountsApi = {
  search: (query: AccountSearchQuery) => api.get<AccountPage>('/api/accounts', query),
  resetPassword: (id: string) => api.post<TemporaryPassword>(`/api/accounts/${id}/reset-password`),
  disable: (id: string) => api.post<AccountRow>(`/api/accounts/${id}/disable`),
  enable: (id: string) => api.post<AccountRow>(`/api/accounts/${id}/enable`),
  unlock: (id: string) => api.post<AccountRow>(`/api/accounts/${id}/unlock`),
};
