import type { z } from 'zod';
import type {
  MemberDetail,
  createMemberBodySchema,
  memberPageSchema,
  memberRowSchema,
  memberSearchQuerySchema,
  memberStatusBodySchema,
  revealBodySchema,
  revealResponseSchema,
  updateMemberBodySchema,
} from '@gonghui/contracts';
import { api } from './client';

export type MemberRow = z.infer<typeof memberRowSchema>;
export type MemberPage = z.infer<typeof memberPageSchema>;
export type MemberSearchQuery = Partial<z.infer<typeof memberSearchQuerySchema>>;
export type CreateMemberBody = z.input<typeof createMemberBodySchema>;
export type UpdateMemberBody = z.input<typeof updateMemberBodySchema>;
export type MemberStatusBody = z.input<typeof memberStatusBodySchema>;
export type RevealField = z.infer<typeof revealBodySchema>['field'];
type Revealed = z.infer<typeof revealResponseSchema>;

export const membersApi = {
  // POST: a search by document number or phone must not put the number in a URL.
  search: (query: MemberSearchQuery) => api.post<MemberPage>('/api/members/search', query),
  get: (id: string) => api.get<MemberDetail>(`/api/members/${id}`),
  create: (orgId: string, body: CreateMemberBody) => api.post<MemberDetail>(`/api/orgs/${orgId}/members`, body),
  update: (id: string, body: UpdateMemberBody) => api.patch<MemberDetail>(`/api/members/${id}`, body),
  changeStatus: (id: string, body: MemberStatusBody) => api.post<MemberDetail>(`/api/members/${id}/status`, body),
  /**
   * One full number, for a stated reason; the server audits every call. The answer is for the
   * caller's eyes once: never put it in the query cache or browser storage.
   */
  reveal: (id: string, field: RevealField, reason: string) => api.post<Revealed>(`/api/members/${id}/reveal`, { field, reason }),
};

/** The query key of one member's detail. */
export const memberKey = (id: string) => ['member', id] as const;
