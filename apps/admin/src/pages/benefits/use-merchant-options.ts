import { useQuery } from '@tanstack/react-query';
import { merchantStatusLabels } from '@gonghui/contracts';
import { merchantsApi } from '../../api/benefits';

/** This union's merchants for a select (a union has tens, not thousands: the first 100 by name). */
export function useMerchantOptions() {
  const q = useQuery({ queryKey: ['merchant-options'], queryFn: () => merchantsApi.list({ page: 1, pageSize: 100 }), staleTime: 30_000 });
  const options = (q.data?.items ?? []).map((m) => ({ value: m.id, label: m.status === 'online' ? m.name : `${m.name}（${merchantStatusLabels[m.status]}）` }));
  return { options, loading: q.isPending };
}
