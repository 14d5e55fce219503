import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../api/auth';
import { setLoginNotice } from './login-notice';
import { sessionKey, useApplySession } from './use-session';

/** Ends the session on the server, forgets every cached answer and shows the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const applySession = useApplySession();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone on the server; the user is logged out either way.
    }
    setLoginNotice('您已安全退出');
    applySession(null);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
    navigate('/login', { replace: true });
  }, [queryClient, applySession, navigate]);
}
