import { Button, Result, Spin } from 'antd';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { SessionInfo } from '@gonghui/contracts';
import { useSessionQuery } from './hooks/use-session';
import { ConsoleLayout } from './layout/console-layout';
import { homePath } from './layout/menu';
import { AccountsPage } from './pages/accounts-page';
import { AuditPage } from './pages/audit-page';
import { ChangePasswordPage } from './pages/change-password-page';
import { ForceChangePasswordPage } from './pages/force-change-password-page';
import { ForceTotpPage } from './pages/force-totp-page';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { LoginPage } from './pages/login-page';
import { MyPostsPage } from './pages/my-posts-page';
import { NoPostPage } from './pages/no-post-page';
import { OrgSearchPage } from './pages/orgs/org-search-page';
import { OrgsPage } from './pages/orgs/orgs-page';
import { RegisterPage } from './pages/register-page';
import { TotpPage } from './pages/totp-page';

function ConsoleRoutes({ session }: { session: SessionInfo }) {
  const can = (p: SessionInfo['permissions'][number]) => session.permissions.includes(p);
  return (
    <Routes>
      <Route element={<ConsoleLayout />}>
        {can('org.read') && (
          <>
            <Route path="/orgs" element={<OrgsPage />} />
            <Route path="/orgs/:orgId" element={<OrgsPage />} />
            <Route path="/org-search" element={<OrgSearchPage />} />
          </>
        )}
        {can('account.manage') && <Route path="/accounts" element={<AccountsPage />} />}
        {can('audit.read') && <Route path="/audit" element={<AuditPage />} />}
        <Route path="/me/posts" element={<MyPostsPage />} />
        <Route path="/me/password" element={<ChangePasswordPage />} />
        <Route path="/me/totp" element={<TotpPage />} />
        <Route path="*" element={<Navigate to={homePath(session.permissions)} replace />} />
      </Route>
    </Routes>
  );
}

/**
 * Which pages exist depends on the session: none → login, register, forgotten password;
 * an initial or expired password → only the forced change; a platform operator without an
 * authenticator → only enrolling one; no post → only binding one;
 * otherwise the console, with the pages the active post may use.
 */
export function AppRoutes() {
  const { data: session, isLoading, error, refetch } = useSessionQuery();

  if (isLoading) return <Spin size="large" fullscreen tip="正在加载…" />;
  if (error)
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={(error as Error).message}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );

  if (!session)
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="*" element={<Navigate to="/login" replace />} />
      </Routes>
    );

  if (session.mustChangePassword || session.passwordExpired)
    return (
      <Routes>
        <Route path="/change-initial-password" element={<ForceChangePasswordPage />} />
        <Route path="*" element={<Navigate to="/change-initial-password" replace />} />
      </Routes>
    );

  if (session.totpRequired && !session.totpEnabled)
    return (
      <Routes>
        <Route path="/setup-totp" element={<ForceTotpPage />} />
        <Route path="*" element={<Navigate to="/setup-totp" replace />} />
      </Routes>
    );

  if (!session.activePost)
    return (
      <Routes>
        <Route path="/bind-post" element={<NoPostPage />} />
        <Route path="*" element={<Navigate to="/bind-post" replace />} />
      </Routes>
    );

  return <ConsoleRoutes session={session} />;
}
