import { Button, Result, Spin } from 'antd';
import { Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { SessionInfo } from '@gonghui/contracts';
import { PageLoading } from './components/page-loading';
import { useSessionQuery } from './hooks/use-session';
import { homePath } from './layout/menu';
import { ForgotPasswordPage } from './pages/forgot-password-page';
import { LoginPage } from './pages/login-page';
import { RegisterPage } from './pages/register-page';
import { RegisterEnterprisePage } from './pages/register-enterprise-page';
import { lazyNamed } from './utils/lazy-named';

// The pages after login load on demand, so the login page needs neither the console frame nor
// pro-components. The three pages before login are small and stay in the entry chunk: moving
// between them is then instant, with no moment in which the old page still shows after a click.
const ConsoleLayout = lazyNamed(() => import('./layout/console-layout'), 'ConsoleLayout');
const AccountsPage = lazyNamed(() => import('./pages/accounts-page'), 'AccountsPage');
const AuditPage = lazyNamed(() => import('./pages/audit-page'), 'AuditPage');
const ChangePasswordPage = lazyNamed(() => import('./pages/change-password-page'), 'ChangePasswordPage');
const ForceChangePasswordPage = lazyNamed(() => import('./pages/force-change-password-page'), 'ForceChangePasswordPage');
const ForceTotpPage = lazyNamed(() => import('./pages/force-totp-page'), 'ForceTotpPage');
const MembersPage = lazyNamed(() => import('./pages/members/members-page'), 'MembersPage');
const MemberImportsPage = lazyNamed(() => import('./pages/member-imports/member-imports-page'), 'MemberImportsPage');
const ImportTaskPage = lazyNamed(() => import('./pages/member-imports/import-task-page'), 'ImportTaskPage');
const InspectionsPage = lazyNamed(() => import('./pages/inspections/inspections-page'), 'InspectionsPage');
const ReviewsPage = lazyNamed(() => import('./pages/reviews/reviews-page'), 'ReviewsPage');
const ReviewDetailPage = lazyNamed(() => import('./pages/reviews/review-detail-page'), 'ReviewDetailPage');
const TransfersPage = lazyNamed(() => import('./pages/transfers/transfers-page'), 'TransfersPage');
const MyPostsPage = lazyNamed(() => import('./pages/my-posts-page'), 'MyPostsPage');
const NoPostPage = lazyNamed(() => import('./pages/no-post-page'), 'NoPostPage');
const OrgFilingPage = lazyNamed(() => import('./pages/filing/org-filing-page'), 'OrgFilingPage');
const OrgSearchPage = lazyNamed(() => import('./pages/orgs/org-search-page'), 'OrgSearchPage');
const OrgsPage = lazyNamed(() => import('./pages/orgs/orgs-page'), 'OrgsPage');
const UnitEnrolmentPage = lazyNamed(() => import('./pages/mutual-aid/unit-enrolment-page'), 'UnitEnrolmentPage');
const EnrolmentsPage = lazyNamed(() => import('./pages/mutual-aid/enrolments-page'), 'EnrolmentsPage');
const PlansPage = lazyNamed(() => import('./pages/mutual-aid/plans-page'), 'PlansPage');
const TotpPage = lazyNamed(() => import('./pages/totp-page'), 'TotpPage');
const MerchantsPage = lazyNamed(() => import('./pages/benefits/merchants-page'), 'MerchantsPage');
const CouponsPage = lazyNamed(() => import('./pages/benefits/coupons-page'), 'CouponsPage');
const ActivitiesPage = lazyNamed(() => import('./pages/benefits/activities-page'), 'ActivitiesPage');
const ActivityDetailPage = lazyNamed(() => import('./pages/benefits/activity-detail-page'), 'ActivityDetailPage');

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
            <Route path="/inspections" element={<InspectionsPage />} />
          </>
        )}
        {can('member.read') && (
          <>
            <Route path="/members" element={<MembersPage />} />
            <Route path="/member-imports" element={<MemberImportsPage />} />
            <Route path="/member-imports/:id" element={<ImportTaskPage />} />
            <Route path="/transfers" element={<TransfersPage />} />
          </>
        )}
        {can('review.act') && (
          <>
            <Route path="/reviews" element={<ReviewsPage />} />
            <Route path="/reviews/:id" element={<ReviewDetailPage />} />
          </>
        )}
        {can('mutualAid.read') && (
          <>
            <Route path="/mutual-aid/enrolment" element={<UnitEnrolmentPage />} />
            <Route path="/mutual-aid/enrolments" element={<EnrolmentsPage />} />
            <Route path="/mutual-aid/plans" element={<PlansPage />} />
          </>
        )}
        {can('benefit.manage') && (
          <>
            <Route path="/benefits/merchants" element={<MerchantsPage />} />
            <Route path="/benefits/coupons" element={<CouponsPage />} />
            <Route path="/benefits/activities" element={<ActivitiesPage />} />
            <Route path="/benefits/activities/:id" element={<ActivityDetailPage />} />
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
function SessionRoutes({ session }: { session: SessionInfo | null }) {
  if (!session)
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/register-enterprise" element={<RegisterEnterprisePage />} />
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
        <Route path="/filing" element={<OrgFilingPage />} />
        <Route path="*" element={<Navigate to="/bind-post" replace />} />
      </Routes>
    );

  return <ConsoleRoutes session={session} />;
}

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

  return (
    <Suspense fallback={<PageLoading />}>
      <SessionRoutes session={session ?? null} />
    </Suspense>
  );
}
