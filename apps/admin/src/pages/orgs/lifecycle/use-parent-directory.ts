import { useQuery } from '@tanstack/react-query';
import { orgLifecycleApi } from '../../../api/org-lifecycle';

/** Upper unions across the city (districts, industry unions, streets), for choosing a new parent. */
export function useParentDirectory() {
  const q = useQuery({ queryKey: ['org-directory'], queryFn: orgLifecycleApi.directory, staleTime: 300_000 });
  const rows = q.data ?? [];
  return {
    loading: q.isLoading,
    rows,
    districts: rows.filter((r) => r.kind !== 'street_union'),
    /** Where a base union can sit inside one district: its streets, or the industry union itself. */
    parentsIn: (districtId: string | undefined) => rows.filter((r) => r.districtId === districtId && (r.kind === 'street_union' || r.kind === 'industry_union')),
    districtOf: (orgId: string | null | undefined) => rows.find((r) => r.id === orgId)?.districtId,
  };
}
