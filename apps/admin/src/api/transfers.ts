import type { z } from 'zod';
import type { Transfer, UnionHit, transferInBodySchema, transferOutBodySchema, transferPageSchema, transferQuerySchema } from '@gonghui/contracts';
import { api } from './client';
import type { ImportSubmitted } from './member-imports';

export type TransferPage = z.infer<typeof transferPageSchema>;
export type TransferQuery = Partial<z.infer<typeof transferQuerySchema>>;
export type TransferInBody = z.input<typeof transferInBodySchema>;
export type TransferOutBody = z.input<typeof transferOutBodySchema>;

export const transfersApi = {
  /** One person from another union into base union orgId; the releasing side reviews it. */
  transferIn: (orgId: string, body: TransferInBody) => api.post<Transfer>(`/api/orgs/${orgId}/transfers-in`, body),
  /** A member (membership id) of this union out to another base union, with the member's version. */
  transferOut: (memberId: string, body: TransferOutBody) => api.post<Transfer>(`/api/members/${memberId}/transfer-out`, body),
  list: (query: TransferQuery) => api.get<TransferPage>('/api/transfers', query),
  /** A filled transfer-in template (.xlsx); answers with its collection task, like a member import. */
  upload: (orgId: string, file: File) => api.upload<ImportSubmitted>(`/api/orgs/${orgId}/transfer-imports`, file, file.name),
  /** The transfer-in template: a plain link, the browser downloads it with the session cookie. */
  templateUrl: (orgId: string) => `/api/orgs/${orgId}/transfer-template`,
  /** Base unions anywhere in the city by name, for picking where a member goes. */
  searchUnions: (q: string) => api.get<{ items: UnionHit[] }>('/api/unions/search', { q }),
};
