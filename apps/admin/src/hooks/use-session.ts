import { useCallback } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Permission, SessionInfo } from '@gonghui/contracts';
import { ApiError, setCsrfToken } from '../api/client';
import { authApi } from '../api/auth';
import { setLoginNotice } from './login-notice';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const session = await authApi.session();
    setCsrfToken(session.csrfToken);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The session probe: SessionInfo when logged in, null otherwise. */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: fetchSession,
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

let lastSession: SessionInfo | null = null;

/**
 * The session of the logged-in console (only used below the login gate). While a logout
 * or an expiry unmounts the console, the last session stands in for one render.
 */
export function useSession(): SessionInfo {
  const { data } = useSessionQuery();
  if (data) lastSession = data;
  if (!lastSession) throw new Error('useSession used outside a logged-in area');
  return lastSession;
}

export function usePermission(permission: Permission): boolean {
  const { data } = useSessionQuery();
  return !!data?.permissions.includes(permission);
}

/**
 * Stores a session answered by login, switch-post, bind, register or logout (null).
 * With resetData every cached organisation/account/audit answer is dropped, since
 * what the user may see depends on the active post.
 */
export function useApplySession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: SessionInfo | null, options: { resetData?: boolean } = {}) => {
      setCsrfToken(session?.csrfToken ?? null);
      if (session) setLoginNotice(null);
      if (options.resetData) queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      queryClient.setQueryData(sessionKey, session);
    },
    [queryClient],
  );
}
