import type { z } from 'zod';
import type { auditPageSchema, auditQuerySchema, auditVerifySchema } from '@gonghui/contracts';
import { api } from './client';

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditRow = AuditPage['items'][number];
export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type AuditVerifyResult = z.infer<typeof auditVerifySchema>;

export const auditApi = {
  search: (query: AuditQuery) => api.get<AuditPage>('/api/audit', query),
  verify: () => api.get<AuditVerifyResult>('/api/audit/verify'),
};
