import type { z } from 'zod';
import type {
  OrgChange,
  OrgLifecycle,
  ParentDirectoryRow,
  orgAffiliationBodySchema,
  orgFilingBodySchema,
  orgModificationBodySchema,
  orgRevokeBodySchema,
  orgTransferBodySchema,
  registerEnterpriseBodySchema,
  registerEnterpriseResultSchema,
  statisticsLookupSchema,
} from '@gonghui/contracts';
import { api, request } from './client';

export type StatisticsLookup = z.infer<typeof statisticsLookupSchema>;
export type RegisterEnterpriseResult = z.infer<typeof registerEnterpriseResultSchema>;
export type OrgFilingBody = z.input<typeof orgFilingBodySchema>;
export type OrgModificationBody = z.input<typeof orgModificationBodySchema>;
export type OrgTransferBody = z.input<typeof orgTransferBodySchema>;
export type OrgRevokeBody = z.input<typeof orgRevokeBodySchema>;
export type OrgAffiliationBody = z.input<typeof orgAffiliationBodySchema>;

/** The organisation lifecycle: registration by e-mail, filing, modification, transfer, revoke, affiliation. */
export const orgLifecycleApi = {
  registerEnterprise: (body: z.input<typeof registerEnterpriseBodySchema>) => api.post<RegisterEnterpriseResult>('/api/auth/register-enterprise', body),
  lookupUnit: (name: string) => api.get<StatisticsLookup>('/api/statistics/units', { name }),
  directory: () => api.get<ParentDirectoryRow[]>('/api/org-directory'),
  submitFiling: (body: OrgFilingBody) => api.post<OrgChange>('/api/org-filings', body),
  myFilings: () => api.get<OrgChange[]>('/api/org-filings/mine'),
  withdrawFiling: (id: string) => api.post<OrgChange>(`/api/org-filings/${id}/withdraw`),
  resubmitFiling: (id: string, payload: OrgFilingBody) => api.post<OrgChange>(`/api/org-filings/${id}/resubmit`, { payload }),
  lifecycle: (orgId: string) => api.get<OrgLifecycle>(`/api/orgs/${orgId}/lifecycle`),
  modify: (orgId: string, body: OrgModificationBody) => api.post<OrgChange>(`/api/orgs/${orgId}/modifications`, body),
  transfer: (orgId: string, body: OrgTransferBody) => api.post<OrgChange>(`/api/orgs/${orgId}/org-transfers`, body),
  revoke: (orgId: string, body: OrgRevokeBody) => api.post<OrgChange>(`/api/orgs/${orgId}/revoke`, body),
  changeAffiliation: (orgId: string, body: OrgAffiliationBody) => api.post<OrgChange>(`/api/orgs/${orgId}/affiliation`, body),
  /** Cross-district: the text fields go before the file, as the server reads them. */
  requestAffiliation: (orgId: string, fields: { targetParentId: string; note?: string }, file: File) => {
    const form = new FormData();
    form.append('targetParentId', fields.targetParentId);
    if (fields.note) form.append('note', fields.note);
    form.append('file', file, file.name);
    return request<OrgChange>('POST', `/api/orgs/${orgId}/affiliation-requests`, { form });
  },
  attachmentUrl: (changeId: string) => `/api/org-changes/${changeId}/attachment`,
};
