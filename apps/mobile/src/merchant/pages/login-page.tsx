import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { AuthShell } from '../../components/auth-shell';
import { LoginForm } from '../../components/login-form';
import { useSession } from '../../hooks/session';

/** 商家端登录: the phone number the union registered for the shop assistant, and the password. */
export default function MerchantLoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const state = (useLocation().state ?? {}) as { from?: string; expired?: boolean };
  if (session.data) return <Navigate to={state.from ?? '/'} replace />;
  return (
    <AuthShell title="商家核销" subtitle="职工之家 · 工会福利核销端" smsInbox={false} footer={<span className="muted">账号由发放福利的工会开通；忘记密码请联系该工会重置。</span>}>
      <LoginForm
        usernameLabel="手机号"
        usernamePlaceholder="工会为您开通的手机号"
        initialError={state.expired ? '登录已过期，请重新登录' : null}
        onLoggedIn={(s) => navigate(s.mustChangePassword ? '/initial-password' : (state.from ?? '/'), { replace: true })}
      />
    </AuthShell>
  );
}
