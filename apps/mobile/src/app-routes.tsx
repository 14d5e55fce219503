import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { PageSkeleton } from './components/page-skeleton';
import { RequireSession, SessionGoneWatcher } from './components/session-guard';
import { TabLayout } from './components/tab-layout';

// Every page is its own chunk: the entry holds only the shell.
const LoginPage = lazy(() => import('./pages/login-page'));
const RegisterPage = lazy(() => import('./pages/register-page'));
const LostPhonePage = lazy(() => import('./pages/lost-phone-page'));
const HomePage = lazy(() => import('./pages/home-page'));
const CardPage = lazy(() => import('./pages/card-page'));
const MePage = lazy(() => import('./pages/me-page'));
const VerifyPage = lazy(() => import('./pages/verify-page'));
const ApplicationsPage = lazy(() => import('./pages/applications-page'));
const ApplyPage = lazy(() => import('./pages/apply-page'));
const ProfilePage = lazy(() => import('./pages/profile-page'));
const ChangePhonePage = lazy(() => import('./pages/change-phone-page'));
const ChangePasswordPage = lazy(() => import('./pages/change-password-page'));
const ConsentsPage = lazy(() => import('./pages/consents-page'));
const ComingSoonPage = lazy(() => import('./pages/coming-soon-page'));
const ActivitiesPage = lazy(() => import('./pages/benefits/activities-page'));
const ActivityPage = lazy(() => import('./pages/benefits/activity-page'));
const CouponsPage = lazy(() => import('./pages/benefits/coupons-page'));
const CouponPage = lazy(() => import('./pages/benefits/coupon-page'));
const PoliciesPage = lazy(() => import('./pages/mutual-aid/policies-page'));

export function AppRoutes() {
  const guard = (node: ReactNode) => <RequireSession>{node}</RequireSession>;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <SessionGoneWatcher />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/lost-phone" element={<LostPhonePage />} />
        <Route element={guard(<TabLayout />)}>
          <Route path="/" element={<HomePage />} />
          <Route path="/card" element={<CardPage />} />
          <Route path="/me" element={<MePage />} />
        </Route>
        <Route path="/verify" element={guard(<VerifyPage />)} />
        <Route path="/applications" element={guard(<ApplicationsPage />)} />
        <Route path="/applications/new" element={guard(<ApplyPage />)} />
        <Route path="/me/profile" element={guard(<ProfilePage />)} />
        <Route path="/me/phone" element={guard(<ChangePhonePage />)} />
        <Route path="/me/password" element={guard(<ChangePasswordPage />)} />
        <Route path="/me/consents" element={guard(<ConsentsPage />)} />
        <Route path="/activities" element={guard(<ActivitiesPage />)} />
        <Route path="/activities/:id" element={guard(<ActivityPage />)} />
        <Route path="/coupons" element={guard(<CouponsPage />)} />
        <Route path="/coupons/:id" element={guard(<CouponPage />)} />
        <Route path="/policies" element={guard(<PoliciesPage />)} />
        <Route path="/soon/:what" element={guard(<ComingSoonPage />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
