import { IDEMPOTENCY_HEADER } from '@gonghui/contracts';
import type { z } from 'zod';
import type {
  MutualAidEnrolmentDetail,
  MutualAidPlan,
  MutualAidRoster,
  mutualAidEnrolmentMemberPageSchema,
  mutualAidEnrolmentPageSchema,
  mutualAidEnrolmentQuerySchema,
  mutualAidPlanBodySchema,
  mutualAidResubmitBodySchema,
  mutualAidSubmitBodySchema,
} from '@gonghui/contracts';
import { api, downloadPost, request } from './client';

export type EnrolmentPage = z.infer<typeof mutualAidEnrolmentPageSchema>;
export type EnrolmentQuery = Partial<z.infer<typeof mutualAidEnrolmentQuerySchema>>;
export type MemberPage = z.infer<typeof mutualAidEnrolmentMemberPageSchema>;
export type PlanBody = z.input<typeof mutualAidPlanBodySchema>;
export type SubmitBody = z.input<typeof mutualAidSubmitBodySchema>;
export type ResubmitBody = z.input<typeof mutualAidResubmitBodySchema>;

export const mutualAidApi = {
  plans: () => api.get<{ items: MutualAidPlan[] }>('/api/mutual-aid/plans'),
  createPlan: (body: PlanBody) => api.post<MutualAidPlan>('/api/mutual-aid/plans', body),
  updatePlan: (id: string, body: PlanBody & { version: number }) => api.patch<MutualAidPlan>(`/api/mutual-aid/plans/${id}`, body),
  /** The list as the member registry holds it now (what 一键提交 would freeze). */
  roster: (orgId: string, query: { year: number; kind: 'annual' | 'supplementary'; page: number; pageSize: number; q?: string }) =>
    api.get<MutualAidRoster>(`/api/mutual-aid/units/${orgId}/roster`, query),
  /** One key per 立即申请 dialog: a retry from the same dialog gets the first submission back. */
  submit: (orgId: string, body: SubmitBody, idempotencyKey: string) =>
    request<MutualAidEnrolmentDetail>('POST', `/api/mutual-aid/units/${orgId}/enrolments`, { body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
  list: (query: EnrolmentQuery) => api.get<EnrolmentPage>('/api/mutual-aid/enrolments', query),
  get: (id: string) => api.get<MutualAidEnrolmentDetail>(`/api/mutual-aid/enrolments/${id}`),
  members: (id: string, query: { page: number; pageSize: number; q?: string }) => api.get<MemberPage>(`/api/mutual-aid/enrolments/${id}/members`, query),
  withdraw: (id: string, reason?: string) => api.post<MutualAidEnrolmentDetail>(`/api/mutual-aid/enrolments/${id}/withdraw`, { reason }),
  resubmit: (id: string, body: ResubmitBody) => api.post<MutualAidEnrolmentDetail>(`/api/mutual-aid/enrolments/${id}/resubmit`, body),
  /** The contract: a plain link, the browser opens (or downloads) it with the session cookie. */
  contractUrl: (id: string, download = false) => `/api/mutual-aid/enrolments/${id}/contract.pdf${download ? '?download=1' : ''}`,
  export: (query: Omit<EnrolmentQuery, 'page' | 'pageSize'>) => downloadPost('/api/mutual-aid/enrolments/export', query, '职工互助保障入会汇总.xlsx'),
};

export const mutualAidKeys = {
  plans: ['mutual-aid', 'plans'] as const,
  unit: (orgId: string, year: number) => ['mutual-aid', 'unit', orgId, year] as const,
  enrolment: (id: string) => ['mutual-aid', 'enrolment', id] as const,
  all: ['mutual-aid'] as const,
};
