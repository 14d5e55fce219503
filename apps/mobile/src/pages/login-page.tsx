import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { AuthShell } from '../components/auth-shell';
import { LoginForm } from '../components/login-form';
import { useSession } from '../hooks/session';

/** 登录: phone or account, password, captcha. */
export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; expired?: boolean };

  if (session.data) return <Navigate to={state.from ?? '/'} replace />;

  return (
    <AuthShell
      title="职工之家"
      subtitle="工会会员服务 · 济南市总工会"
      footer={
        <span>
          还没有账号？<Link to="/register">立即注册</Link>
          <span className="footer-sep"> · </span>
          <Link to="/lost-phone">原手机号丢失</Link>
        </span>
      }
    >
      <LoginForm
        usernameLabel="手机号或账号"
        usernamePlaceholder="请输入手机号或账号"
        initialError={state.expired ? '登录已过期，请重新登录' : null}
        onLoggedIn={() => navigate(state.from ?? '/', { replace: true })}
      />
    </AuthShell>
  );
}
