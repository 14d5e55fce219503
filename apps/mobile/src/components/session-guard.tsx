import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setCsrfToken, setSessionGoneHandler } from '../api/client';
import { SESSION_KEY, useSession } from '../hooks/session';
import { PageSkeleton } from './page-skeleton';
import { ErrorState } from './states';

/** Pages for a logged-in account; anyone else goes to 登录 and comes back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSkeleton />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** A 401 from any call: the session ended (30 idle minutes, logout elsewhere): back to 登录. */
export function SessionGoneWatcher() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    setSessionGoneHandler(() => {
      setCsrfToken(null);
      qc.setQueryData(SESSION_KEY, null);
      navigate('/login', { replace: true, state: { expired: true } });
    });
    return () => setSessionGoneHandler(null);
  }, [qc, navigate]);
  return null;
}
