import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken } from '../api/client';
import { authApi, memberApi, type SessionInfo } from '../api/endpoints';

export const SESSION_KEY = ['session'] as const;

/** The logged-in account, or null; its CSRF token is kept in memory for writes. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        const s = await authApi.session();
        setCsrfToken(s.csrfToken);
        return s;
      } catch (e) {
        if (e instanceof ApiError && e.isUnauthenticated) {
          setCsrfToken(null);
          return null;
        }
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/** After login or registration: remember the new session without asking again. */
export function useSetSession() {
  const qc = useQueryClient();
  return (s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    if (!s) qc.clear();
    qc.setQueryData(SESSION_KEY, s);
  };
}

/** 工会会员认证 state; most pages start from it. */
export function useVerification(enabled = true) {
  return useQuery({ queryKey: ['verification'], queryFn: memberApi.verification, enabled, staleTime: 15_000 });
}

