import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { PageSkeleton } from '../components/page-skeleton';
import { RequireSession, SessionGoneWatcher } from '../components/session-guard';
import { useSession } from '../hooks/session';

// Every page is its own chunk; only the scan page loads the camera scanner.
const LoginPage = lazy(() => import('./pages/login-page'));
const InitialPasswordPage = lazy(() => import('./pages/initial-password-page'));
const HomePage = lazy(() => import('./pages/home-page'));
const ScanPage = lazy(() => import('./pages/scan-page'));
const CodePage = lazy(() => import('./pages/code-page'));
const PreviewPage = lazy(() => import('./pages/preview-page'));
const ResultPage = lazy(() => import('./pages/result-page'));
const HistoryPage = lazy(() => import('./pages/history-page'));
const ChangePasswordPage = lazy(() => import('./pages/change-password-page'));

/** An account still on its initial password may do nothing but change it (the server agrees). */
function RequireChangedPassword({ children }: { children: ReactNode }) {
  const session = useSession();
  const path = useLocation().pathname;
  if (session.data?.mustChangePassword && path !== '/initial-password') return <Navigate to="/initial-password" replace />;
  if (!session.data?.mustChangePassword && path === '/initial-password') return <Navigate to="/" replace />;
  return <>{children}</>;
}

export function MerchantRoutes() {
  const guard = (node: ReactNode) => (
    <RequireSession>
      <RequireChangedPassword>{node}</RequireChangedPassword>
    </RequireSession>
  );
  return (
    <Suspense fallback={<PageSkeleton />}>
      <SessionGoneWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/initial-password" element={guard(<InitialPasswordPage />)} />
        <Route path="/" element={guard(<HomePage />)} />
        <Route path="/scan" element={guard(<ScanPage />)} />
        <Route path="/code" element={guard(<CodePage />)} />
        <Route path="/preview" element={guard(<PreviewPage />)} />
        <Route path="/result" element={guard(<ResultPage />)} />
        <Route path="/history" element={guard(<HistoryPage />)} />
        <Route path="/password" element={guard(<ChangePasswordPage />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
