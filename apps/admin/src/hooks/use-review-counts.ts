import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { reviewCountsKey, reviewsApi } from '../api/reviews';
import { usePermission } from './use-session';

/** What waits for the active post's organisation, polled every minute while the console is open. */
export function useReviewCounts() {
  const canAct = usePermission('review.act');
  return useQuery({ queryKey: reviewCountsKey, queryFn: reviewsApi.counts, enabled: canAct, refetchInterval: 60_000 });
}

/** After any review action: the badge, the lists and the members the review moved are out of date. */
export function useInvalidateReviews() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: reviewCountsKey });
    void queryClient.invalidateQueries({ queryKey: ['member'] });
  }, [queryClient]);
}
