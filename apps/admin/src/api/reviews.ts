import type { z } from 'zod';
import type {
  ReviewCounts,
  ReviewDetail,
  reviewApproveBodySchema,
  reviewPageSchema,
  reviewQuerySchema,
  reviewResubmitBodySchema,
  reviewReturnBodySchema,
  reviewWithdrawBodySchema,
} from '@gonghui/contracts';
import { api } from './client';

export type ReviewPage = z.infer<typeof reviewPageSchema>;
export type ReviewQuery = Partial<z.infer<typeof reviewQuerySchema>>;
export type ReviewApproveBody = z.input<typeof reviewApproveBodySchema>;
export type ReviewReturnBody = z.input<typeof reviewReturnBodySchema>;
export type ReviewWithdrawBody = z.input<typeof reviewWithdrawBodySchema>;
export type ReviewResubmitBody = z.input<typeof reviewResubmitBodySchema>;

export const reviewsApi = {
  /** One box (待我审核, 我提交的, ...) seen from the active post's organisation, newest first. */
  list: (query: ReviewQuery) => api.get<ReviewPage>('/api/reviews', query),
  /** What waits for the active post's organisation: the menu badge. */
  counts: () => api.get<ReviewCounts>('/api/reviews/counts'),
  get: (id: string) => api.get<ReviewDetail>(`/api/reviews/${id}`),
  approve: (id: string, body: ReviewApproveBody) => api.post<ReviewDetail>(`/api/reviews/${id}/approve`, body),
  return: (id: string, body: ReviewReturnBody) => api.post<ReviewDetail>(`/api/reviews/${id}/return`, body),
  withdraw: (id: string, body: ReviewWithdrawBody) => api.post<ReviewDetail>(`/api/reviews/${id}/withdraw`, body),
  resubmit: (id: string, body: ReviewResubmitBody) => api.post<ReviewDetail>(`/api/reviews/${id}/resubmit`, body),
};

/** The query key of one review's detail. */
export const reviewKey = (id: string) => ['review', id] as const;
/** The query key of the menu badge's counts. */
export const reviewCountsKey = ['review-counts'] as const;
