import { Button, Form, Input } from 'antd-mobile';
import { useState } from 'react';
import { loginBodySchema, type SessionInfo } from '@gonghui/contracts';
import { errorMessage } from '../api/client';
import { authApi } from '../api/endpoints';
import { parseInto, showFieldIssues } from '../hooks/form-errors';
import { useSetSession } from '../hooks/session';
import { CaptchaInput, useCaptcha } from './captcha-field';
import { FormError } from './form-error';

interface Values {
  username: string;
  password: string;
  captchaAnswer: string;
}

/**
 * 登录 for both phone apps: account or phone, password, captcha; the server's answer (wrong,
 * locked for 15 minutes) as it says it. The member app and the merchant app differ only in words.
 */
export function LoginForm({ usernameLabel, usernamePlaceholder, initialError, onLoggedIn }: { usernameLabel: string; usernamePlaceholder: string; initialError?: string | null; onLoggedIn: (s: SessionInfo) => void }) {
  const [form] = Form.useForm<Values>();
  const captcha = useCaptcha('login');
  const setSession = useSetSession();
  const [error, setError] = useState<string | null>(initialError ?? null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setError(null);
    const body = parseInto(form, loginBodySchema, { ...form.getFieldsValue(), captchaId: captcha.id ?? '' });
    if (!body) return;
    setBusy(true);
    try {
      const s = await authApi.login(body);
      setSession(s);
      onLoggedIn(s);
    } catch (e) {
      if (!showFieldIssues(form, e)) setError(errorMessage(e));
      form.setFieldValue('captchaAnswer', '');
      void captcha.refresh();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2 className="auth-title">登录</h2>
      <FormError message={error} />
      <Form form={form} layout="vertical" onFinish={submit} footer={null} requiredMarkStyle="none">
        <Form.Item name="username" label={usernameLabel}>
          <Input placeholder={usernamePlaceholder} autoComplete="username" clearable />
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
    </>
  );
}
