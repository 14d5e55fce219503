import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { setCsrfToken, setSessionErrorHandler } from '../api/client';
import { setLoginNotice } from '../hooks/login-notice';
import { sessionKey } from '../hooks/use-session';

/**
 * Any 401 (UNAUTHENTICATED / SESSION_EXPIRED) from any call: back to the login page, with
 * the reason. A 403 PASSWORD_CHANGE_REQUIRED / TOTP_SETUP_REQUIRED / NO_POST: reload the
 * session, so the console shows the forced password change, authenticator enrolment or
 * post binding page.
 */
export function SessionExpiryWatcher() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();

  useEffect(() => {
    setSessionErrorHandler((error) => {
      if (!queryClient.getQueryData(sessionKey)) return; // already on the public pages
      if (!error.isUnauthenticated) {
        void queryClient.invalidateQueries({ queryKey: sessionKey });
        return;
      }
      setCsrfToken(null);
      const reason = error.code === 'SESSION_EXPIRED' ? error.message : '登录状态已失效，请重新登录';
      setLoginNotice(reason);
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      message.warning(reason);
      navigate('/login', { replace: true });
    });
    return () => setSessionErrorHandler(null);
  }, [queryClient, navigate, message]);

  return null;
}
