import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { loginBodySchema } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { AuthShell } from '../components/auth-shell';
import { CaptchaInput, useCaptcha } from '../components/captcha-field';
import { FormError } from '../components/form-error';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useSession, useSetSession } from '../hooks/session';

interface Values {
  username: string;
  password: string;
  captchaAnswer: string;
}

/** 登录: phone or account, password, captcha; the server's answer (wrong, locked for 15 minutes) as it says it. */
export default function LoginPage() {
  const [form] = Form.useForm<Values>();
  const captcha = useCaptcha('login');
  const session = useSession();
  const setSession = useSetSession();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; expired?: boolean };
  const [error, setError] = useState<string | null>(state.expired ? '登录已过期，请重新登录' : null);
  const [busy, setBusy] = useState(false);

  if (session.data) return <Navigate to={state.from ?? '/'} replace />;

  const submit = async () => {
    setError(null);
    const body = parseInto(form, loginBodySchema, { ...form.getFieldsValue(), captchaId: captcha.id ?? '' });
    if (!body) return;
    setBusy(true);
    try {
      const s = await authApi.login(body);
      setSession(s);
      navigate(state.from ?? '/', { replace: true });
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
      form.setFieldValue('captchaAnswer', '');
      void captcha.refresh();
    } finally {
      setBusy(false);
    }
  };

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
      <h2 className="auth-title">登录</h2>
      <FormError message={error} />
      <Form form={form} layout="vertical" onFinish={submit} footer={null} requiredMarkStyle="none">
        <Form.Item name="username" label="手机号或账号">
          <Input placeholder="请输入手机号或账号" autoComplete="username" clearable />
        </Form.Item>
        <Form.Item name="password" label="密码">
          <Input type="password" placeholder="请输入密码" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="captchaAnswer" label="验证码">
          <CaptchaInput captcha={captcha} />
        </Form.Item>
      </Form>
      <Button block color="primary" size="large" loading={busy} onClick={submit} className="primary-cta">
        登录
      </Button>
    </AuthShell>
  );
}
