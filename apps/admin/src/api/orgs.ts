import type { z } from 'zod';
import type {
  OrgDetail,
  OrgNode,
  WorkUnit,
  activationCodePageSchema,
  activationCodeRowSchema,
  createOrgBodySchema,
  createWorkUnitBodySchema,
  issueActivationCodeBodySchema,
  issuedActivationCodeSchema,
  okSchema,
  orgPageSchema,
  orgPostRowSchema,
  orgSearchQuerySchema,
  updateOrgBodySchema,
  updateWorkUnitBodySchema,
} from '@gonghui/contracts';
import { api } from './client';

export type OrgPage = z.infer<typeof orgPageSchema>;
export type OrgSearchRow = OrgPage['items'][number];
export type OrgSearchQuery = z.infer<typeof orgSearchQuerySchema>;
export type CreateOrgBody = z.input<typeof createOrgBodySchema>;
export type UpdateOrgBody = z.input<typeof updateOrgBodySchema>;
export type CreateWorkUnitBody = z.input<typeof createWorkUnitBodySchema>;
export type UpdateWorkUnitBody = z.input<typeof updateWorkUnitBodySchema>;
export type OrgPostRow = z.infer<typeof orgPostRowSchema>;
export type ActivationCodeRow = z.infer<typeof activationCodeRowSchema>;
export type ActivationCodePage = z.infer<typeof activationCodePageSchema>;
export type IssueActivationCodeBody = z.input<typeof issueActivationCodeBodySchema>;
export type IssuedActivationCode = z.infer<typeof issuedActivationCodeSchema>;
type Ok = z.infer<typeof okSchema>;

export const orgsApi = {
  /** Children of parentId; without it, the root (the active post's organisation). */
  tree: (parentId?: string) => api.get<OrgNode[]>('/api/orgs/tree', { parentId }),
  search: (query: OrgSearchQuery) => api.get<OrgPage>('/api/orgs', query),
  get: (id: string) => api.get<OrgDetail>(`/api/orgs/${id}`),
  update: (id: string, body: UpdateOrgBody) => api.patch<OrgDetail>(`/api/orgs/${id}`, body),
  createChild: (parentId: string, body: CreateOrgBody) => api.post<OrgDetail>(`/api/orgs/${parentId}/children`, body),

  workUnits: (orgId: string) => api.get<WorkUnit[]>(`/api/orgs/${orgId}/work-units`),
  createWorkUnit: (orgId: string, body: CreateWorkUnitBody) => api.post<WorkUnit>(`/api/orgs/${orgId}/work-units`, body),
  updateWorkUnit: (id: string, body: UpdateWorkUnitBody) => api.patch<WorkUnit>(`/api/work-units/${id}`, body),

  posts: (orgId: string) => api.get<OrgPostRow[]>(`/api/orgs/${orgId}/posts`),
  revokePost: (postId: string) => api.post<Ok>(`/api/posts/${postId}/revoke`),

  activationCodes: (orgId: string, page: number, pageSize: number) =>
    api.get<ActivationCodePage>(`/api/orgs/${orgId}/activation-codes`, { page, pageSize }),
  issueActivationCode: (orgId: string, body: IssueActivationCodeBody) =>
    api.post<IssuedActivationCode>(`/api/orgs/${orgId}/activation-codes`, body),
  revokeActivationCode: (id: string) => api.post<unknown>(`/api/activation-codes/${id}/revoke`),
};
